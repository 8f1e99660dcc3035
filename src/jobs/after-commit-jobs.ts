import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import type { EnqueueOptions, JobName, JobPayloads } from './job-names.js';
import { JobQueue } from './job-queue.js';

interface HeldJob {
  name: JobName;
  payload: JobPayloads[JobName];
  options: EnqueueOptions;
}

/**
 * Queues the job for work recorded in a transaction once that transaction commits: a job never
 * looks for a row that is not there yet, and a rolled-back transaction queues nothing. The change
 * has committed by then, so a queue that is down does not fail it: the work's row stays `queued`
 * and the recovery sweep queues it later.
 */
@Injectable()
export class AfterCommitJobs implements OnModuleInit, EntitySubscriberInterface {
  /** Jobs held for a transaction that has not ended yet, by its query runner. */
  private readonly held = new WeakMap<QueryRunner, HeldJob[]>();

  constructor(
    private readonly jobs: JobQueue,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  enqueue<N extends JobName>(manager: EntityManager, name: N, payload: JobPayloads[N], options: EnqueueOptions): void {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) throw new Error(`Job ${name} must be queued in the transaction that records its work`);
    const jobs = this.held.get(runner) ?? [];
    jobs.push({ name, payload, options });
    this.held.set(runner, jobs);
  }

  /** A savepoint's release is no commit: only the outermost transaction's end counts. */
  afterTransactionCommit(commit: TransactionCommitEvent): void {
    const runner = commit.queryRunner;
    if (runner.isTransactionActive) return;
    const jobs = this.held.get(runner);
    if (!jobs) return;
    this.held.delete(runner);
    for (const { name, payload, options } of jobs) void this.jobs.enqueueRecorded(name, payload, options);
  }

  afterTransactionRollback(rollback: TransactionRollbackEvent): void {
    if (!rollback.queryRunner.isTransactionActive) this.held.delete(rollback.queryRunner);
  }
}
