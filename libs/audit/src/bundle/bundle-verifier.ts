import { chainHash, GENESIS_HASH, isPosition } from '@enlace/event-store';
import {
  eventLeafHash,
  fromHex,
  type Hash,
  NoteError,
  type NoteKey,
  openNote,
  parseVerifierKey,
  subtreeCover,
  toHex,
  TreeBuilder,
  verifyConsistency,
  verifyInclusion,
} from '@enlace/transparency';
import { createHash, createPublicKey } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { eventLeafFields } from '../event-leaf-fields.js';
import {
  BUNDLE_FORMAT,
  type BundleManifest,
  type BundleProblem,
  type BundleProblemKind,
  type BundleScope,
  type BundleSigner,
  type BundleVerdict,
  type EventLine,
  keyFingerprint,
  SCOPE_KINDS,
} from './bundle-format.js';
import { IncidentLinks } from './incident-links.js';

export interface VerifyBundleOptions {
  /** Verifier keys you trust, given out of band (`--key`): the bundle's key must be one of them. */
  trustedKeys?: readonly string[];
  /** Witnesses' verifier keys you trust (`--witness`), besides those the bundle lists. */
  witnesses?: readonly string[];
  /** A checkpoint note you already trust (an earlier bundle's anchor, a witness's): the anchor must extend it. */
  afterCheckpoint?: string;
  /** Once the manifest is read: what the bundle says it is, and the key it will be checked with. */
  onStart?: (start: { manifest: BundleManifest; fingerprint: string; trusted: 'given' | 'file' }) => void;
  onProgress?: (progress: { events: number; total: number }) => void;
}

/** An option the verifier cannot use (a malformed key or note): the caller's mistake, not the bundle's. */
export class BundleArgumentError extends Error {
  constructor(
    readonly option: string,
    readonly text: { en: string; es: string },
  ) {
    super(text.en);
    this.name = 'BundleArgumentError';
  }
}

/** The manifest is read whole; a first line longer than this is no manifest. */
const MAX_FIRST_LINE = 1024 * 1024;
/** No line of a bundle is longer (the store refuses events anywhere near this). */
const MAX_LINE = 64 * 1024 * 1024;
const NEWLINE = Buffer.from('\n');
const HEX_HASH = /^[0-9a-f]{64}$/;
const MAX_PROOF = 64;

/**
 * Verifies an offline audit bundle (see bundle-format.ts) with no server and no database, streaming: memory is the
 * last hash of each stream present (and the sizes and roots of the checkpoints). `source` is the file's path or its
 * bytes as chunks (strings are UTF-8; chunks, not lines: the newlines are part of what is verified). Never throws on
 * what the file holds: the verdict names the first bad line and what is wrong. Throws `BundleArgumentError` for an
 * unusable option, and the read error when the file cannot be read.
 */
export async function verifyBundle(
  source: string | AsyncIterable<string | Uint8Array>,
  options: VerifyBundleOptions = {},
): Promise<BundleVerdict> {
  const verifier = new BundleVerifier(options);
  const chunks = typeof source === 'string' ? createReadStream(source, { highWaterMark: 1024 * 1024 }) : source;
  let parts: Buffer[] = [];
  let partLength = 0;
  reading: for await (const chunk of chunks as AsyncIterable<string | Uint8Array>) {
    const buffer =
      typeof chunk === 'string'
        ? Buffer.from(chunk, 'utf8')
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    let start = 0;
    for (let newline = buffer.indexOf(10, start); newline >= 0; newline = buffer.indexOf(10, start)) {
      const piece = buffer.subarray(start, newline);
      const line = partLength > 0 ? Buffer.concat([...parts, piece]) : piece;
      parts = [];
      partLength = 0;
      start = newline + 1;
      if (!verifier.line(line, true)) break reading;
    }
    if (start < buffer.length) {
      parts.push(buffer.subarray(start));
      partLength += buffer.length - start;
      if (!verifier.tooLong(partLength)) break;
    }
  }
  if (!verifier.stopped && partLength > 0) verifier.line(Buffer.concat(parts), false);
  return verifier.verdict();
}

function parseKeys(option: string, keys: readonly string[] | undefined): NoteKey[] {
  return (keys ?? []).map((vkey) => {
    try {
      return parseVerifierKey(vkey.trim());
    } catch {
      throw new BundleArgumentError(option, {
        en: `${option}: not a verifier key (<name>+<key id>+<base64 key>): ${JSON.stringify(vkey.slice(0, 80))}`,
        es: `${option}: no es una clave de verificación (<nombre>+<id>+<clave base64>): ${JSON.stringify(vkey.slice(0, 80))}`,
      });
    }
  });
}

const sameKey = (a: NoteKey, b: NoteKey) =>
  a.name === b.name && a.kind === b.kind && Buffer.compare(a.publicKey, b.publicKey) === 0;
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isHexList = (value: unknown, max = MAX_PROOF): value is string[] =>
  Array.isArray(value) && value.length <= max && value.every((item) => typeof item === 'string' && HEX_HASH.test(item));

/** The first bytes of a file that is not a bundle, to say what it is. */
function describeStart(bytes: Buffer): { en: string; es: string } {
  const head = bytes.subarray(0, 8);
  if (head.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))) {
    return { en: 'it is a PNG image', es: 'es una imagen PNG' };
  }
  if (head.subarray(0, 4).toString('latin1') === '%PDF') return { en: 'it is a PDF', es: 'es un PDF' };
  if (head.subarray(0, 2).equals(Buffer.from([0x1f, 0x8b]))) {
    return { en: 'it is gzip-compressed (gunzip it first)', es: 'está comprimido con gzip (descomprímalo antes)' };
  }
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    return { en: 'it is a ZIP archive', es: 'es un archivo ZIP' };
  }
  const text = bytes.subarray(0, 40).toString('utf8');
  // eslint-disable-next-line no-control-regex
  if (/^[^\u0000-\u0008\u000e-\u001f]*$/.test(text)) {
    return { en: `it starts with ${JSON.stringify(text)}`, es: `empieza con ${JSON.stringify(text)}` };
  }
  return {
    en: `it starts with the bytes ${head.toString('hex')}`,
    es: `empieza con los bytes ${head.toString('hex')}`,
  };
}

interface CheckpointSeen {
  size: number;
  root: Hash;
  line: number;
  at: string;
}

interface EventSeen {
  leafIndex: number;
  position: string;
  streamId: string;
  revision: number;
  id: string;
  hash: string;
  line: number;
}

interface RootCheck {
  size: number;
  root: Hash;
  line: number;
  /** The checkpoint you trust (a fork when it differs), rather than one of the bundle's. */
  trusted: boolean;
}

const PHASES = ['manifest', 'checkpoint', 'consistency', 'range-proof', 'event', 'trailer', 'done'] as const;
type Phase = (typeof PHASES)[number];

/** The event's leaf, computed from the event alone, when the event is what its own chain hash covers. */
function ownLeaf(event: EventLine): Hash | undefined {
  try {
    const fields = eventLeafFields({
      streamId: event.streamId,
      revision: event.revision,
      id: event.id,
      type: event.type,
      data: event.data,
      metadata: event.metadata,
      hash: event.hash,
    });
    const recomputed = chainHash({
      previousHash: event.previousHash,
      streamId: event.streamId,
      revision: event.revision,
      eventId: event.id,
      type: event.type,
      contentDigest: fields.contentDigest,
      recordedAtMs: fields.recordedAtMs,
    });
    return recomputed === event.hash ? eventLeafHash(fields) : undefined;
  } catch {
    // A field a leaf cannot hold (a newline in a name, a time that is no time): not an event as stored.
    return undefined;
  }
}

class BundleVerifier {
  stopped = false;
  private lineNo = 0;
  private phase: Phase = 'manifest';
  private problem: BundleProblem | undefined;
  private readonly digest = createHash('sha256');
  private manifest: BundleManifest | undefined;
  private readonly given: NoteKey[];
  private readonly givenWitnesses: NoteKey[];
  private current: NoteKey | undefined;
  private previous: NoteKey[] = [];
  private witnesses: NoteKey[] = [];
  private fingerprint = '';
  private trusted: { size: number; root: Hash } | undefined;
  private readonly signers = new Map<string, BundleSigner>();

  private anchor: (CheckpointSeen & { signers: string[] }) | undefined;
  private readonly earlier: CheckpointSeen[] = [];
  private consistencySeen = 0;

  private start = 0;
  private end = 0;
  private builder: TreeBuilder | undefined;
  private rightCover: Hash[] = [];
  private rootChecks: RootCheck[] = [];
  private links: IncidentLinks | undefined;
  private readonly streams = new Map<string, { revision: number; hash: string }>();
  private lastEvent: EventSeen | undefined;
  /**
   * Something missing, found at a line and reported at the next one unless that one goes back to an earlier leaf: two
   * lines swapped look like a gap at the first of them.
   */
  private pending: { leafIndex: number; report: () => false } | undefined;
  private events = 0;

  constructor(private readonly options: VerifyBundleOptions) {
    this.given = parseKeys('--key', options.trustedKeys);
    this.givenWitnesses = parseKeys('--witness', options.witnesses);
    if (options.afterCheckpoint !== undefined) {
      try {
        openNote(options.afterCheckpoint, [], []);
      } catch (error) {
        if (!(error instanceof NoteError) || error.code === 'malformed-note') {
          throw new BundleArgumentError('--after-checkpoint', {
            en: '--after-checkpoint: not a signed checkpoint note (origin, size, root, a blank line, signatures)',
            es: '--after-checkpoint: no es una nota de punto de control firmada (origen, tamaño, raíz, línea en blanco, firmas)',
          });
        }
      }
    }
  }

  /** Stops on a line longer than any a bundle has (so a huge file without newlines is never held whole). */
  tooLong(length: number): boolean {
    if (length <= (this.phase === 'manifest' ? MAX_FIRST_LINE : MAX_LINE)) return true;
    this.lineNo += 1;
    if (this.phase === 'manifest') {
      return this.fail(
        'not-a-bundle',
        'The file is not an Enlace audit bundle: its first line is longer than 1 MiB, so it is no manifest',
        'El archivo no es un paquete de auditoría de Enlace: su primera línea pasa de 1 MiB, no es un manifiesto',
      );
    }
    return this.fail(
      'digest-mismatch',
      `Line ${this.lineNo} is longer than 64 MiB: not a line of a bundle (the file was damaged or altered)`,
      `La línea ${this.lineNo} pasa de 64 MiB: no es una línea de un paquete (el archivo se dañó o se alteró)`,
    );
  }

  /** One line (without its newline); false once verification has stopped. */
  line(bytes: Buffer, terminated: boolean): boolean {
    if (this.stopped) return false;
    this.lineNo += 1;
    if (this.phase === 'manifest') return this.manifestLine(bytes, terminated);
    if (this.phase === 'done') {
      return this.fail(
        'digest-mismatch',
        `${bytes.length + (terminated ? 1 : 0)} bytes follow the trailer (line ${this.lineNo}): added after the bundle was written`,
        `Siguen ${bytes.length + (terminated ? 1 : 0)} bytes tras el cierre (línea ${this.lineNo}): añadidos después de escribir el paquete`,
      );
    }
    if (!terminated) {
      return this.fail(
        'truncated',
        `The file ends in the middle of line ${this.lineNo}: truncated`,
        `El archivo termina a mitad de la línea ${this.lineNo}: truncado`,
      );
    }
    let value: unknown;
    try {
      value = JSON.parse(bytes.toString('utf8'));
    } catch {
      return this.notALine('it is not JSON', 'no es JSON');
    }
    if (!isObject(value) || typeof value.kind !== 'string') return this.notALine('it has no kind', 'no tiene tipo');
    const kind = value.kind;
    if (kind !== 'trailer') {
      this.digest.update(bytes);
      this.digest.update(NEWLINE);
    }
    const phase = PHASES.indexOf(kind as Phase);
    if (phase < 1 || phase > 5) {
      return this.notALine(`its kind "${kind}" is unknown`, `su tipo "${kind}" es desconocido`);
    }
    if (!this.enter(kind as Phase)) return false;
    switch (kind as Phase) {
      case 'checkpoint':
        return this.checkpointLine(value);
      case 'consistency':
        return this.consistencyLine(value);
      case 'range-proof':
        return this.rangeProofLine(value);
      case 'event':
        return this.eventLine(value);
      default:
        return this.trailerLine(value);
    }
  }

  verdict(): BundleVerdict {
    if (!this.stopped && this.phase !== 'done') {
      if (this.lineNo === 0) {
        this.lineNo = 1;
        this.fail(
          'not-a-bundle',
          'The file is empty: not an Enlace audit bundle',
          'El archivo está vacío: no es un paquete de auditoría de Enlace',
        );
      } else {
        this.fail(
          'truncated',
          `The file ends after line ${this.lineNo}, before its trailer: truncated (or its trailer removed)`,
          `El archivo termina tras la línea ${this.lineNo}, antes de su cierre: truncado (o sin su cierre)`,
        );
      }
    }
    const anchor = this.anchor;
    return {
      ok: this.problem === undefined,
      lines: this.lineNo,
      events: this.events,
      checkpoints: (anchor ? 1 : 0) + this.earlier.length,
      signers: [...this.signers.values()],
      ...(this.manifest ? { scope: this.manifest.scope, origin: this.manifest.origin } : {}),
      ...(this.current
        ? {
            key: {
              verifierKey: this.manifest!.verifierKey,
              fingerprint: this.fingerprint,
              trusted: this.given.length > 0 ? ('given' as const) : ('file' as const),
            },
          }
        : {}),
      ...(anchor
        ? { anchor: { size: anchor.size, root: toHex(anchor.root), at: anchor.at, signers: anchor.signers } }
        : {}),
      ...(this.trusted && !this.problem
        ? { afterCheckpoint: { size: this.trusted.size, root: toHex(this.trusted.root) } }
        : {}),
      ...(this.problem ? { problem: this.problem } : {}),
    };
  }

  // -------------------------------------------------------------------------------------------------------------

  private fail(
    kind: BundleProblemKind,
    en: string,
    es: string,
    details: Omit<BundleProblem, 'kind' | 'line' | 'message'> = {},
    line = this.lineNo,
  ): false {
    this.problem = { kind, line, ...details, message: { en, es } };
    this.stopped = true;
    return false;
  }

  private notALine(en: string, es: string): false {
    return this.fail(
      'digest-mismatch',
      `Line ${this.lineNo} is not a line of a bundle (${en}): the file was damaged or altered after it was written`,
      `La línea ${this.lineNo} no es una línea de un paquete (${es}): el archivo se dañó o se alteró después de escribirse`,
    );
  }

  /** Moves to the phase of a line's kind, closing the phases passed; lines of an earlier phase are out of order. */
  private enter(phase: Phase): boolean {
    const at = PHASES.indexOf(this.phase);
    const to = PHASES.indexOf(phase);
    const repeatable = phase === 'checkpoint' || phase === 'consistency' || phase === 'event';
    if (to < at || (to === at && !repeatable)) {
      return this.fail(
        'order-changed',
        `Line ${this.lineNo} is a ${phase} line after the bundle's ${this.phase} lines: its lines are out of order`,
        `La línea ${this.lineNo} es de tipo ${phase} tras las de tipo ${this.phase}: las líneas están fuera de orden`,
      );
    }
    for (let next = at + 1; next <= to; next += 1) {
      if (!this.close(PHASES[next - 1]!)) return false;
      this.phase = PHASES[next]!;
    }
    return true;
  }

  /** What must hold once the lines of a phase are over. */
  private close(phase: Phase): boolean {
    switch (phase) {
      case 'checkpoint':
        if (!this.anchor) {
          return this.fail(
            'checkpoint-forged',
            'The bundle carries no signed checkpoint: nothing vouches for its events',
            'El paquete no trae ningún punto de control firmado: nada avala sus eventos',
          );
        }
        return true;
      case 'consistency':
        return this.closeConsistency();
      case 'range-proof':
        return this.startEvents();
      case 'event':
        return this.closeEvents();
      default:
        return true;
    }
  }

  // Manifest ------------------------------------------------------------------------------------------------------

  private manifestLine(bytes: Buffer, terminated: boolean): boolean {
    const text = bytes.toString('utf8');
    const notABundle = (en: string, es: string) =>
      this.fail(
        'not-a-bundle',
        `The file is not an Enlace audit bundle: ${en}`,
        `El archivo no es un paquete de auditoría de Enlace: ${es}`,
      );
    if (!terminated && text.startsWith(`{"format":"${BUNDLE_FORMAT}"`)) {
      return this.fail(
        'truncated',
        'The file ends in the middle of its manifest: truncated',
        'El archivo termina a mitad de su manifiesto: truncado',
      );
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      const start = describeStart(bytes);
      return notABundle(`its first line is not JSON (${start.en})`, `su primera línea no es JSON (${start.es})`);
    }
    if (!isObject(value) || typeof value.format !== 'string') {
      return notABundle(
        'its first line is JSON but no bundle manifest (it has no "format")',
        'su primera línea es JSON pero no es el manifiesto de un paquete (no tiene "format")',
      );
    }
    if (value.format !== BUNDLE_FORMAT) {
      return notABundle(
        `its format is ${JSON.stringify(value.format.slice(0, 60))}; this verifier reads ${BUNDLE_FORMAT}`,
        `su formato es ${JSON.stringify(value.format.slice(0, 60))}; este verificador lee ${BUNDLE_FORMAT}`,
      );
    }
    const missing = ['origin', 'verifierKey', 'publicKeyPem', 'createdAt', 'createdBy'].filter(
      (name) => typeof value[name] !== 'string',
    );
    if (!isCount(value.events)) missing.push('events');
    if (!this.validScope(value.scope)) missing.push('scope');
    if (missing.length > 0) {
      return notABundle(`its manifest lacks ${missing.join(', ')}`, `a su manifiesto le falta ${missing.join(', ')}`);
    }
    if (!terminated) {
      return this.fail(
        'truncated',
        'The file ends after its manifest: truncated',
        'El archivo termina tras su manifiesto: truncado',
      );
    }
    this.digest.update(bytes);
    this.digest.update(NEWLINE);
    const manifest = value as unknown as BundleManifest;
    this.manifest = manifest;
    if (!this.manifestKeys(manifest)) return false;
    const scope = manifest.scope;
    if (scope.kind === 'incident') this.links = new IncidentLinks(scope.incidentId);
    this.phase = 'checkpoint';
    this.options.onStart?.({
      manifest,
      fingerprint: this.fingerprint,
      trusted: this.given.length > 0 ? 'given' : 'file',
    });
    return true;
  }

  private validScope(scope: unknown): scope is BundleScope {
    if (!isObject(scope) || !SCOPE_KINDS.includes(scope.kind as BundleScope['kind'])) return false;
    if (scope.kind === 'incident') return typeof scope.incidentId === 'string' && scope.incidentId !== '';
    return isCount(scope.start) && isCount(scope.end) && scope.start <= scope.end;
  }

  private keyMismatch(en: string, es: string): false {
    return this.fail('key-mismatch', en, es);
  }

  /** The log's keys as the manifest gives them, checked against each other and against the keys you trust. */
  private manifestKeys(manifest: BundleManifest): boolean {
    let current: NoteKey;
    try {
      current = parseVerifierKey(manifest.verifierKey);
      this.previous = (manifest.previousKeys ?? []).map((vkey) => parseVerifierKey(vkey));
      this.witnesses = (manifest.witnesses ?? []).map((vkey) => parseVerifierKey(vkey));
    } catch {
      return this.keyMismatch(
        "The bundle's verifier keys are malformed: it cannot be checked",
        'Las claves de verificación del paquete están mal formadas: no se puede comprobar',
      );
    }
    this.current = current;
    this.fingerprint = keyFingerprint(current);
    if (this.given.length > 0 && !this.given.some((key) => sameKey(key, current))) {
      return this.keyMismatch(
        `The bundle is signed by a key you did not trust (${manifest.verifierKey}, fingerprint ${this.fingerprint})`,
        `El paquete está firmado con una clave en la que usted no confió (${manifest.verifierKey}, huella ${this.fingerprint})`,
      );
    }
    if (current.kind !== 'ed25519' || current.name !== manifest.origin) {
      return this.keyMismatch(
        `The bundle's key (${current.name}) is not the signing key of the log ${manifest.origin}`,
        `La clave del paquete (${current.name}) no es la clave de firma de la bitácora ${manifest.origin}`,
      );
    }
    if (this.previous.some((key) => key.kind !== 'ed25519' || key.name !== manifest.origin)) {
      return this.keyMismatch(
        `A previous key the bundle lists is not one of the log ${manifest.origin}`,
        `Una clave anterior que lista el paquete no es de la bitácora ${manifest.origin}`,
      );
    }
    let pem: Buffer;
    try {
      pem = createPublicKey(manifest.publicKeyPem).export({ format: 'der', type: 'spki' });
    } catch {
      return this.keyMismatch(
        "The bundle's public key (PEM) is malformed",
        'La clave pública del paquete (PEM) está mal formada',
      );
    }
    if (pem.length !== 44 || Buffer.compare(pem.subarray(-32), current.publicKey) !== 0) {
      return this.keyMismatch(
        "The bundle's public key (PEM) is not its verifier key",
        'La clave pública del paquete (PEM) no es su clave de verificación',
      );
    }
    // A log named by default after its first key (`enlace/<16 hex>`) must be signed by that key or its successors.
    const named = /^enlace\/([0-9a-f]{16})$/.exec(manifest.origin);
    if (named && ![current, ...this.previous].some((key) => keyFingerprint(key).startsWith(named[1]!))) {
      return this.keyMismatch(
        `The log ${manifest.origin} is named after another key than the bundle's (fingerprint ${this.fingerprint}): the key was swapped`,
        `La bitácora ${manifest.origin} lleva el nombre de otra clave que la del paquete (huella ${this.fingerprint}): se cambió la clave`,
      );
    }
    if (this.options.afterCheckpoint !== undefined) {
      const keys = this.given.length > 0 ? this.given : [current, ...this.previous];
      try {
        const opened = openNote(this.options.afterCheckpoint, keys, [manifest.origin]);
        if (opened.checkpoint.origin !== manifest.origin) throw new NoteError('malformed-checkpoint', 'another log');
        this.trusted = { size: opened.checkpoint.size, root: opened.checkpoint.root };
      } catch {
        return this.keyMismatch(
          `The checkpoint you trust (--after-checkpoint) is not one of the log ${manifest.origin} signed by this bundle's key`,
          `El punto de control en el que confía (--after-checkpoint) no es de la bitácora ${manifest.origin} firmado con la clave de este paquete`,
        );
      }
    }
    return true;
  }

  // Checkpoints and consistency -----------------------------------------------------------------------------------

  private signer(name: string, keyId: string, role: BundleSigner['role'], trusted: boolean): BundleSigner {
    const id = `${name} ${keyId}`;
    let signer = this.signers.get(id);
    if (!signer) {
      signer = { name, keyId, role, trusted, checkpoints: [] };
      this.signers.set(id, signer);
    }
    return signer;
  }

  private checkpointLine(value: Record<string, unknown>): boolean {
    const manifest = this.manifest!;
    const size = value.size;
    const forged = (why: { en: string; es: string }, checkpointSize?: number) =>
      this.fail(
        'checkpoint-forged',
        `The checkpoint of line ${this.lineNo} is not the log's signed checkpoint: ${why.en}`,
        `El punto de control de la línea ${this.lineNo} no es el firmado por la bitácora: ${why.es}`,
        checkpointSize === undefined ? {} : { checkpointSize },
      );
    if (
      !isCount(size) ||
      typeof value.root !== 'string' ||
      !HEX_HASH.test(value.root) ||
      typeof value.at !== 'string' ||
      typeof value.note !== 'string'
    ) {
      return forged({ en: 'it lacks its size, root, time or note', es: 'le falta su tamaño, raíz, hora o nota' });
    }
    const anchor = this.anchor;
    if (anchor && size >= anchor.size) {
      return this.fail(
        'stale-checkpoint',
        `The checkpoint of ${size} leaves (line ${this.lineNo}) is not older than the bundle's anchor of ${anchor.size} leaves (line ${anchor.line}): the anchor is not the newest checkpoint, it was replaced by an older one`,
        `El punto de control de ${size} hojas (línea ${this.lineNo}) no es anterior al ancla del paquete de ${anchor.size} hojas (línea ${anchor.line}): el ancla no es el punto de control más reciente, se reemplazó por uno anterior`,
        { checkpointSize: size },
      );
    }
    const before = this.earlier.at(-1);
    if (before && size <= before.size) {
      return this.fail(
        'order-changed',
        `The checkpoint of ${size} leaves (line ${this.lineNo}) follows that of ${before.size}: checkpoints come in size order`,
        `El punto de control de ${size} hojas (línea ${this.lineNo}) sigue al de ${before.size}: van en orden de tamaño`,
        { checkpointSize: size },
      );
    }
    const known = [this.current!, ...this.previous, ...this.witnesses, ...this.givenWitnesses];
    let opened;
    try {
      opened = openNote(value.note, known, [manifest.origin]);
    } catch (error) {
      const code = error instanceof NoteError ? error.code : 'malformed';
      return forged({ en: `its note does not verify (${code})`, es: `su nota no se verifica (${code})` }, size);
    }
    const { checkpoint } = opened;
    const time = checkpoint.extensions.find((line) => line.startsWith('time '));
    if (
      checkpoint.origin !== manifest.origin ||
      checkpoint.size !== size ||
      toHex(checkpoint.root) !== value.root ||
      (time !== undefined && time !== `time ${value.at}`)
    ) {
      return forged(
        {
          en: 'its line says another log, size, root or time than its signed note',
          es: 'su línea dice otra bitácora, tamaño, raíz u hora que su nota firmada',
        },
        size,
      );
    }
    const currentId = hex(this.current!.keyId);
    if (
      !anchor &&
      !opened.signatures.some((signature) => signature.keyId === currentId && signature.kind === 'ed25519')
    ) {
      return forged(
        {
          en: "the anchor is not signed by the log's current key",
          es: 'el ancla no está firmada con la clave actual de la bitácora',
        },
        size,
      );
    }
    const names: string[] = [];
    for (const signature of opened.signatures) {
      const isLog = signature.kind === 'ed25519';
      const role = !isLog ? 'witness' : signature.keyId === currentId ? 'log' : 'previous-log-key';
      const trusted = isLog
        ? this.given.some((key) => hex(key.keyId) === signature.keyId)
        : this.givenWitnesses.some((key) => hex(key.keyId) === signature.keyId && key.name === signature.name);
      this.signer(signature.name, signature.keyId, role, trusted).checkpoints.push(size);
      names.push(signature.name);
    }
    for (const unknown of opened.unknown) {
      this.signer(unknown.name, unknown.keyId, 'unknown', false).checkpoints.push(size);
    }
    const seen = { size, root: fromHex(value.root), line: this.lineNo, at: value.at };
    if (anchor) this.earlier.push(seen);
    else this.anchor = { ...seen, signers: names };
    return true;
  }

  private consistencyLine(value: Record<string, unknown>): boolean {
    const chain = [...this.earlier, this.anchor!];
    const index = this.consistencySeen;
    const [from, to] = [chain[index], chain[index + 1]];
    const invalid = (en: string, es: string) =>
      this.fail(
        'proof-invalid',
        `The consistency proof of line ${this.lineNo} ${en}`,
        `La prueba de consistencia de la línea ${this.lineNo} ${es}`,
        from ? { checkpointSize: from.size } : {},
      );
    if (!from || !to) return invalid('links no checkpoints of the bundle', 'no enlaza puntos de control del paquete');
    if (value.from !== from.size || value.to !== to.size || !isHexList(value.proof)) {
      return invalid(
        `should link the checkpoints of ${from.size} and ${to.size} leaves (lines ${from.line} and ${to.line})`,
        `debería enlazar los puntos de control de ${from.size} y ${to.size} hojas (líneas ${from.line} y ${to.line})`,
      );
    }
    if (!verifyConsistency(from.size, to.size, from.root, to.root, value.proof.map(fromHex))) {
      return invalid(
        `does not show that the tree of ${from.size} leaves is a prefix of that of ${to.size}: the proof, or a root, was altered`,
        `no muestra que el árbol de ${from.size} hojas sea prefijo del de ${to.size}: se alteró la prueba o una raíz`,
      );
    }
    this.consistencySeen += 1;
    return true;
  }

  /** Every checkpoint linked to the next; then the checkpoint you trust against the anchor. */
  private closeConsistency(): boolean {
    const chain = [...this.earlier, this.anchor!];
    if (this.consistencySeen < chain.length - 1) {
      const [from, to] = [chain[this.consistencySeen]!, chain[this.consistencySeen + 1]!];
      return this.fail(
        'proof-invalid',
        `No consistency proof links the checkpoint of ${from.size} leaves (line ${from.line}) to that of ${to.size} (line ${to.line})`,
        `Ninguna prueba de consistencia enlaza el punto de control de ${from.size} hojas (línea ${from.line}) con el de ${to.size} (línea ${to.line})`,
        { checkpointSize: from.size },
      );
    }
    const scope = this.manifest!.scope;
    const anchor = this.anchor!;
    if (scope.kind === 'all') {
      this.start = 0;
      this.end = anchor.size;
    } else if (scope.kind === 'range') {
      this.start = scope.start;
      this.end = scope.end;
    }
    const trusted = this.trusted;
    if (!trusted) return true;
    const fork = (checkpoint: CheckpointSeen) =>
      this.fail(
        'root-mismatch',
        `The log forked: the checkpoint you trust has ${trusted.size} leaves with root ${toHex(trusted.root)}, this bundle's log has root ${toHex(checkpoint.root)} at that size (line ${checkpoint.line})`,
        `La bitácora se bifurcó: el punto de control en el que confía tiene ${trusted.size} hojas con raíz ${toHex(trusted.root)}; la de este paquete tiene la raíz ${toHex(checkpoint.root)} en ese tamaño (línea ${checkpoint.line})`,
        { checkpointSize: trusted.size },
        checkpoint.line,
      );
    if (trusted.size > anchor.size) {
      return this.fail(
        'stale-checkpoint',
        `The bundle's anchor (${anchor.size} leaves, ${anchor.at}) is older than the checkpoint you trust (${trusted.size} leaves): an old state replayed, or the log rolled back`,
        `El ancla del paquete (${anchor.size} hojas, ${anchor.at}) es anterior al punto de control en el que confía (${trusted.size} hojas): un estado antiguo reenviado, o la bitácora retrocedió`,
        { checkpointSize: anchor.size },
        anchor.line,
      );
    }
    const same = chain.find((checkpoint) => checkpoint.size === trusted.size);
    if (same) return Buffer.compare(same.root, trusted.root) === 0 || fork(same);
    if (scope.kind !== 'incident' && this.start <= trusted.size && trusted.size <= this.end) {
      this.rootChecks.push({ size: trusted.size, root: trusted.root, line: anchor.line, trusted: true });
      return true;
    }
    return this.fail(
      'proof-invalid',
      `Nothing in this bundle links the checkpoint you trust (${trusted.size} leaves) to its anchor (${anchor.size}): export it with --since-size ${trusted.size}`,
      `Nada en este paquete enlaza el punto de control en el que confía (${trusted.size} hojas) con su ancla (${anchor.size}): expórtelo con --since-size ${trusted.size}`,
      { checkpointSize: trusted.size },
      anchor.line,
    );
  }

  // Range proof and events ----------------------------------------------------------------------------------------

  private rangeProofLine(value: Record<string, unknown>): boolean {
    const scope = this.manifest!.scope;
    const size = this.anchor!.size;
    const invalid = (en: string, es: string) =>
      this.fail(
        'proof-invalid',
        `The range proof (line ${this.lineNo}) ${en}`,
        `La prueba de rango (línea ${this.lineNo}) ${es}`,
      );
    if (scope.kind !== 'range') {
      return invalid(
        'belongs to no range: the bundle is not of a range',
        'no corresponde: el paquete no es de un rango',
      );
    }
    const { start, end } = value;
    if (!isCount(start) || !isCount(end) || start > end || end > size || start !== scope.start || end !== scope.end) {
      return invalid(
        `is not of the leaves [${scope.start}, ${scope.end}) of a tree of ${size}`,
        `no es de las hojas [${scope.start}, ${scope.end}) de un árbol de ${size}`,
      );
    }
    const cover = subtreeCover(end, size);
    if (!isHexList(value.left) || !isHexList(value.right, cover.length) || value.right.length !== cover.length) {
      return invalid('lacks hashes, or has too many', 'tiene hashes de menos o de más');
    }
    try {
      this.builder = new TreeBuilder({ size: start, nodes: value.left });
    } catch {
      return invalid(
        `lacks hashes, or has too many, on its left (${start} leaves)`,
        `tiene hashes de menos o de más a su izquierda (${start} hojas)`,
      );
    }
    this.rightCover = value.right.map(fromHex);
    return true;
  }

  /** Before the first event: the tree to append to, and the checkpoints whose roots it must make. */
  private startEvents(): boolean {
    const scope = this.manifest!.scope;
    if (scope.kind === 'incident') return true;
    if (scope.kind === 'range' && !this.builder) {
      return this.fail(
        'proof-invalid',
        `The bundle of leaves [${scope.start}, ${scope.end}) has no range proof: nothing ties them to the anchor`,
        `El paquete de las hojas [${scope.start}, ${scope.end}) no trae prueba de rango: nada las liga al ancla`,
      );
    }
    this.builder ??= new TreeBuilder();
    const checks = [...this.earlier, this.anchor!]
      // The anchor's root is made at the end, by the events (and, for a range, the subtrees after them).
      .filter(
        (checkpoint) => checkpoint === this.anchor || (this.start <= checkpoint.size && checkpoint.size <= this.end),
      )
      .map((checkpoint) => ({ size: checkpoint.size, root: checkpoint.root, line: checkpoint.line, trusted: false }));
    this.rootChecks = [...checks, ...this.rootChecks].sort((a, b) => a.size - b.size);
    return this.checkRoots();
  }

  /** The checkpoints of the tree's size now: the events so far must make their roots. */
  private checkRoots(): boolean {
    const builder = this.builder!;
    while (this.rootChecks.length > 0 && this.rootChecks[0]!.size <= builder.size) {
      const check = this.rootChecks.shift()!;
      if (check.size < builder.size) continue;
      if (Buffer.compare(builder.root(), check.root) === 0) continue;
      const lines = this.lastEvent ? ` (up to line ${this.lastEvent.line})` : '';
      if (check.trusted) {
        return this.fail(
          'root-mismatch',
          `The log forked: the checkpoint you trust has ${check.size} leaves and another root than this bundle's events make at that size`,
          `La bitácora se bifurcó: el punto de control en el que confía tiene ${check.size} hojas y otra raíz que la que forman los eventos del paquete en ese tamaño`,
          { checkpointSize: check.size },
        );
      }
      return this.fail(
        'root-mismatch',
        `The events of leaves [${this.start}, ${check.size})${lines} do not make the tree the checkpoint of ${check.size} leaves (line ${check.line}) vouches for: an event was altered, removed or inserted without a trace in its stream's chain, or the range proof was altered`,
        `Los eventos de las hojas [${this.start}, ${check.size})${lines.replace('up to line', 'hasta la línea')} no forman el árbol que avala el punto de control de ${check.size} hojas (línea ${check.line}): se alteró, quitó o insertó un evento sin rastro en la cadena de su flujo, o se alteró la prueba de rango`,
        { checkpointSize: check.size },
      );
    }
    return true;
  }

  private eventLine(value: Record<string, unknown>): boolean {
    const event = value as unknown as EventLine;
    const incident = this.manifest!.scope.kind === 'incident';
    const shape = this.eventShape(value, incident);
    if (shape) {
      return this.fail(
        'data-changed',
        `Line ${this.lineNo} is not an event as stored: ${shape.en}`,
        `La línea ${this.lineNo} no es un evento tal como se almacenó: ${shape.es}`,
      );
    }
    const { leafIndex, position, streamId, revision } = event;
    const here = { leafIndex, position, streamId, revision };
    const line = this.lineNo;
    const name = `${streamId}@${revision} (leaf ${leafIndex}, line ${line})`;
    const nombre = `${streamId}@${revision} (hoja ${leafIndex}, línea ${this.lineNo})`;
    const size = this.anchor!.size;
    if (leafIndex >= size) {
      return this.fail(
        'event-inserted',
        `${name} is beyond the anchor's ${size} leaves: the log never sealed it`,
        `${nombre} queda más allá de las ${size} hojas del ancla: la bitácora nunca lo selló`,
        here,
      );
    }
    const before = this.lastEvent;
    if (this.pending) {
      if (before && leafIndex < before.leafIndex) {
        return this.fail(
          'order-changed',
          `${name} comes after leaf ${before.leafIndex} (line ${before.line}): the event lines are out of order`,
          `${nombre} viene tras la hoja ${before.leafIndex} (línea ${before.line}): las líneas de eventos están fuera de orden`,
          here,
        );
      }
      return this.pending.report();
    }
    if (before && leafIndex <= before.leafIndex) {
      const stream = this.streams.get(streamId);
      const repeated =
        leafIndex === before.leafIndex
          ? before.streamId === streamId &&
            before.revision === revision &&
            before.id === event.id &&
            before.hash === event.hash
          : stream?.revision === revision && stream.hash === event.hash;
      if (repeated) {
        return this.fail(
          'duplicate-event',
          `${name} is already in the bundle: the line is repeated`,
          `${nombre} ya está en el paquete: la línea está repetida`,
          here,
        );
      }
      if (leafIndex === before.leafIndex) {
        return this.fail(
          'event-inserted',
          `${name} claims leaf ${leafIndex}, which ${before.streamId}@${before.revision} (line ${before.line}) holds: it was inserted`,
          `${nombre} reclama la hoja ${leafIndex}, que ocupa ${before.streamId}@${before.revision} (línea ${before.line}): se insertó`,
          here,
        );
      }
      return this.fail(
        'order-changed',
        `${name} comes after leaf ${before.leafIndex} (line ${before.line}): the event lines are out of order`,
        `${nombre} viene tras la hoja ${before.leafIndex} (línea ${before.line}): las líneas de eventos están fuera de orden`,
        here,
      );
    }
    if (!incident) {
      const expected = before ? before.leafIndex + 1 : this.start;
      if (leafIndex < expected) {
        return this.fail(
          'event-inserted',
          `${name} is before the bundle's first leaf ${this.start}: it was inserted`,
          `${nombre} está antes de la primera hoja ${this.start} del paquete: se insertó`,
          here,
        );
      }
      if (leafIndex > expected) {
        const line = this.lineNo;
        return this.defer(event, () => this.missingLeaves(expected, leafIndex, line));
      }
    }
    if (before && position <= before.position) {
      return this.fail(
        'order-changed',
        `${name} at ${position} comes after position ${before.position} (line ${before.line}): the event lines are out of order`,
        `${nombre} en ${position} viene tras la posición ${before.position} (línea ${before.line}): las líneas de eventos están fuera de orden`,
        here,
      );
    }

    // The event as stored must be what its chain hash covers.
    const leaf = ownLeaf(event);
    if (!leaf) {
      return this.fail(
        'data-changed',
        `${name} at ${position} is not what its hash covers: its content, type, time or place was altered`,
        `${nombre} en ${position} no es lo que cubre su hash: se alteró su contenido, tipo, hora o lugar`,
        here,
      );
    }
    if (this.links && !this.links.includes(event)) {
      return this.fail(
        'event-inserted',
        `${name} is not an event of incident ${this.links.incidentId}, as far as the bundle shows: it was inserted (or the event linking it to the incident removed)`,
        `${nombre} no es un evento del incidente ${this.links.incidentId}, según lo que muestra el paquete: se insertó (o se quitó el evento que lo liga al incidente)`,
        here,
      );
    }

    // Its stream's chain, as far as the bundle holds it.
    const stream = this.streams.get(streamId);
    const whole = this.links ? this.links.holdsWhole(streamId) : this.manifest!.scope.kind === 'all';
    if (!stream) {
      if (revision === 0 && event.previousHash !== GENESIS_HASH) {
        return this.chainBroken(name, nombre, here, {
          en: 'the first event of its stream chains from another',
          es: 'el primer evento de su flujo encadena con otro',
        });
      }
      if (whole && revision !== 0) {
        return this.defer(event, () =>
          this.fail(
            'event-missing',
            `${name} is the first of its stream in the bundle: revisions 0 to ${revision - 1} are missing`,
            `${nombre} es el primero de su flujo en el paquete: faltan las revisiones 0 a ${revision - 1}`,
            here,
            line,
          ),
        );
      }
    } else if (revision <= stream.revision) {
      return revision === stream.revision
        ? this.fail(
            'event-inserted',
            `${name} is a second event at revision ${revision} of its stream: it was inserted`,
            `${nombre} es un segundo evento en la revisión ${revision} de su flujo: se insertó`,
            here,
          )
        : this.fail(
            'order-changed',
            `${name} comes after revision ${stream.revision} of its stream: the events are out of order`,
            `${nombre} viene tras la revisión ${stream.revision} de su flujo: los eventos están fuera de orden`,
            here,
          );
    } else if (revision === stream.revision + 1) {
      if (event.previousHash !== stream.hash) {
        return this.chainBroken(name, nombre, here, {
          en: `it does not follow ${streamId}@${stream.revision} as the bundle has it`,
          es: `no sigue a ${streamId}@${stream.revision} tal como lo trae el paquete`,
        });
      }
    } else if (!this.links?.mayFollowGap(event)) {
      const after = stream.revision;
      const gap = revision - after === 2 ? `revision ${after + 1} is` : `revisions ${after + 1} to ${revision - 1} are`;
      const hueco =
        revision - after === 2
          ? `falta la revisión ${after + 1}`
          : `faltan las revisiones ${after + 1} a ${revision - 1}`;
      return this.defer(event, () =>
        this.fail(
          'event-missing',
          `${name} follows revision ${after} of its stream: ${gap} missing`,
          `${nombre} sigue a la revisión ${after} de su flujo: ${hueco}`,
          here,
          line,
        ),
      );
    }
    this.streams.set(streamId, { revision, hash: event.hash });
    this.lastEvent = { leafIndex, position, streamId, revision, id: event.id, hash: event.hash, line: this.lineNo };

    // Its leaf: in the tree being rebuilt, or proven in the anchor.
    if (this.builder) {
      this.builder.appendLeaf(leaf);
      if (!this.checkRoots()) return false;
    } else if (!verifyInclusion(leaf, leafIndex, size, event.inclusion!.map(fromHex), this.anchor!.root)) {
      return this.fail(
        'proof-invalid',
        `The inclusion proof of ${name} does not lead to the anchor's root: the event is not the one sealed at leaf ${leafIndex} (inserted), or its proof was altered`,
        `La prueba de inclusión de ${nombre} no lleva a la raíz del ancla: el evento no es el sellado en la hoja ${leafIndex} (insertado), o se alteró su prueba`,
        here,
      );
    }
    this.events += 1;
    if (this.events % 1_000 === 0) this.options.onProgress?.({ events: this.events, total: this.manifest!.events });
    return true;
  }

  /** Holds a gap found at this event until the next line tells whether it is one (see `pending`). */
  private defer(event: EventLine, report: () => false): true {
    const { leafIndex, position, streamId, revision, id, hash } = event;
    this.pending = { leafIndex, report };
    this.lastEvent = { leafIndex, position, streamId, revision, id, hash, line: this.lineNo };
    return true;
  }

  private chainBroken(
    name: string,
    nombre: string,
    here: Pick<BundleProblem, 'leafIndex' | 'position' | 'streamId' | 'revision'>,
    why: { en: string; es: string },
  ): false {
    return this.fail(
      'chain-broken',
      `${name}: ${why.en}; its stream's hash chain is broken there (an earlier event of the stream was altered, or this one moved)`,
      `${nombre}: ${why.es}; la cadena de hash de su flujo se rompe ahí (se alteró un evento anterior del flujo, o este se movió)`,
      here,
    );
  }

  private missingLeaves(from: number, to: number, line: number): false {
    const which = to - from === 1 ? `Leaf ${from} is` : `Leaves ${from} to ${to - 1} are`;
    const cual = to - from === 1 ? `Falta la hoja ${from}` : `Faltan las hojas ${from} a ${to - 1}`;
    return this.fail(
      'event-missing',
      `${which} missing before line ${line}: an event was removed from the bundle`,
      `${cual} antes de la línea ${line}: se quitó un evento del paquete`,
      { leafIndex: from },
      line,
    );
  }

  private eventShape(value: Record<string, unknown>, incident: boolean): { en: string; es: string } | undefined {
    const wrong: string[] = [];
    if (!isCount(value.leafIndex)) wrong.push('leafIndex');
    if (!isPosition(value.position)) wrong.push('position');
    for (const name of ['streamId', 'id', 'type']) {
      if (typeof value[name] !== 'string' || value[name] === '') wrong.push(name);
    }
    if (!isCount(value.revision)) wrong.push('revision');
    if (!('data' in value)) wrong.push('data');
    if (!isObject(value.metadata) || typeof value.metadata.recordedAt !== 'string') wrong.push('metadata.recordedAt');
    if (typeof value.hash !== 'string' || !HEX_HASH.test(value.hash)) wrong.push('hash');
    if (
      value.previousHash !== GENESIS_HASH &&
      (typeof value.previousHash !== 'string' || !HEX_HASH.test(value.previousHash))
    ) {
      wrong.push('previousHash');
    }
    if (incident && !isHexList(value.inclusion)) wrong.push('inclusion');
    if (wrong.length === 0) return undefined;
    return { en: `its ${wrong.join(', ')} missing or malformed`, es: `falta o está mal formado: ${wrong.join(', ')}` };
  }

  /** After the last event: nothing missing at the end, and (a range) the tree completed to the anchor's root. */
  private closeEvents(): boolean {
    if (this.pending) return this.pending.report();
    const scope = this.manifest!.scope;
    if (scope.kind === 'incident') return true;
    const reached = this.lastEvent ? this.lastEvent.leafIndex + 1 : this.start;
    if (reached < this.end) {
      const which = this.end - reached === 1 ? `leaf ${reached} is` : `leaves ${reached} to ${this.end - 1} are`;
      const cual =
        this.end - reached === 1 ? `falta la hoja ${reached}` : `faltan las hojas ${reached} a ${this.end - 1}`;
      return this.fail(
        'event-missing',
        `The bundle ends its events at line ${this.lineNo - 1}: ${which} missing`,
        `El paquete acaba sus eventos en la línea ${this.lineNo - 1}: ${cual}`,
        { leafIndex: reached },
      );
    }
    if (reached > this.end) {
      return this.fail(
        'event-inserted',
        `The bundle holds leaves past the end of its range (${this.end}): events were added`,
        `El paquete trae hojas más allá del final de su rango (${this.end}): se añadieron eventos`,
        { leafIndex: this.end },
      );
    }
    const builder = this.builder!;
    const cover = subtreeCover(this.end, this.anchor!.size);
    cover.forEach(({ level }, i) => builder.appendSubtree(this.rightCover[i]!, level));
    return this.checkRoots();
  }

  private trailerLine(value: Record<string, unknown>): boolean {
    const sha256 = this.digest.digest('hex');
    const checkpoints = 1 + this.earlier.length;
    const manifest = this.manifest!;
    if (value.events !== this.events || value.checkpoints !== checkpoints || manifest.events !== this.events) {
      return this.fail(
        'digest-mismatch',
        `The trailer (line ${this.lineNo}) counts ${String(value.events)} events and ${String(value.checkpoints)} checkpoints, the manifest ${manifest.events} events; the file has ${this.events} and ${checkpoints}: lines were added or removed`,
        `El cierre (línea ${this.lineNo}) cuenta ${String(value.events)} eventos y ${String(value.checkpoints)} puntos de control, el manifiesto ${manifest.events} eventos; el archivo tiene ${this.events} y ${checkpoints}: se añadieron o quitaron líneas`,
      );
    }
    if (value.sha256 !== sha256) {
      return this.fail(
        'digest-mismatch',
        `The file's SHA-256 before its trailer is ${sha256}, the trailer (line ${this.lineNo}) says ${String(value.sha256)}: the file was altered after it was written`,
        `El SHA-256 del archivo antes de su cierre es ${sha256}, el cierre (línea ${this.lineNo}) dice ${String(value.sha256)}: el archivo se alteró después de escribirse`,
      );
    }
    this.phase = 'done';
    return true;
  }
}
