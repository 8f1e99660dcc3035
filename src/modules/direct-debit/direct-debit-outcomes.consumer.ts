import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEvent } from '../../events/event-types.js';
import { OnEvent } from '../../events/on-event.js';
import { DirectDebitRepository } from './direct-debit.repository.js';

/**
 * What the bank statement said about a debit (recorded by the bank-statements module): the batch item
 * becomes collected, or returned with its reason, which frees the invoice for a later batch.
 * Idempotent: the outcome applies once, and an item already in that state stays as it is.
 */
@Injectable()
export class DirectDebitOutcomesConsumer {
  constructor(private readonly repository: DirectDebitRepository) {}

  @OnEvent('direct-debit.collected')
  async collected(event: DomainEvent<'direct-debit.collected'>, manager: EntityManager): Promise<void> {
    await this.repository.markCollected(manager, event.entityId, event.payload.bookedOn);
  }

  @OnEvent('direct-debit.returned')
  async returned(event: DomainEvent<'direct-debit.returned'>, manager: EntityManager): Promise<void> {
    await this.repository.markReturned(manager, event.entityId, event.payload.bookedOn, event.payload.reasonCode);
  }
}
