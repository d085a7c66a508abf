// Who signed a checkpoint, read from its C2SP signed note: one line per signature after the blank line,
// "— <key name> base64(key ID ‖ signature)". The log signs with its own name; a witness's cosignature (cosignature/v1)
// carries the time it cosigned (8 bytes, big-endian seconds) between its key ID and its signature. The console only
// names the signers: the api and `npm run verify` check the signatures.

export interface NoteSigner {
  name: string;
  /** The 4-byte key ID, hex. */
  keyId: string;
  /** `log`: the log's key now; `earlier-log-key`: a key the log signed with before a rotation; `witness`: anyone else. */
  role: 'log' | 'earlier-log-key' | 'witness';
  /** When a witness cosigned (ISO), read from its cosignature. */
  cosignedAt?: string;
}

const KEY_ID_BYTES = 4;
const SIGNATURE_BYTES = 64;
const TIMESTAMP_BYTES = 8;

function bytesOf(base64: string): Uint8Array | undefined {
  try {
    return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}

const hex = (bytes: Uint8Array) => [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');

/** The key ID of a C2SP verifier key (`name+keyid+base64`), or undefined for anything else. */
export function verifierKeyId(verifierKey: string | undefined): string | undefined {
  const match = /^[^+]+\+([0-9a-f]{8})\+/.exec(verifierKey ?? '');
  return match?.[1];
}

/**
 * The signature lines of a note, in order, each signer once (a repeated line once). `origin` names the log; with its
 * `verifierKey`, the log's lines by another key are told apart as an earlier key's.
 */
export function noteSigners(note: string, origin: string, verifierKey?: string): NoteSigner[] {
  const blank = note.lastIndexOf('\n\n');
  if (blank < 0) return [];
  const currentKeyId = verifierKeyId(verifierKey);
  const seen = new Set<string>();
  const signers: NoteSigner[] = [];
  for (const line of note.slice(blank + 2).split('\n')) {
    const match = /^\u2014 (\S+) (\S+)$/.exec(line);
    const bytes = match ? bytesOf(match[2]!) : undefined;
    if (!match || !bytes || bytes.length <= KEY_ID_BYTES || seen.has(line)) continue;
    seen.add(line);
    const name = match[1]!;
    const keyId = hex(bytes.subarray(0, KEY_ID_BYTES));
    if (name === origin) {
      signers.push({ name, keyId, role: currentKeyId && keyId !== currentKeyId ? 'earlier-log-key' : 'log' });
      continue;
    }
    const signer: NoteSigner = { name, keyId, role: 'witness' };
    if (bytes.length === KEY_ID_BYTES + TIMESTAMP_BYTES + SIGNATURE_BYTES) {
      const seconds = new DataView(bytes.buffer, bytes.byteOffset + KEY_ID_BYTES, TIMESTAMP_BYTES).getBigUint64(0);
      if (seconds <= BigInt(8.64e12)) signer.cosignedAt = new Date(Number(seconds) * 1000).toISOString();
    }
    signers.push(signer);
  }
  return signers;
}
