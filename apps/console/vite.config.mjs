// The browser console (apps/console), built by scripts/build.mjs into dist/console and served by the api at `/`.
// `npm run dev:console` serves it with hot reload and forwards /api and /socket.io to an api on :3000.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig(({ command }) => {
  // A build is always a production build (React's production runtime, the production JSX transform), whatever
  // NODE_ENV the building process has: jest runs the e2e build under NODE_ENV=test, and a CSS loader sets
  // "development" when it is unset. Vite reads NODE_ENV after loading this file.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    root,
    base: '/',
    publicDir: 'public',
    resolve: {
      alias: {
        '@enlace/console-protocol': `${repo}libs/console-protocol/src/index.ts`,
        // Pure TypeScript (no I/O): the console shares the domain's vocabulary instead of copying it.
        '@enlace/domain': `${repo}libs/domain/src/index.ts`,
        // Types only (erased at build): the read models' shapes as the api answers them.
        '@enlace/read-models': `${repo}libs/projections/src/read-model.types.ts`,
        // Types only too: a scenario's shape (its MSEL) as GET /api/scenarios/:id and a drill's plan answer it.
        '@enlace/scenario-types': `${repo}libs/scenarios/src/scenario.types.ts`,
        // Types only, and the list of records the history is narrowed to: the auditors' history as the api answers it.
        '@enlace/history-types': `${repo}libs/audit/src/history.types.ts`,
        // Types only: the local outbox's messages as GET /api/admin/outbox answers them.
        '@enlace/outbox-types': `${repo}libs/notifications/src/channels/outbox.types.ts`,
        // Types only (erased at build): the api's answers as its OpenAPI document describes them (npm run openapi).
        '@enlace/api-types': `${repo}libs/api-contract/src/openapi.ts`,
        // Pure data: the HSEEP core capabilities' names in English and Spanish, as scenarios and reports use them.
        '@enlace/core-capabilities': `${repo}libs/scenarios/src/core-capabilities.ts`,
      },
    },
    build: {
      outDir: `${repo}dist/console`,
      emptyOutDir: true,
      sourcemap: true,
      target: 'es2022',
      chunkSizeWarningLimit: 1024,
    },
    server: {
      port: 5173,
      proxy: {
        '/api': 'http://127.0.0.1:3000',
        '/health': 'http://127.0.0.1:3000',
        '/socket.io': { target: 'ws://127.0.0.1:3000', ws: true },
      },
    },
  };
});
