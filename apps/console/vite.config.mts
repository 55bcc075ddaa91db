import react from '@vitejs/plugin-react-swc';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompressAssets } from './precompress.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
/** Where `npm run dev:console` sends /api and /health: a node already running (npm start). */
const node = process.env.NRM_CONSOLE_API ?? 'http://localhost:3000';

export default defineConfig({
  root: here,
  plugins: [react(), precompressAssets()],
  resolve: {
    alias: {
      '@nrm/api-client': resolve(repo, 'libs/api-client/src'),
      // Pure modules the node and the console share (csv.ts): one declaration.
      '@nrm/common': resolve(repo, 'libs/common/src'),
    },
  },
  build: {
    // The node serves this directory at / (NRM_CONSOLE_DIR).
    outDir: resolve(repo, 'dist/console'),
    emptyOutDir: true,
    // The CSP forbids inline scripts: no injected polyfill, every script is a file.
    modulePreload: { polyfill: false },
    sourcemap: false,
    chunkSizeWarningLimit: 800,
  },
  server: {
    port: 5173,
    proxy: { '/api': node, '/health': node },
  },
});
