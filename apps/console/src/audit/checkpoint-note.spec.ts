import { describe, expect, it } from '@jest/globals';
import { noteSigners, verifierKeyId } from './checkpoint-note';

const ORIGIN = 'enlace.example/live';
const base64 = (bytes: number[]) => btoa(String.fromCharCode(...bytes));
const fill = (count: number, value: number) => new Array<number>(count).fill(value);

/** A signature line's bytes: key ID, then (a cosignature) the time in big-endian seconds, then 64 signature bytes. */
function line(name: string, keyId: number[], cosignedAtSeconds?: number): string {
  const timestamp: number[] = [];
  if (cosignedAtSeconds !== undefined) {
    let rest = BigInt(cosignedAtSeconds);
    for (let i = 0; i < 8; i += 1) {
      timestamp.unshift(Number(rest & 0xffn));
      rest >>= 8n;
    }
  }
  return `— ${name} ${base64([...keyId, ...timestamp, ...fill(64, 7)])}`;
}

const BODY = `${ORIGIN}\n42\n${base64(fill(32, 1))}\n`;
const LOG_KEY_ID = [0x1a, 0x2b, 0x3c, 0x4d];
const VERIFIER_KEY = `${ORIGIN}+1a2b3c4d+${base64([1, ...fill(32, 9)])}`;

describe('noteSigners', () => {
  it("names the log and each witness, with the witness's cosigning time", () => {
    const cosignedAt = Date.UTC(2026, 11, 6, 21, 5, 7) / 1000;
    const note = `${BODY}\n${line(ORIGIN, LOG_KEY_ID)}\n${line('witness.mx.example', [9, 9, 9, 9], cosignedAt)}\n`;
    expect(noteSigners(note, ORIGIN, VERIFIER_KEY)).toEqual([
      { name: ORIGIN, keyId: '1a2b3c4d', role: 'log' },
      { name: 'witness.mx.example', keyId: '09090909', role: 'witness', cosignedAt: '2026-12-06T21:05:07.000Z' },
    ]);
  });

  it("tells the log's earlier key from its key now, and lists a repeated line once", () => {
    const older = line(ORIGIN, [0xaa, 0xbb, 0xcc, 0xdd]);
    const note = `${BODY}\n${line(ORIGIN, LOG_KEY_ID)}\n${older}\n${older}\n`;
    expect(noteSigners(note, ORIGIN, VERIFIER_KEY).map((signer) => `${signer.keyId}:${signer.role}`)).toEqual([
      '1a2b3c4d:log',
      'aabbccdd:earlier-log-key',
    ]);
    // Without the key now, every line of the log's name is the log's.
    expect(noteSigners(note, ORIGIN).every((signer) => signer.role === 'log')).toBe(true);
  });

  it('skips what is not a signature line, and a note without signatures has no signers', () => {
    const note = `${BODY}\n— broken line\n— name not-base64!\n${line(ORIGIN, LOG_KEY_ID)}\n`;
    expect(noteSigners(note, ORIGIN).map((signer) => signer.name)).toEqual([ORIGIN]);
    expect(noteSigners(BODY, ORIGIN)).toEqual([]);
  });

  it("reads a verifier key's key ID", () => {
    expect(verifierKeyId(VERIFIER_KEY)).toBe('1a2b3c4d');
    expect(verifierKeyId('not a key')).toBeUndefined();
    expect(verifierKeyId(undefined)).toBeUndefined();
  });
});
