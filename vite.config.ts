import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in src/web and builds to dist/web, which the server serves at `/`.
// `npx vite` serves it in development and forwards /api to a server started with
// `node bin/chungtay.mjs demo` on its default address.
const root = path.resolve(import.meta.dirname, 'src/web');

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
    },
  },
});
