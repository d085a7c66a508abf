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
      pool: true,
      maxConnections: 4,
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 10_000,
      // Local relays and test receivers often offer STARTTLS with a self-signed certificate.
      tls: { rejectUnauthorized: false },
    });
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
