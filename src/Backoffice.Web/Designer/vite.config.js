import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built into the web app's static files; the designer page loads designer.js and designer.css.
export default defineConfig({
  plugins: [react()],
  base: '/build/designer/',
  build: {
    outDir: '../wwwroot/build/designer',
    emptyOutDir: true,
    rollupOptions: {
      input: 'src/main.jsx',
      output: { entryFileNames: 'designer.js', assetFileNames: 'designer[extname]', chunkFileNames: '[name].js' },
    },
  },
});
