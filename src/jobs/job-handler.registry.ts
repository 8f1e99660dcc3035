import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, ModulesContainer, Reflector } from '@nestjs/core';
import { featureRegistrationOf } from '../common/feature/feature-module.js';
import { JOB_HANDLER_NAME, type JobHandler } from './job-handler.js';
import type { JobName, JobPayloads } from './job-names.js';

/**
 * Learns at boot every job name the features register and finds every @HandlesJob provider, and
 * dispatches jobs to them. The boot stops when a registered name has no handler, or a handler
 * handles a name no feature registers, so a job can never wait in the queue for nobody.
 */
@Injectable()
export class JobHandlerRegistry implements OnModuleInit {
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();
  /** Each registered job name and the module that registered it. */
  private readonly registered = new Map<JobName, string>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly modules: ModulesContainer,
  ) {}

  onModuleInit(): void {
    this.learnRegisteredNames();
    this.findHandlers();
    const problems = [
      ...[...this.registered]
        .filter(([name]) => !this.handlers.has(name))
        .map(([name, module]) => `job ${name} (registered by ${module}) has no @HandlesJob provider`),
      ...this.handledNames()
        .filter((name) => !this.registered.has(name))
        .map((name) => `job ${name} has a handler, but no feature registers it in its jobs`),
    ];
    if (problems.length > 0) throw new Error(`Jobs without a handler or a registration:\n  - ${problems.join('\n  - ')}`);
  }

  private learnRegisteredNames(): void {
    for (const module of this.modules.values()) {
      for (const name of featureRegistrationOf(module.metatype)?.jobs ?? []) {
        const other = this.registered.get(name);
        if (other) throw new Error(`Job ${name} is registered by both ${other} and ${module.metatype.name}`);
        this.registered.set(name, module.metatype.name);
      }
    }
  }

  private findHandlers(): void {
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance) continue;
      const name = this.reflector.get<JobName | undefined>(JOB_HANDLER_NAME, wrapper.metatype);
      if (!name) continue;
      if (this.handlers.has(name)) throw new Error(`Two handlers for job ${name}`);
      this.handlers.set(name, wrapper.instance as JobHandler<JobName>);
    }
  }

  /** Every job name that exists in this app: the features registered them. */
  registeredNames(): JobName[] {
    return [...this.registered.keys()];
  }

  handledNames(): JobName[] {
    return [...this.handlers.keys()];
  }

  register<N extends JobName>(name: N, handler: JobHandler<N>): void {
    this.handlers.set(name, handler as unknown as JobHandler<JobName>);
  }

  async dispatch<N extends JobName>(name: N, payload: JobPayloads[N]): Promise<void> {
    await this.handlerOf(name).handle(payload);
  }

  async dispatchFinalFailure<N extends JobName>(name: N, payload: JobPayloads[N], error: Error): Promise<void> {
    await this.handlerOf(name).onFinalFailure?.(payload, error);
  }

  private handlerOf(name: JobName): JobHandler<JobName> {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`No handler for job ${name}`);
    return handler;
  }
}
