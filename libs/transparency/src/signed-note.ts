import { createHash, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { type Hash, HASH_SIZE } from './merkle.js';

/**
 * The log's signed statements, in the formats of the C2SP transparency-log ecosystem so that standard witnesses and
 * monitors can read them:
 *
 *   - c2sp.org/signed-note: a text, a blank line, then one line per signature ("— <key name> base64(key ID ||
 *     signature)"), with Ed25519 signatures over the text;
 *   - c2sp.org/tlog-checkpoint: the text of a log's signed tree head (origin, size, base64 root, extension lines);
 *   - c2sp.org/tlog-cosignature (cosignature/v1): a witness's timestamped Ed25519 signature over the same text,
 *     added as one more signature line, stating it saw this tree and that it is consistent with all it saw before.
 *
 * A key is identified by its name together with a 4-byte key ID derived from the name, the signature type and the
 * public key; signature lines by other keys are ignored (and reported), so witnesses can be added or keys rotated
 * without breaking older verifiers. Nothing in a note's text is trusted before a known key's signature on it verifies.
 */

export type NoteErrorCode =
  'malformed-note' | 'malformed-checkpoint' | 'malformed-key' | 'bad-signature' | 'no-known-signature';

export class NoteError extends Error {
  constructor(
    readonly code: NoteErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'NoteError';
  }
}

/** A log's tree head: the body of a checkpoint note. */
export interface Checkpoint {
  /** The log's identity, e.g. `enlace.example/log`; also the name of the log's key. */
  origin: string;
  size: number;
  root: Hash;
  /** Opaque extra lines (non-empty, optional, and unused by Enlace). */
  extensions: string[];
}

export interface NoteKey {
  name: string;
  /** The first 4 bytes of SHA-256(name || 0x0A || type byte || publicKey). */
  keyId: Uint8Array;
  /** The 32-byte Ed25519 public key. */
  publicKey: Uint8Array;
  /** 'ed25519' signs notes (the log); 'cosignature/v1' cosigns checkpoints (a witness). */
  kind: 'ed25519' | 'cosignature/v1';
}

export interface NoteSigner extends NoteKey {
  /** The 64-byte Ed25519 signature of the message. */
  sign(message: Uint8Array): Uint8Array;
}

export interface OpenedNote {
  /** The signed text, final newline included. */
  body: string;
  checkpoint: Checkpoint;
  /** The signatures by known keys, all verified, in the order of their lines (a repeated line once). */
  signatures: { name: string; keyId: string; kind: 'ed25519' | 'cosignature/v1'; timestamp?: number }[];
  /** Signature lines by keys the caller does not know, ignored as the spec requires (key ID as hex). */
  unknown: { name: string; keyId: string }[];
}

const EM_DASH = '\u2014';
const ED25519_SIZE = 32;
const SIGNATURE_SIZE = 64;
const KEY_ID_SIZE = 4;
const TIMESTAMP_SIZE = 8;
/** The spec requires accepting at least 16 signatures; beyond this a note is refused as malformed. */
const MAX_SIGNATURES = 100;
const MAX_TIMESTAMP = 2n ** 63n - 1n;
const TYPE_BYTES = { ed25519: 0x01, 'cosignature/v1': 0x04 } as const;
const KIND_OF_TYPE_BYTE = new Map<number, NoteKey['kind']>([
  [0x01, 'ed25519'],
  [0x04, 'cosignature/v1'],
]);

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** Standard base64 with padding, refused unless it is the one canonical encoding of its bytes. */
function fromBase64(text: string): Uint8Array | undefined {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? new Uint8Array(bytes) : undefined;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** No ASCII control character other than newline (signed-note), and valid UTF-8 once encoded (no lone surrogate). */
function isNoteText(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return text.isWellFormed() && !/[\u0000-\u0009\u000b-\u001f]/.test(text);
}

/** Key names are non-empty, without Unicode spaces or '+' (signed-note), and printable. */
function isKeyName(name: unknown): name is string {
  return typeof name === 'string' && /^[^\s+]+$/u.test(name) && isNoteText(name);
}

function keyIdOf(name: string, kind: NoteKey['kind'], publicKey: Uint8Array): Uint8Array {
  const digest = createHash('sha256')
    .update(utf8(name))
    .update(Uint8Array.of(0x0a, TYPE_BYTES[kind]))
    .update(publicKey)
    .digest();
  return new Uint8Array(digest.subarray(0, KEY_ID_SIZE));
}

function checkKey(key: NoteKey): void {
  const valid =
    isKeyName(key.name) &&
    KIND_OF_TYPE_BYTE.has(TYPE_BYTES[key.kind]) &&
    key.publicKey instanceof Uint8Array &&
    key.publicKey.length === ED25519_SIZE &&
    key.keyId instanceof Uint8Array &&
    sameBytes(key.keyId, keyIdOf(key.name, key.kind, key.publicKey));
  if (!valid) throw new NoteError('malformed-key', `Invalid note key ${String(key.name)}`);
}

function publicKeyObject(publicKey: Uint8Array): KeyObject {
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') },
    format: 'jwk',
  });
}

function verifies(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== SIGNATURE_SIZE) return false;
  try {
    return verify(null, message, publicKeyObject(publicKey), signature);
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Checkpoints (c2sp.org/tlog-checkpoint)

function malformedCheckpoint(reason: string): NoteError {
  return new NoteError('malformed-checkpoint', `Malformed checkpoint: ${reason}`);
}

/**
 * The text of a checkpoint: "<origin>\n<size in decimal>\n<base64 root>\n", then each extension line and "\n".
 * Refuses (NoteError 'malformed-checkpoint') what `parseCheckpoint` would refuse, so a log never signs one.
 */
export function checkpointBody(checkpoint: Checkpoint): string {
  const { origin, size, root, extensions } = checkpoint;
  if (typeof origin !== 'string' || origin === '' || origin.includes('\n') || !isNoteText(origin)) {
    throw malformedCheckpoint('the origin is one non-empty line');
  }
  if (!Number.isSafeInteger(size) || size < 0) throw malformedCheckpoint('the size is a non-negative integer');
  if (!(root instanceof Uint8Array) || root.length !== HASH_SIZE) throw malformedCheckpoint('the root is 32 bytes');
  for (const line of extensions) {
    if (typeof line !== 'string' || line === '' || line.includes('\n') || !isNoteText(line)) {
      throw malformedCheckpoint('an extension is one non-empty line');
    }
  }
  return [origin, String(size), base64(root), ...extensions].map((line) => `${line}\n`).join('');
}

/**
 * Parses a checkpoint's text, strictly: at least three lines, each ending in a newline (the last included); a
 * non-empty origin; the size in canonical decimal (no sign, no leading zero, a safe integer); the root as the canonical
 * base64 of 32 bytes; non-empty extension lines. Anything else is a NoteError 'malformed-checkpoint'.
 */
export function parseCheckpoint(body: string): Checkpoint {
  if (typeof body !== 'string' || !body.endsWith('\n') || !isNoteText(body)) {
    throw malformedCheckpoint('the text is newline-terminated lines without control characters');
  }
  const [origin, sizeLine, rootLine, ...extensions] = body.slice(0, -1).split('\n');
  if (origin === undefined || origin === '') throw malformedCheckpoint('no origin line');
  if (sizeLine === undefined || !/^(?:0|[1-9][0-9]*)$/.test(sizeLine)) throw malformedCheckpoint('no size line');
  const size = Number(sizeLine);
  if (!Number.isSafeInteger(size)) throw malformedCheckpoint('the size is too large');
  const root = rootLine === undefined ? undefined : fromBase64(rootLine);
  if (root?.length !== HASH_SIZE) throw malformedCheckpoint('no base64 root hash of 32 bytes');
  if (extensions.some((line) => line === '')) throw malformedCheckpoint('an empty extension line');
  return { origin, size, root, extensions };
}

// ---------------------------------------------------------------------------------------------------------------
// Keys

/**
 * A signer holding an Ed25519 private key under a key name: kind 'ed25519' (the default) signs notes, kind
 * 'cosignature/v1' cosigns checkpoints as a witness. The same key pair used for both kinds gets different key IDs.
 */
export function ed25519Signer(
  name: string,
  privateKey: KeyObject,
  kind: 'ed25519' | 'cosignature/v1' = 'ed25519',
): NoteSigner {
  if (!isKeyName(name)) throw new NoteError('malformed-key', `Invalid key name ${JSON.stringify(name)}`);
  if (privateKey?.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') {
    throw new NoteError('malformed-key', 'The private key is not an Ed25519 private key');
  }
  if (!(kind in TYPE_BYTES)) throw new NoteError('malformed-key', `Unknown signature kind ${String(kind)}`);
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  const publicKey = new Uint8Array(Buffer.from(jwk.x!, 'base64url'));
  return {
    name,
    kind,
    publicKey,
    keyId: keyIdOf(name, kind, publicKey),
    sign: (message) => new Uint8Array(sign(null, message, privateKey)),
  };
}

/** A new Ed25519 key pair: the private key as PKCS#8 PEM, the public key as SPKI PEM. */
export function generateKeyPair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

/** The verifier key (vkey) of a key: "<name>+<8 hex key ID>+<base64(type byte || public key)>", for publishing. */
export function verifierKey(key: NoteKey): string {
  checkKey(key);
  return `${key.name}+${hex(key.keyId)}+${base64(concat(Uint8Array.of(TYPE_BYTES[key.kind]), key.publicKey))}`;
}

/**
 * Parses a verifier key. Refuses (NoteError 'malformed-key') an invalid name, a key ID that is not 8 lowercase hex
 * digits or not the one the name, type and public key give, a type other than 0x01 (ed25519) and 0x04
 * (cosignature/v1), and a public key that is not 32 bytes.
 */
export function parseVerifierKey(vkey: string): NoteKey {
  const malformed = (): NoteError => new NoteError('malformed-key', `Malformed verifier key ${JSON.stringify(vkey)}`);
  if (typeof vkey !== 'string') throw malformed();
  // The name and the key ID cannot contain '+'; the base64 part can.
  const match = /^([^+]+)\+([0-9a-f]{8})\+(.+)$/s.exec(vkey);
  if (!match || !isKeyName(match[1])) throw malformed();
  const [, name, keyIdHex, encoded] = match as unknown as [string, string, string, string];
  const material = fromBase64(encoded);
  const kind = material === undefined ? undefined : KIND_OF_TYPE_BYTE.get(material[0]!);
  if (material?.length !== 1 + ED25519_SIZE || kind === undefined) throw malformed();
  const publicKey = material.subarray(1);
  const keyId = new Uint8Array(Buffer.from(keyIdHex, 'hex'));
  if (!sameBytes(keyId, keyIdOf(name, kind, publicKey))) throw malformed();
  return { name, keyId, publicKey, kind };
}

// ---------------------------------------------------------------------------------------------------------------
// Notes (c2sp.org/signed-note) and cosignatures (c2sp.org/tlog-cosignature)

interface SignatureLine {
  name: string;
  keyId: Uint8Array;
  /** The bytes after the key ID: the signature, or for a cosignature the timestamp then the signature. */
  payload: Uint8Array;
}

function malformedNote(reason: string): NoteError {
  return new NoteError('malformed-note', `Malformed note: ${reason}`);
}

/** Splits a note into its text and signature lines, refusing anything that is not a well-formed signed note. */
function splitNote(note: string): { body: string; lines: SignatureLine[] } {
  if (typeof note !== 'string' || !isNoteText(note)) throw malformedNote('control characters or invalid text');
  if (!note.endsWith('\n')) throw malformedNote('no final newline');
  // The text is separated from the signatures by the last empty line; signature lines are never empty.
  const blank = note.lastIndexOf('\n\n');
  if (blank < 0) throw malformedNote('no blank line before the signatures');
  const body = note.slice(0, blank + 1);
  const block = note.slice(blank + 2);
  if (block === '') throw malformedNote('no signature lines');
  const rawLines = block.slice(0, -1).split('\n');
  if (rawLines.length > MAX_SIGNATURES) throw malformedNote('too many signatures');
  const lines = rawLines.map((line): SignatureLine => {
    const match = /^\u2014 ([^ ]+) ([^ ]+)$/.exec(line);
    const bytes = match === null ? undefined : fromBase64(match[2]!);
    if (!match || !isKeyName(match[1]) || bytes === undefined || bytes.length <= KEY_ID_SIZE) {
      throw malformedNote(`bad signature line ${JSON.stringify(line)}`);
    }
    return { name: match[1], keyId: bytes.subarray(0, KEY_ID_SIZE), payload: bytes.subarray(KEY_ID_SIZE) };
  });
  return { body, lines };
}

function signatureLine(name: string, bytes: Uint8Array): string {
  return `${EM_DASH} ${name} ${base64(bytes)}\n`;
}

/** The message a cosignature/v1 signs: "cosignature/v1\ntime <t>\n" followed by the checkpoint's text. */
function cosignedMessage(body: string, timestamp: bigint): Uint8Array {
  return utf8(`cosignature/v1\ntime ${timestamp}\n${body}`);
}

/**
 * Signs a text as a note: the text (which must end in a newline), a blank line, and one Ed25519 signature line per
 * signer. Witnesses add theirs afterwards with `cosignNote`.
 */
export function signNote(body: string, signers: readonly NoteSigner[]): string {
  if (typeof body !== 'string' || !body.endsWith('\n') || !isNoteText(body)) {
    throw malformedNote('the text must end in a newline and contain no control characters');
  }
  if (signers.length === 0) throw malformedNote('a note needs at least one signature');
  const lines = signers.map((signer) => {
    checkKey(signer);
    if (signer.kind !== 'ed25519') throw new NoteError('malformed-key', `${signer.name} is not a note signing key`);
    return signatureLine(signer.name, concat(signer.keyId, signer.sign(utf8(body))));
  });
  return `${body}\n${lines.join('')}`;
}

/**
 * Adds a witness's cosignature/v1 line to a note: the signed message is "cosignature/v1\ntime <t>\n" followed by the
 * note's text, and the line carries base64(key ID || t as 8 bytes big-endian || signature). Only the note's shape is
 * checked here: the witness must have opened the note (and checked consistency with what it saw) before cosigning.
 */
export function cosignNote(note: string, witness: NoteSigner, timestampSeconds: number): string {
  const { body } = splitNote(note);
  checkKey(witness);
  if (witness.kind !== 'cosignature/v1') throw new NoteError('malformed-key', `${witness.name} is not a cosigner key`);
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) {
    throw new RangeError(`Invalid cosignature timestamp ${timestampSeconds}`);
  }
  const timestamp = new Uint8Array(TIMESTAMP_SIZE);
  new DataView(timestamp.buffer).setBigUint64(0, BigInt(timestampSeconds));
  const signature = witness.sign(cosignedMessage(body, BigInt(timestampSeconds)));
  return `${note}${signatureLine(witness.name, concat(witness.keyId, timestamp, signature))}`;
}

/**
 * Verifies one line by a known key; returns the cosignature's timestamp (or null for a plain signature), or undefined
 * when the signature does not verify.
 */
function verifyLine(key: NoteKey, body: string, payload: Uint8Array): number | null | undefined {
  if (key.kind === 'ed25519') return verifies(key.publicKey, utf8(body), payload) ? null : undefined;
  if (payload.length !== TIMESTAMP_SIZE + SIGNATURE_SIZE) return undefined;
  const timestamp = new DataView(payload.buffer, payload.byteOffset, TIMESTAMP_SIZE).getBigUint64(0);
  if (timestamp > MAX_TIMESTAMP || timestamp > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  const valid = verifies(key.publicKey, cosignedMessage(body, timestamp), payload.subarray(TIMESTAMP_SIZE));
  return valid ? Number(timestamp) : undefined;
}

/**
 * Opens a checkpoint note: parses it, verifies it and parses its text as a checkpoint, in that order (the text is not
 * read before a trusted signature on it is verified).
 *
 *   - Not a well-formed signed note (no blank line, no final newline, a control character such as a CR, a bad
 *     signature line, …): NoteError 'malformed-note'.
 *   - A line by a known key (same name AND key ID as one of `known`) that does not verify: 'bad-signature', the whole
 *     note is refused. Lines by other keys are ignored and listed in `unknown`.
 *   - No verified signature by one of `mustSignBy` (key names; by default, by any known key): 'no-known-signature'.
 *     An empty `mustSignBy` can never be satisfied.
 *   - A signed text that is not a checkpoint: 'malformed-checkpoint'. A known key that is itself invalid (its key ID
 *     not derived from its name, kind and public key): 'malformed-key'.
 */
export function openNote(note: string, known: readonly NoteKey[], mustSignBy?: readonly string[]): OpenedNote {
  known.forEach(checkKey);
  const { body, lines } = splitNote(note);
  const signatures: OpenedNote['signatures'] = [];
  const unknown: OpenedNote['unknown'] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    const id = `${line.name} ${hex(line.keyId)}`;
    const key = known.find((candidate) => candidate.name === line.name && sameBytes(candidate.keyId, line.keyId));
    if (key === undefined) {
      if (!seen.has(id)) unknown.push({ name: line.name, keyId: hex(line.keyId) });
      seen.add(id);
      continue;
    }
    const timestamp = verifyLine(key, body, line.payload);
    if (timestamp === undefined) throw new NoteError('bad-signature', `The signature by ${key.name} does not verify`);
    if (seen.has(id)) continue;
    seen.add(id);
    signatures.push({
      name: key.name,
      keyId: hex(key.keyId),
      kind: key.kind,
      ...(timestamp === null ? {} : { timestamp }),
    });
  }
  const required = mustSignBy ?? known.map((key) => key.name);
  if (!signatures.some((signature) => required.includes(signature.name))) {
    throw new NoteError('no-known-signature', `The note is not signed by ${required.join(', ') || 'a required key'}`);
  }
  return { body, checkpoint: parseCheckpoint(body), signatures, unknown };
}
