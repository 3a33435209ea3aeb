import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built into the web app's static files; /console (test mode only) loads console.js and console.css.
// The type check against the client generated from the served OpenAPI document is `tsc -p .` (the contract test).
export default defineConfig({
  plugins: [react()],
  base: '/build/console/',
  build: {
    outDir: '../wwwroot/build/console',
    emptyOutDir: true,
    rollupOptions: {
      input: 'src/main.tsx',
      output: { entryFileNames: 'console.js', assetFileNames: 'console[extname]', chunkFileNames: '[name].js' },
    },
  },
});
