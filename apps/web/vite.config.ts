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
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // Libraries change less often than our code: separate chunks stay cached across releases. The chart
        // library is left out of them, so it stays in the lazily loaded profile page's chunk.
        codeSplitting: {
          groups: [
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|dayjs)[\\/]/,
              priority: 2,
            },
            {
              name: 'vendor',
              test: /node_modules[\\/](?!\.pnpm|echarts|zrender|echarts-for-react|tslib)/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
});
