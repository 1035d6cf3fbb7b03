// Types for launch.mjs, so its tests and the Electron e2e test import it checked.
export declare const headlessNotice: string;

/** The Electron binary's path when it is installed, else undefined; never starts a download. */
export declare function findElectronBinary(
  electronDir?: string,
  env?: Record<string, string | undefined>,
): string | undefined;

export interface LaunchOptions {
  electronDir?: string;
  serveEntry?: string;
  env?: Record<string, string | undefined>;
  log?: (line: string) => void;
  forwardSignals?: boolean;
}

export declare function launch(args: readonly string[], options?: LaunchOptions): Promise<number>;
