import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { requireCapability } from '../../common/auth/access-policy.js';
import { type Principal, SYSTEM_PRINCIPAL } from '../../common/auth/principal.js';
import { Clock } from '../../common/clock/clock.js';
import { NotFoundError, RuleError, shownFailure, whenNotFound } from '../../common/errors/domain-error.js';
import { periodRange } from '../../common/dates.js';
import { JobQueue } from '../../jobs/job-queue.js';
import type { JobStatus } from '../../jobs/job-status.js';
import type { Page } from '../../common/pagination/page.js';
import { BuildingsService } from '../buildings/buildings.service.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import type { InvoiceRun } from './invoice-run.entity.js';
import { InvoiceDocumentsService } from './invoice-documents.service.js';
import { InvoicesRepository } from './invoices.repository.js';
import { IssueInvoiceService } from './issue-invoice.service.js';
import { INVOICES_ERRORS } from './invoices.errors.js';
import { type RunPeriodRefusal, runPeriodRefusal } from './run-period.js';

/** What Dutch law needs of the issuer on every invoice. */
const ISSUER_FIELDS = ['address', 'kvkNumber', 'vatNumber', 'iban'] as const;

@Injectable()
export class InvoiceRunsService {
  private readonly logger = new Logger('InvoiceRuns');

  constructor(
    private readonly invoices: InvoicesRepository,
    private readonly issuer: IssueInvoiceService,
    private readonly documents: InvoiceDocumentsService,
    private readonly buildings: BuildingsService,
    private readonly organisations: OrganisationsService,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Starts the run of a building and period, or returns the one that exists. Planning again
   * picks up leases that have no invoice yet (and chunks a failed run left), never a second
   * invoice for a lease.
   */
  async start(buildingId: string, period: string, principal: Principal): Promise<{ run: InvoiceRun; created: boolean }> {
    requireCapability(principal, 'invoices.run');
    const building = await this.buildings.getVisible(buildingId, principal);
    const refusal = runPeriodRefusal(period, building, this.clock.today());
    if (refusal) throw runPeriodError(period, refusal);
    const umbrella = await this.organisations.get(building.umbrellaId);
    const missing = ISSUER_FIELDS.filter((field) => !umbrella[field]);
    if (missing.length > 0) {
      throw new RuleError(
        INVOICES_ERRORS.issuer_incomplete,
        { issuer: umbrella.name, missing: missing.join(', ') },
        missing.map((field) => ({ field, message: 'required on invoices' })),
      );
    }
    const { run, created, pendingChunks } = await this.invoices.planRun(
      buildingId,
      period,
      periodRange(period),
      this.config.invoicing.chunkSize,
    );
    // The run and its chunks are committed: a queue that is down leaves them to the recovery sweep.
    await this.enqueueChunks(run, pendingChunks);
    return { run, created };
  }

  /** The monthly schedule: a run for every building with a lease in the period, as the system. */
  async startForAllBuildings(period: string): Promise<void> {
    for (const buildingId of await this.invoices.buildingsWithLeasesIn(periodRange(period))) {
      // A building whose issuer details are incomplete must not hold up the others.
      await this.start(buildingId, period, SYSTEM_PRINCIPAL).catch((error: unknown) => {
        if (!(error instanceof RuleError)) throw error;
        this.logger.warn({ message: 'monthly invoice run not started', buildingId, period, code: error.code });
      });
    }
  }

  /** The runs of a building, newest period first (staff who run invoicing). */
  async listOfBuilding(
    buildingId: string,
    filter: { status?: JobStatus },
    principal: Principal,
    page: { limit: number; offset: number },
  ): Promise<Page<InvoiceRun>> {
    requireCapability(principal, 'invoices.run');
    await this.buildings.getVisible(buildingId, principal);
    return this.invoices.findRunsPage({ buildingId, status: filter.status }, page);
  }

  async get(id: string, principal: Principal): Promise<InvoiceRun> {
    requireCapability(principal, 'invoices.run');
    const run = await this.invoices.findRun(id);
    if (!run) throw new NotFoundError(INVOICES_ERRORS.invoice_run_not_found, { id });
    await this.buildings
      .getVisible(run.buildingId, principal)
      .catch(whenNotFound(() => new NotFoundError(INVOICES_ERRORS.invoice_run_not_found, { id })));
    return run;
  }

  /** Issues the chunk's missing invoices, then renders their PDFs; safe to run any number of times. */
  async processChunk(runId: string, chunk: number): Promise<void> {
    const run = await this.invoices.findRun(runId);
    if (!run) return;
    await this.invoices.markRunRunning(runId);
    await this.issueChunk(run, chunk);
    await this.documents.renderAndStore(await this.invoices.invoicesWithoutDocument(runId, chunk));
    await this.invoices.refreshRunProgress(runId);
  }

  /**
   * Issues a whole run now, dated `issueDate`, leaving the PDFs to its queued chunk jobs. For
   * loading history (the demo), where invoices carry the dates they had then.
   */
  async issueDated(buildingId: string, period: string, issueDate: string): Promise<void> {
    const { run, pendingChunks } = await this.invoices.planRun(buildingId, period, periodRange(period), this.config.invoicing.chunkSize);
    for (const chunk of pendingChunks) await this.issueChunk(run, chunk, issueDate);
    await this.enqueueChunks(run, pendingChunks);
  }

  private async issueChunk(run: InvoiceRun, chunk: number, issueDate?: string): Promise<void> {
    const inputs = (await this.invoices.pendingBillingInputs(run.id, chunk, run.period)).filter((input) => !input.invoiceId);
    const outcomes = await this.issuer.issueMany(inputs, run.period, { runId: run.id, issueDate });
    const nothingOwed = inputs.filter((_, index) => outcomes[index]!.outcome === 'nothing_owed').map((input) => input.leaseId);
    await this.invoices.markItemsDone(run.id, nothingOwed);
  }

  /**
   * Queues the chunks side by side, so a queue that is down costs one JOBS_ENQUEUE_TIMEOUT_MS, not
   * one per chunk. False when some could not be queued (the recovery sweep queues them later).
   */
  async enqueueChunks(run: Pick<InvoiceRun, 'id' | 'generation'>, chunks: number[]): Promise<boolean> {
    const queued = await Promise.all(
      chunks.map((chunk) =>
        this.jobs.enqueueRecorded(
          'invoices.issue-chunk',
          { runId: run.id, chunk, generation: run.generation },
          { jobId: chunkJobId(run.id, run.generation, chunk) },
        ),
      ),
    );
    return queued.every(Boolean);
  }

  /** Queues again every chunk with work left of the runs that are queued or running; the number of chunks. */
  async requeueUnfinished(): Promise<number> {
    const byRun = new Map<string, { generation: number; chunks: number[] }>();
    for (const { runId, generation, chunk } of await this.invoices.unfinishedChunks()) {
      const run = byRun.get(runId) ?? { generation, chunks: [] };
      run.chunks.push(chunk);
      byRun.set(runId, run);
    }
    let chunks = 0;
    for (const [id, run] of byRun) {
      // The queue is down: the next sweep tries again, rather than waiting out a timeout per run.
      if (!(await this.enqueueChunks({ id, generation: run.generation }, run.chunks))) break;
      chunks += run.chunks.length;
    }
    return chunks;
  }

  /** The run's row shows our own refusal, or that it stopped: never the database's text (the job's log keeps that). */
  async markFailed(runId: string, error: Error): Promise<void> {
    await this.invoices.refreshRunProgress(runId);
    await this.invoices.markRunFailed(runId, shownFailure(error, INVOICES_ERRORS.invoice_run_failed));
  }
}

/** Deterministic: a chunk of one generation of a run is queued once, however often it is asked for. */
export function chunkJobId(runId: string, generation: number, chunk: number): string {
  return `invoice-run:${runId}:g${generation}:c${chunk}`;
}

function runPeriodError(period: string, refusal: RunPeriodRefusal): RuleError<string> {
  const details = [{ field: 'period', message: `cannot be invoiced (${refusal.reason.replaceAll('_', ' ')})` }];
  switch (refusal.reason) {
    case 'before_use':
      return new RuleError(INVOICES_ERRORS.invoice_period_before_use, { period, useStart: refusal.useStart }, details);
    case 'after_use':
      return new RuleError(INVOICES_ERRORS.invoice_period_after_use, { period, useEnd: refusal.useEnd }, details);
    case 'too_far_ahead':
      return new RuleError(INVOICES_ERRORS.invoice_period_too_far_ahead, { period, latest: refusal.latest }, details);
  }
}
