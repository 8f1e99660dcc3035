import { join } from 'node:path';
import { configSection } from '../../config/config.js';

export interface MailConfig {
  /** False: events make no mail at all (nothing is written to the outbox); password resets still are. */
  enabled: boolean;
  /** smtp:// or smtps:// with optional credentials; null: every message is written to `dropDirectory` instead. */
  smtpUrl: string | null;
  from: string;
  /** Where links in mail point (the pages of this installation), without a trailing slash. */
  publicUrl: string;
  /** DATA_DIR/mail: where the embedded default writes each message as an .eml file. */
  dropDirectory: string;
}

declare module '../../config/config.js' {
  interface AppConfig {
    mail: MailConfig;
  }
}

export const MAIL_CONFIG = configSection({
  key: 'mail',
  env: ['MAIL_ENABLED', 'SMTP_URL', 'MAIL_FROM', 'PUBLIC_URL', 'DATA_DIR'],
  read(env, { app }) {
    const smtpUrl = env.optionalString('SMTP_URL');
    if (smtpUrl !== null && !/^smtps?:\/\/[^/]+/.test(smtpUrl)) env.problem('SMTP_URL must start with smtp:// or smtps://');
    const from = env.optionalString('MAIL_FROM') ?? 'Broedplaats <noreply@broedplaats.invalid>';
    if (!/^[^<>]*<?[^\s@<>]+@[^\s@<>]+>?$/.test(from)) env.problem('MAIL_FROM is not an e-mail address (with an optional name)');
    const publicUrl = (env.optionalString('PUBLIC_URL') ?? `http://localhost:${app.port}`).replace(/\/+$/, '');
    if (!/^https?:\/\/[^/]+/.test(publicUrl)) env.problem('PUBLIC_URL must start with http:// or https://');
    return {
      enabled: env.boolean('MAIL_ENABLED', true),
      smtpUrl,
      from,
      publicUrl,
      dropDirectory: join(env.optionalString('DATA_DIR') ?? './var', 'mail'),
    };
  },
});
