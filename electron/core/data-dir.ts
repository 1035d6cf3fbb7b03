// Where Airlock keeps its data: `--data`, else $AIRLOCK_DATA, else the OS's
// usual app-data folder (the same one Electron's app.getPath('userData') uses).
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

export interface DataDirSources {
  flag?: string | undefined;
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  home?: string;
}

export function resolveDataDir(sources: DataDirSources = {}): string {
  const env = sources.env ?? process.env;
  const chosen = sources.flag ?? env.AIRLOCK_DATA;
  if (chosen && chosen.trim()) return isAbsolute(chosen) ? chosen : resolve(chosen);
  return join(appDataRoot(sources.platform ?? process.platform, sources.home ?? homedir(), env), 'Airlock');
}

function appDataRoot(
  platform: NodeJS.Platform,
  home: string,
  env: Record<string, string | undefined>,
): string {
  if (platform === 'win32') return env.APPDATA ?? join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? join(home, '.config');
}
