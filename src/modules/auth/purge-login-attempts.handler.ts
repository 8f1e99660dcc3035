import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '../../jobs/job-handler.js';
import type { JobPayloads } from '../../jobs/job-names.js';
import { AuthService } from './auth.service.js';

@Injectable()
@HandlesJob('auth.purge-login-attempts')
export class PurgeLoginAttemptsHandler implements JobHandler<'auth.purge-login-attempts'> {
  constructor(private readonly auth: AuthService) {}

  handle(payload: JobPayloads['auth.purge-login-attempts']): Promise<void> {
    return this.auth.purgeFailuresBefore(new Date(payload.before));
  }
}
