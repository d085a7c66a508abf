import { keepGeneratedFile } from '@enlace/config';
import { describeWorld, type World } from '@enlace/domain';
import {
  ed25519Signer,
  generateKeyPair,
  type NoteKey,
  type NoteSigner,
  parseVerifierKey,
  verifierKey,
} from '@enlace/transparency';
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The file, under DATA_DIR, of the key generated when AUDIT_SIGNING_KEY_FILE is unset. */
export const GENERATED_AUDIT_KEY_FILE = 'audit-signing-key.pem';

export interface AuditKeySettings {
  AUDIT_SIGNING_KEY_FILE?: string | undefined;
  AUDIT_LOG_ORIGIN?: string | undefined;
  AUDIT_WITNESS_KEYS?: readonly string[];
  AUDIT_PREVIOUS_KEYS?: readonly string[];
  DATA_DIR: string;
}

/**
 * The log's signing key and name. The private key lives in a file (never in the database): the one named by
 * AUDIT_SIGNING_KEY_FILE, or one generated on first start under DATA_DIR. The public half is published by the api.
 */
export interface AuditKey {
  /** The log's name: the key's name in signatures, and the origin of the live tree's checkpoints. */
  origin: string;
  signer: NoteSigner;
  /** The C2SP verifier key (`<name>+<key id>+<key>`): what a verifier or a witness needs. */
  verifierKey: string;
  publicKeyPem: string;
  /** Where the private key is. */
  file: string;
  /** Witnesses whose cosignatures are accepted. */
  witnesses: NoteKey[];
  /** The log's retired keys (after a rotation): the checkpoints they signed still verify. */
  previous: NoteKey[];
  /** Whether this start generated the key. */
  generated: boolean;
}

export function loadAuditKey(settings: AuditKeySettings): AuditKey {
  const configured = settings.AUDIT_SIGNING_KEY_FILE;
  const file = resolve(configured ?? join(settings.DATA_DIR, GENERATED_AUDIT_KEY_FILE));
  if (configured !== undefined && !existsSync(file)) {
    throw new Error(`AUDIT_SIGNING_KEY_FILE=${configured}: no such file (an Ed25519 private key, PKCS#8 PEM)`);
  }
  const { text, created } = keepGeneratedFile(file, () => generateKeyPair().privateKeyPem);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(text);
  } catch (error) {
    throw new Error(`${file}: not a private key in PEM (${error instanceof Error ? error.message : String(error)})`, {
      cause: error,
    });
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`${file}: the audit log is signed with Ed25519; this key is ${privateKey.asymmetricKeyType}`);
  }
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  const raw = createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(-32);
  const origin = settings.AUDIT_LOG_ORIGIN ?? `enlace/${createHash('sha256').update(raw).digest('hex').slice(0, 16)}`;
  const signer = ed25519Signer(origin, privateKey);
  return {
    origin,
    signer,
    verifierKey: verifierKey(signer),
    publicKeyPem,
    file,
    witnesses: (settings.AUDIT_WITNESS_KEYS ?? []).map((vkey) => parseVerifierKey(vkey)),
    previous: (settings.AUDIT_PREVIOUS_KEYS ?? []).map((vkey) => parseVerifierKey(vkey)),
    generated: created,
  };
}

/** The origin line of a world's checkpoints: the log's name, and the drill's for a drill's own tree. */
export function worldOrigin(origin: string, world: World): string {
  return world.kind === 'live' ? origin : `${origin}/${describeWorld(world).replace(/\s+/g, '/')}`;
}
