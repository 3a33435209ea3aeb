import { defineConfig } from 'vite';

// Built into the web app's static files; the /dashboard page loads dashboard.js.
export default defineConfig({
  base: '/build/dashboard/',
  build: {
    outDir: '../wwwroot/build/dashboard',
    emptyOutDir: true,
    // ECharts' bar and line charts with their components make one module of about 550 kB.
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      input: 'src/main.js',
      output: { entryFileNames: 'dashboard.js', assetFileNames: 'dashboard[extname]', chunkFileNames: '[name].js' },
    },
  },
});
