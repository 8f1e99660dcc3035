import { configSection } from '../../config/config.js';

export interface DunningConfig {
  /** Days past the due date at which each step is sent: first reminder, second reminder, final notice. */
  stepDays: readonly [number, number, number];
  dailyRun: boolean;
}

declare module '../../config/config.js' {
  interface AppConfig {
    dunning: DunningConfig;
  }
}

export const DUNNING_CONFIG = configSection({
  key: 'dunning',
  env: ['DUNNING_FIRST_REMINDER_DAYS', 'DUNNING_SECOND_REMINDER_DAYS', 'DUNNING_FINAL_NOTICE_DAYS', 'DUNNING_DAILY_RUN'],
  read: (env) => {
    const first = env.integer('DUNNING_FIRST_REMINDER_DAYS', 14, 1, 365);
    const second = env.integer('DUNNING_SECOND_REMINDER_DAYS', 28, 1, 365);
    const final = env.integer('DUNNING_FINAL_NOTICE_DAYS', 42, 1, 365);
    if (!(first < second && second < final))
      env.problem(
        `DUNNING_FIRST_REMINDER_DAYS < DUNNING_SECOND_REMINDER_DAYS < DUNNING_FINAL_NOTICE_DAYS, got ${first}, ${second}, ${final}`,
      );
    return { stepDays: [first, second, final] as const, dailyRun: env.boolean('DUNNING_DAILY_RUN', true) };
  },
});
