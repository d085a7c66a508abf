// The npm registry mirror this project is built against serves only the platform packages it needs, so
// `npm install` leaves other platforms' optional native bindings (darwin, win32, …) out of package-lock.json,
// and `npm ci` then refuses the lock file. This adds an entry, with its os/cpu, for every optional dependency the
// lock names but does not hold; `npm ci` skips those entries on other platforms, as it would with full ones.
// Run it after changing dependencies: `node scripts/lockfile-platform-stubs.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

const CPU = [
  [/arm64|aarch64/, 'arm64'],
  [/x64|x86_64/, 'x64'],
  [/ia32/, 'ia32'],
  [/gnueabihf|musleabihf|eabi|-arm(-|$)/, 'arm'],
  [/ppc64/, 'ppc64'],
  [/s390x/, 's390x'],
  [/loong64/, 'loong64'],
  [/riscv64/, 'riscv64'],
];
const OS = ['darwin', 'win32', 'linux', 'android', 'freebsd', 'openharmony', 'sunos', 'aix'];

function platformOf(name) {
  const os = OS.find((candidate) => name.includes(`-${candidate}-`) || name.endsWith(`-${candidate}`));
  const cpu = CPU.find(([pattern]) => pattern.test(name))?.[1];
  if (!os || !cpu) return undefined;
  const libc =
    os === 'linux' ? (name.includes('musl') ? ['musl'] : name.includes('gnu') ? ['glibc'] : undefined) : undefined;
  return { os: [os], cpu: [cpu], ...(libc ? { libc } : {}) };
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${path ? `${path}/` : ''}node_modules/${name}`;
    if (packages[nested] || packages[`node_modules/${name}`]) continue;
    const platform = platformOf(name);
    if (!platform) continue;
    packages[`node_modules/${name}`] = {
      version,
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      ...platform,
    };
    added += 1;
  }
}

lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lockfile-platform-stubs: ${added} platform entries added`);
