import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The gateway serves the build (`dist/`) on its origin, where the sign-in's redirect URI is registered.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2500 },
});
