import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';

/** A refusal the server will give again (an SMTP 5xx reply): retrying cannot help. */
export function isPermanentFailure(error: unknown): boolean {
  const responseCode = (error as { responseCode?: unknown }).responseCode;
  return typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600;
}

/**
 * Where a composed mail goes: the SMTP server at SMTP_URL, or (the embedded default, no SMTP_URL)
 * an `.eml` file per message under DATA_DIR/mail that any mail program opens. The file is named by
 * the message id and written through a rename, so a retried job replaces it rather than adding one.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly smtp;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const { smtpUrl } = config.mail;
    this.smtp = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  }

  get kind(): 'smtp' | 'file' {
    return this.smtp ? 'smtp' : 'file';
  }

  async send(messageId: string, mail: Mail.Options): Promise<void> {
    if (this.smtp) {
      await this.smtp.sendMail(mail);
      return;
    }
    const raw = await new MailComposer(mail).compile().build();
    const directory = this.config.mail.dropDirectory;
    await mkdir(directory, { recursive: true });
    const path = join(directory, `${messageId}.eml`);
    await writeFile(`${path}.partial`, raw);
    await rename(`${path}.partial`, path);
  }

  onApplicationShutdown(): void {
    this.smtp?.close();
  }
}
