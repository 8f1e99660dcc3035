import { configSection } from '../../config/config.js';

export interface PropertiesConfig {
  /** Whether this process queues the daily run that marks vacancy reports due. */
  dailyRun: boolean;
}

declare module '../../config/config.js' {
  interface AppConfig {
    properties: PropertiesConfig;
  }
}

export const PROPERTIES_CONFIG = configSection({
  key: 'properties',
  env: ['VACANCY_DAILY_RUN'],
  read: (env) => ({ dailyRun: env.boolean('VACANCY_DAILY_RUN', true) }),
});
