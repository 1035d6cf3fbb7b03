// The app's version, from package.json at build time (esbuild inlines it).
import manifest from '../../package.json';

export const appVersion: string = manifest.version;
