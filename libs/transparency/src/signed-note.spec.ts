import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { leafHash, toHex } from './merkle.js';
import {
  type Checkpoint,
  checkpointBody,
  cosignNote,
  ed25519Signer,
  generateKeyPair,
  NoteError,
  type NoteKey,
  type NoteSigner,
  openNote,
  parseCheckpoint,
  parseVerifierKey,
  signNote,
  verifierKey,
} from './signed-note.js';

const LOG = 'enlace.example/log';
const WITNESS = 'witness.example/w1';

function newSigner(name: string, kind: NoteKey['kind'] = 'ed25519'): NoteSigner {
  return ed25519Signer(name, createPrivateKey(generateKeyPair().privateKeyPem), kind);
}

/** The public half only, as a verifier configured from a published vkey holds it. */
const publicOf = (key: NoteKey): NoteKey => parseVerifierKey(verifierKey(key));

/** The NoteError code a call fails with (or a description of what else happened). */
function codeOf(call: () => unknown): string {
  try {
    call();
    return 'no error';
  } catch (error) {
    return error instanceof NoteError ? error.code : `not a NoteError: ${String(error)}`;
  }
}

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const fromBase64 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));

/** Replaces the base64 payload of signature line `line` (0-based among the signature lines) after editing it. */
function editSignature(note: string, line: number, edit: (bytes: Uint8Array) => void): string {
  const [body, signatures] = [note.slice(0, note.lastIndexOf('\n\n') + 2), note.slice(note.lastIndexOf('\n\n') + 2)];
  const lines = signatures.slice(0, -1).split('\n');
  const [dash, name, payload] = lines[line]!.split(' ') as [string, string, string];
  const bytes = fromBase64(payload);
  edit(bytes);
  lines[line] = `${dash} ${name} ${base64(bytes)}`;
  return `${body}${lines.join('\n')}\n`;
}

/**
 * The log's signer. Its key ID must hold a hex letter, or "an uppercase key ID" below would be the key ID itself
 * (an all-digit ID comes up for about one random key in 43).
 */
function logSigner(): NoteSigner {
  for (;;) {
    const signer = newSigner(LOG);
    if (/[a-f]/.test(verifierKey(signer).split('+')[1] ?? '')) return signer;
  }
}
const log = logSigner();
const witness = newSigner(WITNESS, 'cosignature/v1');
const checkpoint: Checkpoint = {
  origin: LOG,
  size: 20852163,
  root: leafHash(new TextEncoder().encode('the tree')),
  extensions: [],
};
const body = checkpointBody(checkpoint);
const note = signNote(body, [log]);

describe('checkpoints (c2sp.org/tlog-checkpoint)', () => {
  it('writes origin, decimal size and base64 root, one per line', () => {
    expect(body).toBe(`${LOG}\n20852163\n${base64(checkpoint.root)}\n`);
    expect(checkpointBody({ ...checkpoint, size: 0, extensions: ['ext one', 'two'] })).toBe(
      `${LOG}\n0\n${base64(checkpoint.root)}\next one\ntwo\n`,
    );
  });

  it('parses back what it writes', () => {
    expect(parseCheckpoint(body)).toEqual(checkpoint);
    const extended = { ...checkpoint, size: Number.MAX_SAFE_INTEGER, extensions: ['a b', '— c'] };
    expect(parseCheckpoint(checkpointBody(extended))).toEqual(extended);
  });

  const root = base64(checkpoint.root);
  // 32 bytes leave 2 spare bits in the last base64 character: setting one gives the same bytes, non-canonically.
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const nonCanonicalRoot = `${root.slice(0, 42)}${ALPHABET[ALPHABET.indexOf(root[42]!) ^ 1]}=`;
  it.each([
    ['no final newline', `${LOG}\n5\n${root}`],
    ['a doubled final newline (empty extension line)', `${LOG}\n5\n${root}\n\n`],
    ['an empty extension line', `${LOG}\n5\n${root}\n\nx\n`],
    ['only two lines', `${LOG}\n5\n`],
    ['an empty origin', `\n5\n${root}\n`],
    ['a size with a leading zero', `${LOG}\n05\n${root}\n`],
    ['a size with a sign', `${LOG}\n+5\n${root}\n`],
    ['a negative size', `${LOG}\n-5\n${root}\n`],
    ['a fractional size', `${LOG}\n5.0\n${root}\n`],
    ['a size with a space', `${LOG}\n 5\n${root}\n`],
    ['an empty size', `${LOG}\n\n${root}\n`],
    ['a size in hex', `${LOG}\n0x5\n${root}\n`],
    ['a size beyond 2^53', `${LOG}\n9007199254740993\n${root}\n`],
    ['a root of 31 bytes', `${LOG}\n5\n${base64(checkpoint.root.subarray(1))}\n`],
    ['a root of 33 bytes', `${LOG}\n5\n${base64(new Uint8Array(33))}\n`],
    ['a root without padding', `${LOG}\n5\n${root.slice(0, -1)}\n`],
    ['a root in base64url', `${LOG}\n5\n${Buffer.from(checkpoint.root).toString('base64url')}\n`],
    ['a root in hex', `${LOG}\n5\n${toHex(checkpoint.root)}\n`],
    ['a root in non-canonical base64', `${LOG}\n5\n${nonCanonicalRoot}\n`],
    ['a root with a trailing space', `${LOG}\n5\n${root} \n`],
    ['CRLF line endings', `${LOG}\r\n5\r\n${root}\r\n`],
    ['a tab', `${LOG}\t\n5\n${root}\n`],
    ['nothing', ''],
  ])('refuses %s', (_what, text) => {
    expect(codeOf(() => parseCheckpoint(text))).toBe('malformed-checkpoint');
  });

  it('decodes the non-canonical root above to the same bytes (which is why it must be refused)', () => {
    expect(new Uint8Array(Buffer.from(nonCanonicalRoot, 'base64'))).toEqual(checkpoint.root);
    expect(nonCanonicalRoot).not.toBe(root);
  });

  it('refuses to write a checkpoint it would not read', () => {
    const bad: Checkpoint[] = [
      { ...checkpoint, origin: '' },
      { ...checkpoint, origin: 'a\nb' },
      { ...checkpoint, size: -1 },
      { ...checkpoint, size: 1.5 },
      { ...checkpoint, size: 2 ** 53 },
      { ...checkpoint, root: new Uint8Array(31) },
      { ...checkpoint, extensions: [''] },
      { ...checkpoint, extensions: ['a\nb'] },
      { ...checkpoint, extensions: ['a\rb'] },
    ];
    for (const value of bad) expect(codeOf(() => checkpointBody(value))).toBe('malformed-checkpoint');
  });
});

describe('keys', () => {
  /** The C2SP key ID, computed here from the raw public key in the SPKI encoding. */
  function c2spKeyId(name: string, typeByte: number, publicKeyPem: string): string {
    const raw = createPublicKey(publicKeyPem).export({ format: 'der', type: 'spki' }).subarray(-32);
    const input = Buffer.concat([Buffer.from(name, 'utf8'), Buffer.of(0x0a, typeByte), raw]);
    return createHash('sha256').update(input).digest('hex').slice(0, 8);
  }

  it('derives the key ID as SHA-256(name || 0x0A || type || public key)[:4], 0x01 to sign, 0x04 to cosign', () => {
    const { privateKeyPem, publicKeyPem } = generateKeyPair();
    const privateKey = createPrivateKey(privateKeyPem);
    const signer = ed25519Signer('example.com/log', privateKey);
    const cosigner = ed25519Signer('example.com/log', privateKey, 'cosignature/v1');
    expect(toHex(signer.keyId)).toBe(c2spKeyId('example.com/log', 0x01, publicKeyPem));
    expect(toHex(cosigner.keyId)).toBe(c2spKeyId('example.com/log', 0x04, publicKeyPem));
    expect(signer.keyId).toHaveLength(4);
    expect(Buffer.from(signer.publicKey)).toEqual(
      createPublicKey(publicKeyPem).export({ format: 'der', type: 'spki' }).subarray(-32),
    );
    expect(signer.kind).toBe('ed25519');
    expect(cosigner.kind).toBe('cosignature/v1');
  });

  it('generates Ed25519 key pairs as PKCS#8 and SPKI PEM', () => {
    const { privateKeyPem, publicKeyPem } = generateKeyPair();
    expect(privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(createPrivateKey(privateKeyPem).asymmetricKeyType).toBe('ed25519');
    expect(generateKeyPair().privateKeyPem).not.toBe(privateKeyPem);
  });

  it('reads the C2SP example verifier key', () => {
    const key = parseVerifierKey('example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k');
    expect(key.name).toBe('example.com/foo');
    expect(toHex(key.keyId)).toBe('530d903a');
    expect(key.kind).toBe('ed25519');
    expect(key.publicKey).toHaveLength(32);
  });

  it('writes and reads verifier keys of both kinds', () => {
    for (const signer of [log, witness]) {
      const vkey = verifierKey(signer);
      expect(vkey).toMatch(new RegExp(`^${signer.name}\\+${toHex(signer.keyId)}\\+[A-Za-z0-9+/]{44}$`));
      expect(fromBase64(vkey.split('+').slice(2).join('+'))[0]).toBe(signer.kind === 'ed25519' ? 0x01 : 0x04);
      const parsed = parseVerifierKey(vkey);
      expect(parsed).toEqual({
        name: signer.name,
        keyId: signer.keyId,
        publicKey: signer.publicKey,
        kind: signer.kind,
      });
      expect(verifierKey(parsed)).toBe(vkey);
    }
  });

  const good = verifierKey(log);
  const [, id = '', ...rest] = good.split('+');
  const material = rest.join('+');
  const raw = fromBase64(material);
  it.each([
    ['an empty string', ''],
    ['no key', `${LOG}+${id}`],
    ['no name', `+${id}+${material}`],
    ['a name with a space', `enlace example+${id}+${material}`],
    ['an uppercase key ID', `${LOG}+${id.toUpperCase()}+${material}`],
    ['a short key ID', `${LOG}+${id.slice(1)}+${material}`],
    ['another key ID', `${LOG}+${id === '00000000' ? '00000001' : '00000000'}+${material}`],
    ['the key ID of another name', `${LOG}x+${id}+${material}`],
    ['the ECDSA type byte', `${LOG}+${id}+${base64(Uint8Array.of(0x02, ...raw.subarray(1)))}`],
    [
      'the cosignature type under the ed25519 key ID',
      `${LOG}+${id}+${base64(Uint8Array.of(0x04, ...raw.subarray(1)))}`,
    ],
    ['a 31-byte key', `${LOG}+${id}+${base64(raw.subarray(0, 32))}`],
    ['a 33-byte key', `${LOG}+${id}+${base64(Uint8Array.of(...raw, 0))}`],
    ['unpadded base64', `${LOG}+${id}+${material.slice(0, -1)}`],
    ['a trailing newline', `${good}\n`],
    ['a leading space', ` ${good}`],
  ])('refuses a verifier key with %s', (_what, vkey) => {
    expect(codeOf(() => parseVerifierKey(vkey))).toBe('malformed-key');
  });

  it('refuses names and private keys it cannot sign with', () => {
    const privateKey = createPrivateKey(generateKeyPair().privateKeyPem);
    for (const name of ['', 'a b', 'a+b', 'a\nb', 'a\u00a0b']) {
      expect(codeOf(() => ed25519Signer(name, privateKey))).toBe('malformed-key');
    }
    const x25519 = generateKeyPairSync('x25519').privateKey;
    expect(codeOf(() => ed25519Signer(LOG, x25519))).toBe('malformed-key');
    expect(codeOf(() => ed25519Signer(LOG, createPublicKey(privateKey)))).toBe('malformed-key');
    expect(codeOf(() => ed25519Signer(LOG, privateKey, 'ecdsa' as NoteKey['kind']))).toBe('malformed-key');
  });
});

describe('signed notes (c2sp.org/signed-note)', () => {
  it('verifies the C2SP example note: the signature checks, then its text is not a checkpoint', () => {
    const key = parseVerifierKey('example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k');
    const text = 'This is an example message.\n';
    const line =
      '— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';
    const signature = fromBase64(line.split(' ')[2]!).subarray(4);
    const publicKey = createPublicKey({
      key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), key.publicKey]),
      format: 'der',
      type: 'spki',
    });
    expect(verify(null, Buffer.from(text), publicKey, signature)).toBe(true);
    expect(codeOf(() => openNote(`${text}\n${line}`, [key]))).toBe('malformed-checkpoint');
    expect(codeOf(() => openNote(`This is an example message!\n\n${line}`, [key]))).toBe('bad-signature');
  });

  it('signs a checkpoint and opens it', () => {
    const opened = openNote(note, [publicOf(log)]);
    expect(opened).toEqual({
      body,
      checkpoint,
      signatures: [{ name: LOG, keyId: toHex(log.keyId), kind: 'ed25519' }],
      unknown: [],
    });
    expect(openNote(note, [log], [LOG]).checkpoint).toEqual(checkpoint);
  });

  it('writes the text, a blank line and "— <name> base64(key ID || signature)"', () => {
    const match = /^([\s\S]*)\n— (\S+) ([A-Za-z0-9+/=]+)\n$/.exec(note)!;
    expect(match[1]).toBe(body);
    expect(match[2]).toBe(LOG);
    const payload = fromBase64(match[3]!);
    expect(payload).toHaveLength(4 + 64);
    expect(payload.subarray(0, 4)).toEqual(log.keyId);
    const publicKey = createPublicKey({
      key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), log.publicKey]),
      format: 'der',
      type: 'spki',
    });
    expect(verify(null, Buffer.from(body), publicKey, payload.subarray(4))).toBe(true);
  });

  it('verifies every known signature and lists the others', () => {
    const second = newSigner('enlace.example/log-next');
    const stranger = newSigner('stranger.example/key');
    const both = signNote(body, [log, stranger, second]);
    const opened = openNote(both, [publicOf(log), publicOf(second)]);
    expect(opened.signatures.map((s) => s.name)).toEqual([LOG, 'enlace.example/log-next']);
    expect(opened.unknown).toEqual([{ name: 'stranger.example/key', keyId: toHex(stranger.keyId) }]);
  });

  it('ignores a key that shares only the name or only the key ID of a known key', () => {
    const sameName = newSigner(LOG);
    const impostor = signNote(body, [sameName]);
    expect(codeOf(() => openNote(impostor, [log]))).toBe('no-known-signature');
    const both = signNote(body, [sameName, log]);
    expect(openNote(both, [log]).unknown).toEqual([{ name: LOG, keyId: toHex(sameName.keyId) }]);
    // Another name under the log's key ID.
    const renamed = note.replace(`— ${LOG} `, '— other.example/log ');
    expect(codeOf(() => openNote(renamed, [log]))).toBe('no-known-signature');
  });

  it('refuses a note with any failing known signature, even if another verifies', () => {
    const second = newSigner('enlace.example/log-next');
    const both = signNote(body, [log, second]);
    const broken = editSignature(both, 1, (bytes) => (bytes[10]! ^= 1));
    expect(codeOf(() => openNote(broken, [log, second]))).toBe('bad-signature');
    expect(openNote(broken, [log]).unknown).toHaveLength(1); // the broken line is not a known key's here
  });

  it('lists a repeated line once', () => {
    const line = note.slice(note.lastIndexOf('\n\n') + 2);
    const opened = openNote(`${note}${line}`, [log]);
    expect(opened.signatures).toHaveLength(1);
  });

  it('accepts 16 unknown signatures besides a known one, and refuses more than 100 lines', () => {
    const strangers = Array.from({ length: 16 }, (_, i) => newSigner(`stranger.example/${i}`));
    expect(openNote(signNote(body, [...strangers, log]), [log]).unknown).toHaveLength(16);
    const line = signNote(body, [strangers[0]!]).slice(body.length + 1);
    expect(codeOf(() => openNote(`${note}${line.repeat(100)}`, [log]))).toBe('malformed-note');
  });

  describe('tampering', () => {
    const lines = body.split('\n');
    const withBodyLine = (index: number, text: string): string => {
      const changed = lines.slice();
      changed[index] = text;
      return note.replace(body, changed.join('\n'));
    };
    const otherRoot = base64(leafHash(new TextEncoder().encode('another tree')));

    it.each([
      ['the size', withBodyLine(1, '20852164'), 'bad-signature'],
      ['the size, made non-canonical', withBodyLine(1, '020852163'), 'bad-signature'],
      ['the root', withBodyLine(2, otherRoot), 'bad-signature'],
      ['the origin', withBodyLine(0, 'enlace.example/other'), 'bad-signature'],
      ['an added extension line', note.replace(body, `${body}ext\n`), 'bad-signature'],
      ['a signature byte', editSignature(note, 0, (bytes) => (bytes[40]! ^= 0x80)), 'bad-signature'],
      [
        'a signature one byte short',
        note.replace(/ \S+\n$/, ` ${base64(Uint8Array.of(...log.keyId, ...new Uint8Array(63)))}\n`),
        'bad-signature',
      ],
      ['the key ID', editSignature(note, 0, (bytes) => (bytes[0]! ^= 1)), 'no-known-signature'],
      ['the key name', note.replace(`— ${LOG} `, `— ${LOG}x `), 'no-known-signature'],
      ['the blank line, removed', note.replace(`${body}\n`, body), 'malformed-note'],
      ['CRLF line endings', note.replaceAll('\n', '\r\n'), 'malformed-note'],
      ['a duplicated final newline', `${note}\n`, 'malformed-note'],
      ['a missing final newline', note.slice(0, -1), 'malformed-note'],
      ['no signature lines', `${body}\n`, 'malformed-note'],
      ['a hyphen instead of the em dash', note.replace('— ', '- '), 'malformed-note'],
      ['two spaces after the dash', note.replace('— ', '—  '), 'malformed-note'],
      ['a trailing space', note.replace(/\n$/, ' \n'), 'malformed-note'],
      ['a control character', note.replace(LOG, `${LOG}\u0007`), 'malformed-note'],
      ['a lone surrogate', note.replace(LOG, `${LOG}\ud800`), 'malformed-note'],
      ['unpadded base64', note.replace(/=\n$/, '\n'), 'malformed-note'],
    ])('%s', (_what, tampered, code) => {
      expect(tampered).not.toBe(note);
      expect(codeOf(() => openNote(tampered, [log]))).toBe(code);
    });

    it('any truncation', () => {
      for (let length = 0; length < note.length; length++) {
        expect([length, codeOf(() => openNote(note.slice(0, length), [log]))]).toEqual([length, 'malformed-note']);
      }
    });

    it('a signed text that is not a checkpoint is refused after its signature verifies', () => {
      expect(codeOf(() => openNote(signNote(`${body}\n`, [log]), [log]))).toBe('malformed-checkpoint');
      expect(codeOf(() => openNote(signNote('hello\n', [log]), [log]))).toBe('malformed-checkpoint');
      expect(codeOf(() => openNote(signNote(`${body}\n`, [log]), [newSigner(LOG)]))).toBe('no-known-signature');
    });
  });

  it('refuses to sign what it could not open', () => {
    expect(codeOf(() => signNote('no newline', [log]))).toBe('malformed-note');
    expect(codeOf(() => signNote('a\r\n', [log]))).toBe('malformed-note');
    expect(codeOf(() => signNote(body, []))).toBe('malformed-note');
    expect(codeOf(() => signNote(body, [witness]))).toBe('malformed-key');
    expect(codeOf(() => signNote(body, [{ ...log, keyId: new Uint8Array(4) }]))).toBe('malformed-key');
  });

  it('refuses known keys that are not valid keys', () => {
    expect(codeOf(() => openNote(note, [{ ...publicOf(log), keyId: Uint8Array.of(1, 2, 3, 4) }]))).toBe(
      'malformed-key',
    );
    expect(codeOf(() => openNote(note, [{ ...publicOf(log), publicKey: new Uint8Array(31) }]))).toBe('malformed-key');
  });

  describe('mustSignBy', () => {
    const cosigned = cosignNote(note, witness, 1_700_000_000);

    it('requires a verified signature by one of the named keys', () => {
      expect(openNote(cosigned, [log, witness], [WITNESS]).signatures).toHaveLength(2);
      expect(openNote(cosigned, [log, witness], [LOG, WITNESS]).signatures).toHaveLength(2);
      expect(codeOf(() => openNote(note, [log, witness], [WITNESS]))).toBe('no-known-signature');
      expect(codeOf(() => openNote(cosigned, [witness], [LOG]))).toBe('no-known-signature');
      expect(codeOf(() => openNote(cosigned, [log], [WITNESS]))).toBe('no-known-signature');
      expect(codeOf(() => openNote(cosigned, [log, witness], []))).toBe('no-known-signature');
    });

    it('by default requires one verified signature by any known key', () => {
      expect(openNote(cosigned, [witness]).signatures.map((s) => s.name)).toEqual([WITNESS]);
      expect(codeOf(() => openNote(cosigned, []))).toBe('no-known-signature');
      expect(codeOf(() => openNote(note, [witness]))).toBe('no-known-signature');
    });
  });
});

describe('cosignatures (c2sp.org/tlog-cosignature, cosignature/v1)', () => {
  const time = 1679315147;
  const cosigned = cosignNote(note, witness, time);

  it('appends a line of base64(key ID || 8-byte big-endian time || signature over the v1 message)', () => {
    expect(cosigned.startsWith(note)).toBe(true);
    const line = cosigned.slice(note.length);
    expect(line).toMatch(new RegExp(`^— ${WITNESS} [A-Za-z0-9+/]+=*\\n$`));
    const payload = fromBase64(line.trim().split(' ')[2]!);
    expect(payload).toHaveLength(4 + 8 + 64);
    expect(payload.subarray(0, 4)).toEqual(witness.keyId);
    expect(Buffer.from(payload.subarray(4, 12)).readBigUInt64BE()).toBe(BigInt(time));
    const message = `cosignature/v1\ntime ${time}\n${body}`;
    const publicKey = createPublicKey({
      key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), witness.publicKey]),
      format: 'der',
      type: 'spki',
    });
    expect(verify(null, Buffer.from(message), publicKey, payload.subarray(12))).toBe(true);
  });

  it('verifies and carries its timestamp', () => {
    const opened = openNote(cosigned, [publicOf(log), publicOf(witness)]);
    expect(opened.signatures).toEqual([
      { name: LOG, keyId: toHex(log.keyId), kind: 'ed25519' },
      { name: WITNESS, keyId: toHex(witness.keyId), kind: 'cosignature/v1', timestamp: time },
    ]);
    expect(opened.checkpoint).toEqual(checkpoint);
  });

  it('is listed as unknown by a verifier that does not know the witness', () => {
    expect(openNote(cosigned, [log]).unknown).toEqual([{ name: WITNESS, keyId: toHex(witness.keyId) }]);
  });

  it('fails with a changed timestamp', () => {
    for (const changed of [time + 1, time - 1, 0]) {
      const tampered = editSignature(cosigned, 1, (bytes) =>
        Buffer.from(bytes.buffer).writeBigUInt64BE(BigInt(changed), 4),
      );
      expect(codeOf(() => openNote(tampered, [log, witness]))).toBe('bad-signature');
    }
  });

  it('fails with a timestamp beyond 2^63 - 1 or a plain signature in its place', () => {
    const huge = editSignature(cosigned, 1, (bytes) => Buffer.from(bytes.buffer).writeBigUInt64BE(2n ** 63n, 4));
    expect(codeOf(() => openNote(huge, [log, witness]))).toBe('bad-signature');
    const plain = `${note}— ${WITNESS} ${base64(Uint8Array.of(...witness.keyId, ...witness.sign(new TextEncoder().encode(body))))}\n`;
    expect(codeOf(() => openNote(plain, [log, witness]))).toBe('bad-signature');
  });

  it('fails on a changed checkpoint', () => {
    const cosignedOther = cosignNote(
      signNote(checkpointBody({ ...checkpoint, size: checkpoint.size + 1 }), [log]),
      witness,
      time,
    );
    const moved = `${note}${cosignedOther.slice(cosignedOther.lastIndexOf('\n— ') + 1)}`;
    expect(codeOf(() => openNote(moved, [log, witness]))).toBe('bad-signature');
  });

  it('is bound to the cosignature key ID: the same key as a plain ed25519 key does not match it', () => {
    const asPlainKey: NoteKey = { ...publicOf(witness), kind: 'ed25519', keyId: keyIdFor(witness, 0x01) };
    expect(openNote(cosigned, [log, asPlainKey]).unknown).toEqual([{ name: WITNESS, keyId: toHex(witness.keyId) }]);
  });

  it('stacks several witnesses and keeps zero and large timestamps', () => {
    const second = newSigner('witness.example/w2', 'cosignature/v1');
    const twice = cosignNote(cosignNote(note, witness, 0), second, Number.MAX_SAFE_INTEGER);
    const opened = openNote(twice, [log, witness, second], [WITNESS]);
    expect(opened.signatures.map((s) => s.timestamp)).toEqual([undefined, 0, Number.MAX_SAFE_INTEGER]);
  });

  it('refuses a non-cosigner key, a bad timestamp or a malformed note', () => {
    expect(codeOf(() => cosignNote(note, log, time))).toBe('malformed-key');
    expect(() => cosignNote(note, witness, -1)).toThrow(RangeError);
    expect(() => cosignNote(note, witness, 1.5)).toThrow(RangeError);
    expect(codeOf(() => cosignNote(body, witness, time))).toBe('malformed-note');
  });
});

/** The key ID of a signer's key under another type byte, computed independently. */
function keyIdFor(key: NoteKey, typeByte: number): Uint8Array {
  const input = Buffer.concat([Buffer.from(key.name), Buffer.of(0x0a, typeByte), key.publicKey]);
  return new Uint8Array(createHash('sha256').update(input).digest().subarray(0, 4));
}
