import type { BrowserType } from '@playwright/test';

export declare const chromiumLaunch: { executablePath: string | undefined; args: string[] };
export declare function appChromiumLaunch(
  chromium: BrowserType,
  extraArgs?: string[],
): Promise<{
  executablePath: string | undefined;
  args: string[];
  ignoreDefaultArgs: string[];
}>;
