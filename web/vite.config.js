// vite.config.js: the staff web application's build. Templates are
// compiled here (no runtime compiler, so the server's CSP needs no
// 'unsafe-eval'); the output goes where the Makefile says (--outDir).
// During development, `npx vite` proxies /api to a running fazhi serve.
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  plugins: [vue()],
  base: '/',
  build: {
    target: 'es2020',
    assetsDir: 'assets',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
    // No inline <script>: the module preload polyfill is not needed by
    // the browsers this targets and would be inlined otherwise.
    modulePreload: { polyfill: false },
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts'
          if (id.includes('node_modules/element-plus') || id.includes('node_modules/@element-plus')) return 'element-plus'
          if (id.includes('node_modules/')) return 'vendor'
        }
      }
    }
  },
  server: {
    proxy: { '/api': process.env.FAZHI_API || 'http://127.0.0.1:8080' }
  }
})
