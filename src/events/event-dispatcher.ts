import { Injectable, Logger } from '@nestjs/common';
import { EventConsumersRegistry } from './event-consumers.registry.js';
import { EventsRepository } from './events.repository.js';

/**
 * Runs an event's consumers, each in a transaction of its own that also records that it ran. A
 * redelivered event (a retry, a worker killed mid-way, the sweep) runs only the consumers that
 * have no record yet; the event counts as dispatched when none is left.
 */
@Injectable()
export class EventDispatcher {
  private readonly logger = new Logger('EventDispatcher');

  constructor(
    private readonly events: EventsRepository,
    private readonly consumers: EventConsumersRegistry,
  ) {}

  async dispatch(eventId: string): Promise<void> {
    const event = await this.events.findUndispatched(eventId);
    if (!event) return;
    const failed: string[] = [];
    for (const consumer of this.consumers.consumersOf(event.type)) {
      try {
        await this.events.transaction(async (manager) => {
          if (await this.events.claim(manager, event.id, consumer.name)) await consumer.consume(event, manager);
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.logger.warn({ message: 'event consumer failed', eventId, type: event.type, consumer: consumer.name, error: message });
        failed.push(`${consumer.name}: ${message}`);
      }
    }
    // Throwing makes the queue retry; the consumers that succeeded are skipped then.
    if (failed.length > 0) throw new Error(`Event ${eventId} (${event.type}) failed in ${failed.join('; ')}`);
    await this.events.markDispatched(eventId);
  }

  async markFailed(eventId: string, error: Error): Promise<void> {
    await this.events.markDispatchFailed(eventId, error.message);
  }
}
