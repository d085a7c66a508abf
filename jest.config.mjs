// Test tiers: *.spec.ts (unit, no I/O), *.int-spec.ts (real PostgreSQL / Redis), test/**/*.e2e-spec.ts (across processes),
// test/faults/*.fault-spec.ts (faults on a PostgreSQL server and redis-servers of each test's own: `npm run test:faults`).
import { readFileSync } from 'node:fs';

const tsconfig = JSON.parse(readFileSync(new URL('./tsconfig.json', import.meta.url), 'utf8'));
const aliases = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace(/[/]/g, '\\/')}$`,
    `<rootDir>/${target}`,
  ]),
);

const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
      // `import data from './x.json' with { type: 'json' }` must reach Node as written.
      experimental: { keepImportAttributes: true },
    },
    module: { type: 'es6' },
  },
];

const common = {
  rootDir: '.',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: { ...aliases, '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
};

export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.mjs',
      // Jest's 5 s default is a unit test's: these talk to servers and processes on a machine that runs two files at
      // once (and the fault suite beside them), where an embedded PGlite store alone can take seconds to open.
      testTimeout: 20_000,
      // Stops what a test file left running (api, worker, redis-server, PostgreSQL, Chromium): see the file.
      testEnvironment: '<rootDir>/test/support/test-environment.mjs',
    },
    {
      ...common,
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/*.fault-spec.ts'],
      testTimeout: 20_000,
      testEnvironment: '<rootDir>/test/support/test-environment.mjs',
    },
  ],
};
