// Types for install-electron.mjs, so its test imports it checked.
export interface InstallOptions {
  installScript?: string;
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

export type InstallOutcome =
  { status: 'skipped' | 'installed'; line?: undefined } | { status: 'failed'; line: string };

export declare function installElectron(options?: InstallOptions): InstallOutcome;
