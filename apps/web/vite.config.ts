import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': api, '/graphql': api, '/admin': api },
  },
  build: {
    outDir: 'dist',
    // Maps are written for debugging a build, not referenced from the bundles; the Docker image drops them.
    sourcemap: 'hidden',
    // No manual chunks and Vite's own 500 kB warning: each route is loaded when first opened and brings the
    // parts of antd (and of the chart library) it uses, so the first page load is the shell and one screen.
  },
});
