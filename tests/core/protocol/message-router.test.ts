/**
 * The router that lets several parts of a page share one socket: each part hears the messages
 * of the types it asked for, a late part still learns the current state, and events are not replayed.
 */
import { describe, expect, it } from 'vitest';
import { createMessageRouter } from '../../../core/protocol/message-router.js';

type Message = { type: 'call'; call: string | null } | { type: 'version'; version: number } | { type: 'take-over'; by: string };

describe('the message router', () => {
  it('hands each message only to the parts that asked for its type, in the order they asked', () => {
    const router = createMessageRouter<Message>();
    const heard: string[] = [];
    router.subscribe('call', (message) => heard.push(`help: ${message.call}`));
    router.subscribe('version', (message) => heard.push(`procedures: ${message.version}`));
    router.subscribe('call', (message) => heard.push(`panel: ${message.call}`));
    router.deliver({ type: 'call', call: 'c1' });
    router.deliver({ type: 'version', version: 3 });
    expect(heard).toEqual(['help: c1', 'panel: c1', 'procedures: 3']);
  });

  it('a part that subscribes after the hub sent the state gets the latest state at once, once', () => {
    const router = createMessageRouter<Message>(['call', 'version']);
    router.deliver({ type: 'version', version: 2 });
    router.deliver({ type: 'version', version: 3 });
    const versions: number[] = [];
    router.subscribe('version', (message) => versions.push(message.version));
    expect(versions).toEqual([3]);
    router.deliver({ type: 'version', version: 4 });
    expect(versions).toEqual([3, 4]);
  });

  it('never replays an event to a part that subscribes after it came', () => {
    const router = createMessageRouter<Message>(['call']);
    router.deliver({ type: 'take-over', by: 'Ana' });
    const heard: string[] = [];
    router.subscribe('take-over', (message) => heard.push(message.by));
    expect(heard).toEqual([]);
  });

  it('a part that unsubscribed hears nothing more, and the others still do', () => {
    const router = createMessageRouter<Message>();
    const first: (string | null)[] = [];
    const second: (string | null)[] = [];
    const stop = router.subscribe('call', (message) => first.push(message.call));
    router.subscribe('call', (message) => second.push(message.call));
    router.deliver({ type: 'call', call: 'c1' });
    stop();
    router.deliver({ type: 'call', call: null });
    expect(first).toEqual(['c1']);
    expect(second).toEqual(['c1', null]);
  });

  it('the same handler subscribed twice (two mounts) is two subscriptions, each undone on its own', () => {
    const router = createMessageRouter<Message>();
    let count = 0;
    const handler = (): void => {
      count += 1;
    };
    const stopFirst = router.subscribe('call', handler);
    router.subscribe('call', handler);
    stopFirst();
    router.deliver({ type: 'call', call: null });
    expect(count).toBe(1);
  });

  it('a part may unsubscribe while a message is handed round without costing the others that message', () => {
    const router = createMessageRouter<Message>();
    const heard: string[] = [];
    const stop = router.subscribe('call', () => {
      heard.push('first');
      stop();
    });
    router.subscribe('call', () => heard.push('second'));
    router.deliver({ type: 'call', call: null });
    router.deliver({ type: 'call', call: null });
    expect(heard).toEqual(['first', 'second', 'second']);
  });
});
