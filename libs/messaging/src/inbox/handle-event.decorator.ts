import { SetMetadata } from '@nestjs/common';
import type { EventType } from '@msp/contracts';

export const HANDLE_EVENT = Symbol('HANDLE_EVENT');

/**
 * Marks a provider method as the service's handler of one event type. It runs inside the inbox transaction: its
 * writes, the events it records and the "processed" mark commit together.
 */
export const HandleEvent = (type: EventType): MethodDecorator => SetMetadata(HANDLE_EVENT, type);
