import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

/**
 * The web UI: `npm run build:web` writes web/dist, which `fengkong serve` serves at /;
 * `npm run dev:web` serves it with hot reload and sends /api to a server on :3000.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd and React are one large vendor chunk, cached across releases of the app itself;
    // ECharts is a chunk of its own, loaded only by the pages that draw charts (risk tab, models).
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 2 },
            { name: 'vendor', test: /node_modules/, priority: 1 },
          ],
        },
      },
    },
  },
})
