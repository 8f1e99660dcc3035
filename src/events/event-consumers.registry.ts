import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { EventType } from './event-types.js';
import { EVENT_CONSUMER_TYPES, type EventConsumer } from './on-event.js';

export interface NamedConsumer {
  name: string;
  consume: EventConsumer;
}

/** Finds every @OnEvent method once at boot and lists the consumers of an event type. */
@Injectable()
export class EventConsumersRegistry implements OnModuleInit {
  private readonly byType = new Map<EventType, NamedConsumer[]>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const names = new Set<string>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      // An alias (useExisting) shares its target's instance, which is scanned under its own name.
      if (wrapper.isAlias || !wrapper.metatype || !instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const handler = instance[method] as EventConsumer;
        const types = this.reflector.get<EventType[] | undefined>(EVENT_CONSUMER_TYPES, handler);
        if (!types) continue;
        const name = `${wrapper.metatype.name}.${method}`;
        if (names.has(name)) throw new Error(`Two event consumers named ${name}`);
        names.add(name);
        for (const type of types) this.register(type, name, handler.bind(instance) as EventConsumer);
      }
    }
  }

  register<T extends EventType>(type: T, name: string, consume: EventConsumer<T>): void {
    const consumers = this.byType.get(type) ?? [];
    consumers.push({ name, consume: consume as unknown as EventConsumer });
    this.byType.set(type, consumers);
  }

  consumersOf(type: EventType): NamedConsumer[] {
    return this.byType.get(type) ?? [];
  }
}
