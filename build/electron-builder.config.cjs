// electron-builder: packages out/ (built by `npm run build`) into the desktop app.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'app.comptoir.desktop',
  productName: 'Comptoir',
  // Not dist/: Vite's default output lives there.
  directories: { output: 'out/dist', buildResources: 'build/resources' },
  files: [
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    'out/store/**',
    'package.json',
    '!**/*.map',
    // main, preloads and pages are bundled: no node_modules needed at run time.
    '!node_modules/**',
  ],
  asar: true,
  // Everything main needs is bundled into main.cjs: no native module to rebuild, nothing to fetch.
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  // Flipped in the packaged Electron binary (electron-builder's own step, with @electron/fuses):
  // no way to run it as a plain Node, to inject code through NODE_OPTIONS or --inspect, or to
  // load an app other than the packaged, integrity-checked app.asar; cookies encrypted at rest.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    enableCookieEncryption: true,
  },
  linux: { target: ['dir', 'AppImage', 'deb'], category: 'Office' },
  mac: { target: ['dmg'], category: 'public.app-category.business' },
  win: { target: ['nsis'] },
};
