import { BullModule } from '@nestjs/bull';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { AppConfig } from '../config/config.js';
import { AfterCommitJobs } from './after-commit-jobs.js';
import { BullJobQueue, QUEUE_NAME } from './bull-job-queue.js';
import { InlineJobQueue } from './inline-job-queue.js';
import { JobHandlerRegistry } from './job-handler.registry.js';
import { JobQueue } from './job-queue.js';

/** Provides the JobQueue port: bull when REDIS_URL is set, the inline driver otherwise. */
@Global()
@Module({})
export class JobsModule {
  static forRoot(config: AppConfig): DynamicModule {
    const redisUrl = config.redis.url;
    if (redisUrl === null) {
      return {
        module: JobsModule,
        imports: [DiscoveryModule],
        providers: [JobHandlerRegistry, InlineJobQueue, { provide: JobQueue, useExisting: InlineJobQueue }, AfterCommitJobs],
        exports: [JobQueue, JobHandlerRegistry, AfterCommitJobs],
      };
    }
    return {
      module: JobsModule,
      imports: [
        DiscoveryModule,
        BullModule.forRoot({ url: redisUrl, prefix: config.redis.prefix }),
        // A worker that dies keeps its jobs locked for lockMs; then another worker takes them again.
        BullModule.registerQueue({
          name: QUEUE_NAME,
          settings: { lockDuration: config.jobs.lockMs, stalledInterval: Math.max(250, Math.floor(config.jobs.lockMs / 2)) },
        }),
      ],
      providers: [JobHandlerRegistry, BullJobQueue, { provide: JobQueue, useExisting: BullJobQueue }, AfterCommitJobs],
      exports: [JobQueue, JobHandlerRegistry, AfterCommitJobs],
    };
  }
}
