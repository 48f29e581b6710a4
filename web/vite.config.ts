import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The SPA is served by the gateway at `/` and calls the API on the same origin;
// `npm run dev` (and `npm run preview`) proxy the API and the WebSocket to a running gateway.
const gateway = process.env.DESKFLOW_GATEWAY ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': gateway,
      '/ws': { target: gateway, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    // a whole screen test (several user events and answers) on a loaded 2-core machine
    testTimeout: 30000,
  },
});
