import { Global } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { FeatureModule } from '../common/feature/feature-module.js';
import { DispatchEventHandler } from './dispatch-event.handler.js';
import { DomainEvents } from './domain-events.js';
import { EventConsumersRegistry } from './event-consumers.registry.js';
import { EventDispatcher } from './event-dispatcher.js';
import { EventRecoverySweep } from './event-recovery-sweep.js';
import { EVENTS_JOBS } from './events.jobs.js';
import { EventsRepository } from './events.repository.js';
import { EventConsumption, OutboxEvent } from './outbox-event.entity.js';

/**
 * The outbox, for every module: producers inject `DomainEvents`, consumers mark methods with
 * `@OnEvent`. Global, like the job queue, so that no feature module imports another to publish.
 */
@Global()
@FeatureModule({
  entities: [OutboxEvent, EventConsumption],
  jobs: EVENTS_JOBS,
  imports: [DiscoveryModule],
  providers: [EventsRepository, DomainEvents, EventConsumersRegistry, EventDispatcher, DispatchEventHandler, EventRecoverySweep],
  exports: [DomainEvents],
})
export class EventsModule {}
