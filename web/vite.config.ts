// The workbench is served by the API at /app, from web/dist (built by the Makefile, git-ignored).
import { defineConfig } from 'vitest/config';

declare const process: { env: Record<string, string | undefined> };

export default defineConfig({
  base: '/app/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
    // Quiet builds: the plugin-timing report is about the build machine, not the workbench.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  server: {
    // `npm run dev` (optional, for working on the web code): proxy the API, same origin as in production.
    proxy: Object.fromEntries(
      ['/timeline', '/events', '/statements', '/accusations', '/actors', '/paths', '/export', '/places',
        '/openapi.json', '/health'].map((path) => [path, `http://127.0.0.1:${process.env.CKG_API_PORT ?? 8000}`]),
    ),
  },
  test: {
    environment: 'node',
    include: ['src/**/*.spec.ts'],
  },
});
