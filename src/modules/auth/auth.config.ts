import { configSection } from '../../config/config.js';
import { PASSWORD_MIN_LENGTH, passwordWeakness } from '../users/password-policy.js';

export interface AuthConfig {
  jwtSecret: string | null;
  tokenTtlSeconds: number;
  adminEmail: string;
  adminPassword: string;
  loginMaxFailures: number;
  loginWindowMinutes: number;
}

declare module '../../config/config.js' {
  interface AppConfig {
    auth: AuthConfig;
  }
}

export const EMBEDDED_DEMO_ADMIN = { email: 'admin@example.org', password: 'broedplaats' };

/** Passwords that are documented somewhere and therefore never good enough for a real database. */
const DOCUMENTED_PASSWORDS = new Set([EMBEDDED_DEMO_ADMIN.password]);

export const AUTH_CONFIG = configSection({
  key: 'auth',
  env: ['JWT_SECRET', 'AUTH_TOKEN_TTL_SECONDS', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'AUTH_LOGIN_MAX_FAILURES', 'AUTH_LOGIN_WINDOW_MINUTES'],
  read(env, { database }) {
    const embedded = database.kind === 'embedded';
    const adminEmail = (env.optionalString('ADMIN_EMAIL') ?? (embedded ? EMBEDDED_DEMO_ADMIN.email : '')).toLowerCase();
    const adminPassword = env.optionalString('ADMIN_PASSWORD') ?? (embedded ? EMBEDDED_DEMO_ADMIN.password : '');
    if (!embedded) {
      if (!adminEmail) env.problem('ADMIN_EMAIL is required when DATABASE_URL is set');
      if (!adminPassword) env.problem('ADMIN_PASSWORD is required when DATABASE_URL is set');
      else if (DOCUMENTED_PASSWORDS.has(adminPassword)) {
        env.problem('ADMIN_PASSWORD: the demo password is only accepted with the embedded database');
      } else if (adminPassword.length < PASSWORD_MIN_LENGTH) {
        env.problem(`ADMIN_PASSWORD must have at least ${PASSWORD_MIN_LENGTH} characters when DATABASE_URL is set`);
      } else {
        // The rules every password a user sets keeps (src/modules/users/password-policy.ts).
        const weakness = passwordWeakness(adminPassword);
        if (weakness) env.problem(`ADMIN_PASSWORD ${weakness}`);
      }
    }
    if (adminEmail && !/^[^\s@]+@[^\s@]+$/.test(adminEmail)) env.problem('ADMIN_EMAIL is not an e-mail address');

    const jwtSecret = env.optionalString('JWT_SECRET');
    if (jwtSecret !== null && jwtSecret.length < 32) env.problem('JWT_SECRET must have at least 32 characters');

    return {
      jwtSecret,
      tokenTtlSeconds: env.integer('AUTH_TOKEN_TTL_SECONDS', 3600, 60, 86400),
      adminEmail,
      adminPassword,
      loginMaxFailures: env.integer('AUTH_LOGIN_MAX_FAILURES', 10, 1, 1000),
      loginWindowMinutes: env.integer('AUTH_LOGIN_WINDOW_MINUTES', 15, 1, 1440),
    };
  },
});
