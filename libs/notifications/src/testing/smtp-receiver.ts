import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { freePort } from './redis-server.js';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  subject: string;
  deliveryId: string | undefined;
}

function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

/** MIME encoded-words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=) back to text, enough for subjects in tests. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

/**
 * How the receiver speaks TLS: not at all (the default), from the first byte (`implicit`, like port 465), or after
 * STARTTLS. With TLS it presents a self-signed certificate for localhost, made for it (valid for a day).
 */
export type SmtpReceiverTls = 'none' | 'implicit' | 'starttls';

/** A fresh key and self-signed certificate for `localhost` (openssl, as on every Debian machine). */
function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'enlace-smtp-tls-'));
  try {
    const made = spawnSync(
      'openssl',
      [
        ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1'],
        ...['-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'],
        ...['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
      ],
      { encoding: 'utf8' },
    );
    if (made.status !== 0) throw new Error(`openssl could not make a test certificate: ${made.stderr}`);
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A real SMTP receiver (the `smtp-server` package) on a free port; records every message. */
export class SmtpReceiver {
  readonly received: ReceivedMail[] = [];

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start({ tls = 'none' }: { tls?: SmtpReceiverTls } = {}): Promise<SmtpReceiver> {
    const port = await freePort();
    // The server's handler needs the receiver, which needs the server: a holder breaks the cycle.
    const self: { receiver?: SmtpReceiver } = {};
    const server = new SMTPServer({
      authOptional: true,
      secure: tls === 'implicit',
      ...(tls === 'none' ? {} : selfSignedCertificate()),
      disabledCommands: tls === 'starttls' ? ['AUTH'] : ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          self.receiver!.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            raw,
            subject: decodeWords(header(raw, 'Subject') ?? ''),
            deliveryId: header(raw, 'X-Enlace-Delivery'),
          });
          callback();
        });
      },
    });
    // A client that refuses our certificate hangs up mid-handshake: expected, not a failure of the receiver.
    server.on('error', () => undefined);
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    self.receiver = new SmtpReceiver(server, port);
    return self.receiver;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
