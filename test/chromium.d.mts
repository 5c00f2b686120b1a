export declare const chromiumLaunch: { executablePath: string | undefined; args: string[] };
