// `npm test` after the unit tier: the integration tier and the fault suite, each one file at a time, side by side.
// The fault suite mostly waits (servers stopped for 15 s, processes killed and restarted), so it runs beside the
// integration tier instead of after it; each exits with its own status, and this exits non-zero if either failed.
import { spawn } from 'node:child_process';

const jest = [
  '--experimental-vm-modules',
  'node_modules/jest/bin/jest.js',
  '--runInBand',
  '--passWithNoTests',
  ...process.argv.slice(2),
];
const run = (project) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [...jest, '--selectProjects', project], { stdio: 'inherit' });
    const stop = (signal) => child.kill(signal);
    process.once('SIGINT', stop).once('SIGTERM', stop);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

const codes = await Promise.all([run('integration'), run('faults')]);
process.exit(codes.some((code) => code !== 0) ? 1 : 0);
