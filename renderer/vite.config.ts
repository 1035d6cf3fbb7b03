// Builds the renderer into dist/renderer for both carriers (Electron's app://
// scheme and `serve`), with the one CSP from shared/csp.ts baked into index.html.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicy } from '../shared/csp.ts';

/**
 * The meta tag backs up the header both carriers send (EL-07). It goes right
 * after the charset, before any script or stylesheet it must govern. Build only:
 * dev keeps Vite's inline HMR preamble working.
 */
function cspMeta(): Plugin {
  const anchor = '<meta charset="utf-8" />';
  return {
    name: 'airlock-csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      if (!html.includes(anchor)) throw new Error(`index.html must contain ${anchor} for the CSP meta tag.`);
      const content = contentSecurityPolicy.replaceAll('"', '&quot;');
      return html.replace(
        anchor,
        `${anchor}\n    <meta http-equiv="Content-Security-Policy" content="${content}" />`,
      );
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: resolve(import.meta.dirname, '../dist/renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    // Chromium supports modulepreload natively; the polyfill is dead weight.
    modulePreload: { polyfill: false },
    // Nothing inlined as data: URLs, so every asset is a file the CSP names as 'self'.
    assetsInlineLimit: 0,
  },
});
