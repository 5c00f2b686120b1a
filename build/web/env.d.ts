/** Set by the Vite config from package.json. */
declare const __APP_VERSION__: string;
