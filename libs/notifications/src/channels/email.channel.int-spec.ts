import { randomUUID } from 'node:crypto';
import { SmtpReceiver, type SmtpReceiverTls } from '../testing/index.js';
import type { DeliveryMessage } from '../message.js';
import { EmailChannel } from './email.channel.js';
import { DeliveryFailure } from './delivery-failure.js';

/**
 * The e-mail channel against a real SMTP server (smtp-server) presenting its built-in self-signed certificate:
 * refused unless the config says not to verify certificates, with implicit TLS and with STARTTLS alike; and one that
 * offers no TLS at all, refused unless the config allows plain text.
 */
const message: DeliveryMessage = {
  deliveryId: randomUUID(),
  kind: 'notification',
  to: { agency: 'CBP', side: 'US' },
  notification: {
    id: randomUUID(),
    blm: { id: 'blm-sandiego-tijuana', name: null },
    title: { en: 'Chlorine release', es: 'Fuga de cloro' },
    body: { en: 'Lanes closed.', es: 'Carriles cerrados.' },
    severity: 'severe',
    acknowledgmentDeadline: '2030-01-01T00:00:00.000Z',
    subject: { portId: 'otay-mesa' },
    issuedBy: { side: 'US', agency: 'CBP', officer: 'officer.us' },
  },
};

const receivers: SmtpReceiver[] = [];
const channels: EmailChannel[] = [];

afterEach(async () => {
  for (const channel of channels.splice(0)) channel.close();
  await Promise.all(receivers.splice(0).map((receiver) => receiver.stop()));
});

async function channelTo(tls: SmtpReceiverTls, verifyCertificates: boolean, allowPlainText = false) {
  const receiver = await SmtpReceiver.start({ tls });
  receivers.push(receiver);
  const channel = new EmailChannel({
    host: 'localhost',
    port: receiver.port,
    secure: tls === 'implicit',
    from: 'Enlace <enlace@border.example>',
    verifyCertificates,
    allowPlainText,
  });
  channels.push(channel);
  return { receiver, channel };
}

describe('EmailChannel TLS', () => {
  it.each(['implicit', 'starttls'] as const)(
    'refuses a self-signed certificate by default (%s TLS): nothing is sent',
    async (tls) => {
      const { receiver, channel } = await channelTo(tls, true);
      const sent = channel.send('port-operations@cbp.example.gov', message);
      await expect(sent).rejects.toBeInstanceOf(DeliveryFailure);
      await expect(sent).rejects.toThrow(/^SMTP: .*self[- ]signed certificate/);
      expect(receiver.received).toHaveLength(0);
    },
  );

  it.each(['implicit', 'starttls'] as const)(
    'sends over %s TLS to a self-signed relay when smtp.verifyCertificates is false',
    async (tls) => {
      const { receiver, channel } = await channelTo(tls, false);
      await channel.send('port-operations@cbp.example.gov', message);
      expect(receiver.received).toHaveLength(1);
      expect(receiver.received[0]!.deliveryId).toBe(message.deliveryId);
    },
  );
});

describe('EmailChannel without TLS', () => {
  it('refuses a server that offers no STARTTLS by default: nothing is sent in plain text', async () => {
    const { receiver, channel } = await channelTo('none', true);
    const sent = channel.send('port-operations@cbp.example.gov', message);
    await expect(sent).rejects.toBeInstanceOf(DeliveryFailure);
    await expect(sent).rejects.toThrow(/^SMTP: .*STARTTLS/);
    expect(receiver.received).toHaveLength(0);
  });

  it('sends in plain text when smtp.allowPlainText is true (a relay on this machine)', async () => {
    const { receiver, channel } = await channelTo('none', true, true);
    await channel.send('port-operations@cbp.example.gov', message);
    expect(receiver.received).toHaveLength(1);
  });
});
