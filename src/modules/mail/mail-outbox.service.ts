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
import { JobQueue } from '../../jobs/job-queue.js';
import type { Recipient } from './mail-facts.service.js';
import { type MessageParams, subjectOf, type TemplateName } from './mail-templates.js';
import { MailRepository } from './mail.repository.js';

/** One mail a message kind wants sent. */
export interface Outgoing {
  to: Recipient;
  template: TemplateName;
  params: MessageParams;
  attachmentIds?: string[];
}

/** What the mail is about: with the recipient, the key that lets it be written once. */
export interface MessageSource {
  source: string;
  sourceType: string;
  eventId: string | null;
}

/**
 * Writes messages into the outbox inside the caller's transaction and queues their sending job
 * (job id = message id) once that transaction commits, so a job never looks for a row that is not
 * there yet; a queue that is down leaves them `queued` for the recovery sweep.
 */
@Injectable()
export class MailOutbox implements OnModuleInit, EntitySubscriberInterface {
  private readonly pending = new WeakMap<QueryRunner, string[]>();

  constructor(
    private readonly repository: MailRepository,
    private readonly jobs: JobQueue,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  async write(manager: EntityManager, source: MessageSource, outgoing: Outgoing[]): Promise<string[]> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) throw new Error('Messages are written in the transaction of what they are about');
    const ids = await this.repository.insertMessages(
      manager,
      outgoing.map(({ to, template, params, attachmentIds }) => ({
        ...source,
        recipientAddress: to.address.toLowerCase(),
        recipientName: to.name,
        recipientUserId: to.userId,
        recipientTenantId: to.tenantId,
        language: to.language,
        template,
        // Every template may greet its recipient by name.
        params: { name: to.name, ...params },
        subject: subjectOf(template, to.language, params),
        attachmentIds: attachmentIds ?? [],
      })),
    );
    this.pending.set(runner, [...(this.pending.get(runner) ?? []), ...ids]);
    return ids;
  }

  afterTransactionCommit(commit: TransactionCommitEvent): void {
    const runner = commit.queryRunner;
    if (runner.isTransactionActive) return;
    const ids = this.pending.get(runner);
    if (!ids) return;
    this.pending.delete(runner);
    for (const id of ids) void this.enqueue(id);
  }

  afterTransactionRollback(rollback: TransactionRollbackEvent): void {
    if (!rollback.queryRunner.isTransactionActive) this.pending.delete(rollback.queryRunner);
  }

  async enqueue(messageId: string): Promise<boolean> {
    return this.jobs.enqueueRecorded('mail.send', { messageId }, { jobId: messageId });
  }
}
