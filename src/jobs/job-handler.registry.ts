import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { JOB_HANDLER_NAME, type JobHandler } from './job-handler.js';
import type { JobName, JobPayloads } from './job-names.js';

/** Finds every @HandlesJob provider once at boot and dispatches jobs to it. */
@Injectable()
export class JobHandlerRegistry implements OnModuleInit {
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance) continue;
      const name = this.reflector.get<JobName | undefined>(JOB_HANDLER_NAME, wrapper.metatype);
      if (!name) continue;
      if (this.handlers.has(name)) throw new Error(`Two handlers for job ${name}`);
      this.handlers.set(name, wrapper.instance as JobHandler<JobName>);
    }
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
