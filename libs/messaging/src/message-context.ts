import { AsyncLocalStorage } from 'node:async_hooks';

/** Correlation of the work in progress: events recorded while handling a request or an event inherit it. */
export interface MessageContext {
  correlationId?: string;
  /** Id of the event being handled; becomes the causation id of the events it leads to. */
  causationId?: string;
}

const storage = new AsyncLocalStorage<MessageContext>();

export function runWithMessageContext<T>(context: MessageContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentMessageContext(): MessageContext {
  return storage.getStore() ?? {};
}
