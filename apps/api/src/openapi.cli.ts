// Writes the api's OpenAPI document, exactly as /api/docs-json serves it, to docs/api/openapi.json (keys sorted, two
// spaces), and the TypeScript types generated from it to libs/api-contract/src/openapi.ts (`@enlace/api-types`):
//   npm run openapi
// The api is built, not started: no port is opened and nothing is stored (an embedded store in a folder removed after).
import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SPEC_FILE, specText, TYPES_FILE, typesText } from '@enlace/api-contract';
import { createOpenApiDocument } from './openapi/openapi-document.js';
import { createHttpApp } from './http-app.js';

const scratch = mkdtempSync(join(tmpdir(), 'enlace-openapi-'));
Object.assign(process.env, {
  DATABASE_URL: '',
  PGLITE_DATA_DIR: join(scratch, 'pglite'),
  DATA_DIR: scratch,
  WORKER_EMBEDDED: 'false',
  LOG_LEVEL: 'error',
});
try {
  const app = await createHttpApp({ LOG_LEVEL: 'error' });
  const document = createOpenApiDocument(app);
  await app.close();
  writeFileSync(SPEC_FILE, specText(document));
  writeFileSync(TYPES_FILE, await typesText(JSON.parse(specText(document)) as object));
  process.stdout.write(`openapi: ${SPEC_FILE} and ${TYPES_FILE} written\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
