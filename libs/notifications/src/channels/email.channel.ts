import { Logger } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import type { DeliveryConfig } from '../delivery-config.js';
import { type DeliveryMessage, emailContent } from '../message.js';
import { DeliveryFailure } from './delivery-failure.js';

/** E-mail over SMTP (nodemailer). One pooled transport per worker. */
export class EmailChannel {
  private readonly transport: Transporter;

  constructor(private readonly smtp: DeliveryConfig['smtp']) {
    this.transport = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      // Without implicit TLS: STARTTLS or nothing, unless the config allows plain text (a relay on this machine).
      requireTLS: !smtp.secure && !smtp.allowPlainText,
      pool: true,
      maxConnections: 4,
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 10_000,
      // With implicit TLS or STARTTLS alike; a site whose relay has a self-signed certificate says so in its config.
      tls: { rejectUnauthorized: smtp.verifyCertificates },
    });
    if (smtp.allowPlainText && !smtp.secure) {
      new Logger('EmailChannel').warn(
        `SMTP may send in plain text (smtp.allowPlainText is true): to ${smtp.host}:${smtp.port} if it offers no STARTTLS`,
      );
    }
    if (!smtp.verifyCertificates) {
      new Logger('EmailChannel').warn(
        `SMTP certificates are not verified (smtp.verifyCertificates is false): mail to ${smtp.host} can be read ` +
          'or changed by anyone on the way',
      );
    }
  }

  async send(address: string, message: DeliveryMessage): Promise<void> {
    const { subject, text } = emailContent(message);
    try {
      await this.transport.sendMail({
        from: this.smtp.from,
        to: address,
        subject,
        text,
        headers: { 'X-Enlace-Delivery': message.deliveryId },
        messageId: `<${message.deliveryId}@enlace>`,
      });
    } catch (error) {
      throw new DeliveryFailure(`SMTP: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300));
    }
  }

  close(): void {
    this.transport.close();
  }
}
