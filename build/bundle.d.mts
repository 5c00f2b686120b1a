export declare function bundle(options?: { quiet?: boolean }): Promise<void>;
