/**
 * Hands each message from one socket to the parts of a client that asked for its type, so one
 * socket can serve several parts of a page (the kiosk's help call and its procedures) without
 * any of them knowing about the others. Pure: no socket, no timer.
 *
 * Some messages are state rather than news: the hub sends the kiosk's current call and the
 * catalogue version after every hello, and a part that subscribes later (a component mounted
 * after the socket said hello) must still learn them, as it did when each part had its own
 * socket and got its own snapshot. For those types the router keeps the latest message and hands
 * it to a new subscriber at once. Events (a take-over request) are never replayed.
 */

/** A message with a `type` to route on. */
export interface Routable {
  readonly type: string;
}

/** The message of type `T` in the union `M`. */
export type MessageOfType<M extends Routable, T extends M['type']> = Extract<M, { type: T }>;

/** Routes messages of the union `M` by type. */
export interface MessageRouter<M extends Routable> {
  /** Calls `handler` with every message of `type` from now on (and the latest one, for a state type); returns the unsubscribe. */
  subscribe<T extends M['type']>(type: T, handler: (message: MessageOfType<M, T>) => void): () => void;
  /** Hands one message to the subscribers of its type, in the order they subscribed. */
  deliver(message: M): void;
}

/** Makes a router; `stateTypes` are the types whose latest message a new subscriber receives at once. */
export function createMessageRouter<M extends Routable>(stateTypes: readonly M['type'][] = []): MessageRouter<M> {
  const handlers = new Map<string, Set<(message: M) => void>>();
  const latest = new Map<string, M>();
  const isState = new Set<string>(stateTypes);
  return {
    subscribe(type, handler) {
      // One function can be subscribed twice (two components with the same handler): each gets its own entry.
      const entry = (message: M): void => handler(message as MessageOfType<M, typeof type>);
      const set = handlers.get(type) ?? new Set();
      handlers.set(type, set.add(entry));
      const known = latest.get(type);
      if (known !== undefined) entry(known);
      return () => {
        set.delete(entry);
      };
    },
    deliver(message) {
      if (isState.has(message.type)) latest.set(message.type, message);
      // A copy: a handler may unsubscribe (or subscribe another) while the message is handed round.
      for (const handler of [...(handlers.get(message.type) ?? [])]) handler(message);
    },
  };
}
