// Compiles apps/, libs/ and bench/ to dist/ with swc, rewriting the @enlace/* aliases of tsconfig.json, then builds
// the browser console (apps/console) with Vite into dist/console.
//   --server-only   skip the console (keeps an earlier dist/console): what the server-side e2e tests use
import { transformFile } from '@swc/core';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist');
const sourceDirs = ['apps', 'libs', 'bench'];
const serverOnly = process.argv.includes('--server-only');
/** Built by Vite, not swc. */
const browserDirs = new Set([join(root, 'apps', 'console')]);
const tsconfig = JSON.parse(await readFile(join(root, 'tsconfig.json'), 'utf8'));

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || browserDirs.has(path)) continue;
      yield* walk(path);
    } else if (
      /\.ts$/.test(entry.name) &&
      !/\.(spec|int-spec|e2e-spec|fault-spec)\.ts$/.test(entry.name) &&
      !entry.name.endsWith('.d.ts')
    ) {
      yield path;
    }
  }
}

for (const dir of sourceDirs) await rm(join(outDir, dir), { recursive: true, force: true });
let count = 0;
for (const dir of sourceDirs) {
  const abs = join(root, dir);
  try {
    await readdir(abs);
  } catch {
    continue;
  }
  for await (const file of walk(abs)) {
    const out = join(outDir, relative(root, file)).replace(/\.ts$/, '.js');
    const { code, map } = await transformFile(file, {
      sourceMaps: true,
      module: { type: 'es6', resolveFully: true },
      jsc: {
        target: 'es2022',
        baseUrl: root,
        paths: tsconfig.compilerOptions.paths,
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        keepClassNames: true,
      },
    });
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, `${code}\n//# sourceMappingURL=${out.split('/').pop()}.map\n`);
    if (map) await writeFile(`${out}.map`, map);
    count += 1;
  }
}
console.log(`build: ${count} files compiled to dist/`);

if (!serverOnly) {
  const { build } = await import('vite');
  await build({ configFile: join(root, 'apps', 'console', 'vite.config.mjs'), logLevel: 'warn' });
  console.log('build: console bundled to dist/console/');
}
