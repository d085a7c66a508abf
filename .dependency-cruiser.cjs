/** The architecture rule (docs/decisions/0002-architecture-rule.md), checked by `npm run deps:validate`. */
const TEST_FILE = '\\.(spec|int-spec|e2e-spec|fault-spec)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/domain imports nothing from the workspace and no framework, driver or I/O module.',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: {
        path: '^(libs/(?!domain/)|apps/|node_modules/(@nestjs|pg|@electric-sql|@kurrent|ioredis|bullmq|socket\\.io))',
      },
    },
    {
      name: 'cap-is-pure',
      comment: 'libs/cap builds CAP documents from events: the domain and event types only, no framework or I/O.',
      severity: 'error',
      from: { path: '^libs/cap/src/(?!.*\\.(spec|int-spec)\\.ts$)' },
      to: {
        path: '^(libs/(?!domain/|cap/|event-store/)|apps/|node_modules/(@nestjs|pg|@electric-sql|@kurrent|ioredis|bullmq|socket\\.io))',
      },
    },
    {
      name: 'scenarios-have-no-framework',
      comment:
        'libs/scenarios reads, checks and converts scenario files: the domain and the reference data only, no framework, driver or store, so the api, the worker and the CLI share it.',
      severity: 'error',
      from: { path: '^libs/scenarios/src/' },
      to: {
        path: '^(libs/(?!domain/|reference-data/|scenarios/)|apps/|node_modules/(@nestjs|pg|@electric-sql|@kurrent|ioredis|bullmq|socket\\.io))',
      },
    },
    {
      name: 'after-action-is-pure',
      comment:
        'libs/after-action evaluates a drill and renders its after-action report from events given to it: the domain and the scenario types only, no framework, driver, store or Node built-in (no I/O), so the api and the worker can both call it.',
      severity: 'error',
      from: { path: '^libs/after-action/src/', pathNot: TEST_FILE },
      to: {
        path: '^(libs/(?!domain/|scenarios/|after-action/)|apps/|node_modules/(@nestjs|pg|@electric-sql|@kurrent|ioredis|bullmq|socket\\.io))',
      },
    },
    {
      name: 'after-action-does-no-io',
      comment:
        'Pure functions: a Node built-in (fs, net, http, …) in libs/after-action would be I/O. Its integration specs read the shipped scenarios.',
      severity: 'error',
      from: { path: '^libs/after-action/src/', pathNot: TEST_FILE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'transparency-is-pure',
      comment:
        'libs/transparency (the Merkle tree, signed notes and checkpoints, event leaves) imports nothing from the workspace and no package: it follows public specs (RFC 9162, C2SP), so any app, tool or outside auditor can use or re-implement it.',
      severity: 'error',
      from: { path: '^libs/transparency/src/', pathNot: TEST_FILE },
      to: { path: '^(libs/(?!transparency/)|apps/|node_modules/)' },
    },
    {
      name: 'transparency-uses-only-crypto',
      comment: 'Of the Node built-ins libs/transparency uses crypto only (SHA-256, Ed25519): any other would be I/O.',
      severity: 'error',
      from: { path: '^libs/transparency/src/', pathNot: TEST_FILE },
      to: { dependencyTypes: ['core'], pathNot: '^(node:)?crypto$' },
    },
    {
      name: 'no-lib-imports-an-app',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-app-imports-another-app',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'libs-through-their-alias',
      comment: 'A lib is imported through its @enlace/* alias (its public index), never by a relative path.',
      severity: 'error',
      from: { path: '^(apps|libs)/([^/]+)/' },
      to: { path: '^libs/', pathNot: '^libs/$2/', dependencyTypesNot: ['aliased-tsconfig', 'aliased-tsconfig-paths'] },
    },
    {
      name: 'testing-only-from-tests',
      comment: 'Test helpers (*/src/testing) are for specs, other test helpers, test/ and bench/ only.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: [TEST_FILE, '^(libs|apps)/[^/]+/src/testing/'] },
      to: { path: '^libs/[^/]+/src/testing/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
