import { SetMetadata } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEvent, EventType } from './event-types.js';

export const EVENT_CONSUMER_TYPES = 'events:consumer-types';

/**
 * A consumer's effect: it runs in a transaction that also records (event id, consumer), so the
 * effect must write through `manager` to count once. Redelivery then finds the record and skips.
 */
export type EventConsumer<T extends EventType = EventType> = (event: DomainEvent<T>, manager: EntityManager) => Promise<void>;

/**
 * Subscribes a method of a provider to events of the given types; the registry finds it at boot.
 * The consumer's name (`Class.method`) is the key of its once-per-event record, so renaming it
 * makes the outbox treat it as a new consumer.
 */
export const OnEvent = (...types: EventType[]) => SetMetadata(EVENT_CONSUMER_TYPES, types);
