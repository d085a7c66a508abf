// Rebuilds every live read model from the first event into fresh instances, with a progress line, and compares them
// with the copies the running system keeps (the read models' saved snapshot, the archive's documents), printing each
// difference by model, id and field. Exit code 0: the same; 1: differences; 2: could not run.
//   npm run replay                      compare with the live copies
//   npm run replay -- --up-to POSITION  rebuild up to a position and print the digest
import { replayReadModels } from '@enlace/audit';
import { loadEnvironmentOrExit } from '@enlace/config';
import { isPosition, type Position } from '@enlace/event-store';
import { loadReferenceCatalog } from '@enlace/reference-data';
import { resolve } from 'node:path';
import { argv, stderr, stdout } from 'node:process';
import { fail, openStoreOrExit } from './cli.js';
import { ProgressLine } from './progress-line.js';

const args = argv.slice(2);
let upTo: Position | undefined;
if (args.length > 0) {
  const given = args[1];
  if (args[0] !== '--up-to' || args.length !== 2 || !isPosition(given)) {
    fail(
      'Usage: npm run replay [-- --up-to POSITION]   (a position of the log: 20 digits, a colon, 20 digits)',
      'Uso: npm run replay [-- --up-to POSICIÓN]   (una posición de la bitácora: 20 dígitos, dos puntos, 20 dígitos)',
    );
  }
  upTo = given;
}
const env = loadEnvironmentOrExit();
const reference = loadReferenceCatalog(resolve(env.CONFIG_DIR));
const store = await openStoreOrExit(env);
let exitCode = 0;
try {
  const progress = new ProgressLine(stderr, 0);
  const report = await replayReadModels(store, reference, {
    ...(upTo ? { upTo } : {}),
    onProgress: (applied) => progress.update(applied),
  });
  progress.done(report.eventsApplied);
  stdout.write(
    `Rebuilt from ${report.eventsApplied} events up to ${report.position ?? 'the start'}; digest ${report.digest}\n` +
      `Reconstruidos con ${report.eventsApplied} eventos hasta ${report.position ?? 'el inicio'}; resumen ${report.digest}\n`,
  );
  for (const skipped of report.undecodable) {
    stdout.write(`Undecodable / No decodificable: ${skipped.position}: ${skipped.reason}\n`);
  }
  if (!upTo) {
    const { snapshot, archive } = report.compared;
    stdout.write(
      `Compared with the read models' snapshot at ${snapshot ?? '(none)'} and the archive at ${archive ?? '(none)'}\n` +
        `Comparados con la instantánea de los modelos de lectura en ${snapshot ?? '(ninguna)'} y el archivo en ${archive ?? '(ninguno)'}\n`,
    );
    for (const difference of report.differences) {
      exitCode = 1;
      stdout.write(`DIFFERENCE / DIFERENCIA ${difference.where} ${difference.model} ${difference.id}\n`);
      for (const change of difference.changes.slice(0, 20)) {
        stdout.write(
          `  ${change.path}: rebuilt ${JSON.stringify(change.before)} · stored ${JSON.stringify(change.after)}\n`,
        );
      }
    }
    if (exitCode === 0) {
      stdout.write('The same: every copy equals the rebuild.\nIguales: cada copia coincide con la reconstrucción.\n');
    }
  }
} finally {
  await store.close();
}
process.exit(exitCode);
