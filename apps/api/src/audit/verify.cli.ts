// Verifies the whole record, as an auditor would before trusting it: every stream's hash chain, and the live world's
// Merkle log against every signed checkpoint (each one's signature with the log's key), streaming the events. Names
// the first bad position and what is wrong. Exit code 0: verified; 1: tampering found; 2: could not run.
//   npm run verify
import { loadAuditKey, TreeStore, verifyLog } from '@enlace/audit';
import { loadEnvironmentOrExit } from '@enlace/config';
import { LIVE } from '@enlace/domain';
import { stderr, stdout } from 'node:process';
import { openStoreOrExit } from './cli.js';
import { ProgressLine } from './progress-line.js';

const env = loadEnvironmentOrExit();
const key = loadAuditKey(env);
const store = await openStoreOrExit(env, {
  en: ', or verify from the console (Audit → Verification)',
  es: ', o verifique desde la consola (Auditoría → Verificación)',
});
let exitCode = 0;
try {
  stdout.write(`Audit log ${key.origin}\nVerifier key ${key.verifierKey}\n`);
  const latest = await new TreeStore(store.checkpoints, LIVE).latestCheckpoint();
  const progress = new ProgressLine(stderr, latest?.size ?? 0);
  const started = performance.now();
  const verdict = await verifyLog(store, {
    world: LIVE,
    origin: key.origin,
    key: key.signer,
    witnesses: [...key.previous, ...key.witnesses],
    onProgress: ({ eventsChecked }) => progress.update(eventsChecked),
  });
  progress.done(verdict.eventsChecked);
  const seconds = (performance.now() - started) / 1000;
  const rate = Math.round(verdict.eventsChecked / Math.max(seconds, 0.001));
  stdout.write('Stream hash chains… / Cadenas de hash de los flujos…\n');
  const chains = await store.verify();
  stdout.write(
    `Merkle log: ${verdict.eventsChecked} events, ${verdict.checkpointsChecked} signed checkpoints, ${rate} events/s\n` +
      `Bitácora Merkle: ${verdict.eventsChecked} eventos, ${verdict.checkpointsChecked} puntos de control firmados, ${rate} eventos/s\n`,
  );
  if (verdict.lastCheckpoint) {
    const { size, root, at, signers } = verdict.lastCheckpoint;
    stdout.write(
      `Last checkpoint / Último punto de control: size ${size}, root ${root}, ${at}, signed by ${signers.join(', ')}\n`,
    );
  }
  stdout.write(
    `Stream chains: ${chains.streamsChecked} streams, ${chains.eventsChecked} events\n` +
      `Cadenas: ${chains.streamsChecked} flujos, ${chains.eventsChecked} eventos\n`,
  );
  if (verdict.problem) {
    exitCode = 1;
    const { kind, position, leafIndex, checkpointSize, message } = verdict.problem;
    stdout.write(
      `TAMPERING: ${kind}${position ? ` at position ${position}` : ''}${leafIndex === undefined ? '' : ` (leaf ${leafIndex})`}` +
        `${checkpointSize === undefined ? '' : ` (checkpoint ${checkpointSize})`}\n${message.en}\n${message.es}\n`,
    );
  }
  for (const broken of chains.breaks) {
    exitCode = 1;
    stdout.write(
      `TAMPERING: ${broken.reason} in ${broken.streamId} at revision ${broken.revision}\n` +
        `ALTERACIÓN: ${broken.reason === 'hash-mismatch' ? 'hash no coincide' : 'falta un evento'} en ${broken.streamId}, revisión ${broken.revision}\n`,
    );
  }
  if (exitCode === 0) stdout.write('Verified: nothing altered or removed.\nVerificado: nada alterado ni eliminado.\n');
} finally {
  await store.close();
}
process.exit(exitCode);
