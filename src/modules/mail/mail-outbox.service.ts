import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AfterCommitJobs } from '../../jobs/after-commit-jobs.js';
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
export class MailOutbox {
  constructor(
    private readonly repository: MailRepository,
    private readonly jobs: JobQueue,
    private readonly afterCommit: AfterCommitJobs,
  ) {}

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
    for (const id of ids) this.afterCommit.enqueue(manager, 'mail.send', { messageId: id }, { jobId: id });
    return ids;
  }

  /** For the recovery sweep: a message whose sending was never queued. */
  async enqueue(messageId: string): Promise<boolean> {
    return this.jobs.enqueueRecorded('mail.send', { messageId }, { jobId: messageId });
  }
}
