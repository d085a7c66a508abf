// `npm test` after the unit tier: the integration tier and the fault suite, side by side.
// Integration files mostly wait (api and worker processes booting, drills running in real time, throttle windows), so
// the tier runs two files at a time (TEST_WORKERS, default 2: each file has its own schema, Redis prefix and ports).
// The fault suite runs one file at a time beside it: it mostly waits on servers it stopped for 15 s and processes it
// killed. Each exits with its own status, and this exits non-zero if either failed.
import { spawn, spawnSync } from 'node:child_process';

const workers = process.env.TEST_WORKERS ?? '2';
const jest = [
  '--experimental-vm-modules',
  'node_modules/jest/bin/jest.js',
  '--passWithNoTests',
  ...process.argv.slice(2),
];
const run = (project, ...options) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [...jest, ...options, '--selectProjects', project], { stdio: 'inherit' });
    const stop = (signal) => child.kill(signal);
    process.once('SIGINT', stop).once('SIGTERM', stop);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

// One full build (api, worker and console) before any file starts: test files build what they start when it is out
// of date, and two files at once would otherwise rebuild dist/ under each other (a full build after a server-only
// one rewrites the api's modules while another file is starting it). Up to date, every later build is a no-op.
const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const codes = await Promise.all([run('integration', `--maxWorkers=${workers}`), run('faults', '--runInBand')]);
process.exit(codes.some((code) => code !== 0) ? 1 : 0);
