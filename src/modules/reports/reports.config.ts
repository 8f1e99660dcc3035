import { configSection } from '../../config/config.js';

declare module '../../config/config.js' {
  interface AppConfig {
    reports: { monthlyMonitor: boolean };
  }
}

export const REPORTS_CONFIG = configSection({
  key: 'reports',
  env: ['REPORTS_MONTHLY_MONITOR'],
  read: (env) => ({ monthlyMonitor: env.boolean('REPORTS_MONTHLY_MONITOR', false) }),
});
