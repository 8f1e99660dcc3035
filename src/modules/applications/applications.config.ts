import { configSection } from '../../config/config.js';

declare module '../../config/config.js' {
  interface AppConfig {
    applications: { offerReplyDays: number };
  }
}

export const APPLICATIONS_CONFIG = configSection({
  key: 'applications',
  env: ['OFFER_REPLY_DAYS'],
  read: (env) => ({ offerReplyDays: env.integer('OFFER_REPLY_DAYS', 14, 1, 90) }),
});
