import { defineConfig } from 'vite';

// The UI lives in ui/ and builds to ui/dist, which tauri.conf.json embeds (frontendDist).
// JSX goes through esbuild's automatic runtime with Preact, so no framework plugin is needed.
export default defineConfig({
  root: 'ui',
  base: './',
  clearScreen: false,
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // WebKitGTK 2.40+ / Safari 16 / WebView2: all run ES2022.
    target: 'es2022',
    // Never inline assets as data: URLs: the CSP allows images and fonts from 'self' only.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: { port: 1420, strictPort: true },
});
