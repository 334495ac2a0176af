import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { EventEnvelope, EventType } from '@msp/contracts';
import { HANDLE_EVENT } from './handle-event.decorator';

export type EventHandler = (event: EventEnvelope) => Promise<void>;

/** Finds every `@HandleEvent` method at boot; one handler per event type and service. */
@Injectable()
export class EventHandlerRegistry implements OnModuleInit {
  private readonly handlers = new Map<string, EventHandler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = instance[method];
        if (typeof fn !== 'function') continue;
        const type = this.reflector.get<EventType | undefined>(HANDLE_EVENT, fn);
        if (!type) continue;
        if (this.handlers.has(type))
          throw new Error(`Two handlers for ${type}: one event type has one handler per service`);
        this.handlers.set(type, (event) => (fn as EventHandler).call(instance, event));
      }
    }
  }

  handlerFor(type: string): EventHandler | undefined {
    return this.handlers.get(type);
  }
}
