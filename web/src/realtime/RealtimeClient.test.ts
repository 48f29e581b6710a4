import { describe, expect, it, vi } from 'vitest';
import { FakeSocket } from '../test/harness';
import { RealtimeClient, type LiveEvent } from './RealtimeClient';

function client() {
  FakeSocket.all = [];
  const tickets = ['t-1', 't-2', 't-3'];
  const delays: number[] = [];
  const realtime = new RealtimeClient({
    connectTicket: async () => tickets.shift() ?? 'none',
    openSocket: (url) => new FakeSocket(url),
    url: (ticket) => `ws://x/ws?ticket=${ticket}`,
    backoff: (attempt) => 100 * (attempt + 1),
    schedule: (run, ms) => {
      delays.push(ms);
      queueMicrotask(run);
    },
  });
  return { realtime, delays };
}

const socket = (index: number) => {
  const found = FakeSocket.all[index];
  if (!found) {
    throw new Error(`no socket ${index}`);
  }
  return found;
};

describe('RealtimeClient', () => {
  it('opens a socket with a one-time ticket and subscribes once it is open', async () => {
    const { realtime } = client();
    realtime.subscribe('queue', { onEvent: () => undefined });

    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(1));
    expect(socket(0).url).toBe('ws://x/ws?ticket=t-1');
    expect(realtime.state).toBe('connecting');
    socket(0).open();

    expect(realtime.state).toBe('live');
    expect(socket(0).sent).toEqual([{ type: 'subscribe', channel: 'queue' }]);
  });

  it('delivers events to the handlers of their channel only', async () => {
    const { realtime } = client();
    const queue: LiveEvent[] = [];
    const ticket: LiveEvent[] = [];
    realtime.subscribe('queue', { onEvent: (event) => queue.push(event) });
    realtime.subscribe('ticket:1', { onEvent: (event) => ticket.push(event) });
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(1));
    socket(0).open();

    socket(0).push({
      type: 'event',
      channel: 'queue',
      id: '5-0',
      eventType: 'ticket.created',
      data: { ticketId: 'a' },
    });

    expect(queue).toEqual([{ channel: 'queue', id: '5-0', eventType: 'ticket.created', data: { ticketId: 'a' } }]);
    expect(ticket).toEqual([]);
  });

  it('reconnects after a drop with a fresh ticket and asks for what it missed', async () => {
    const { realtime, delays } = client();
    realtime.subscribe('queue', { onEvent: () => undefined });
    realtime.subscribe('ticket:9', { onEvent: () => undefined });
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(1));
    socket(0).open();
    socket(0).push({ type: 'event', channel: 'queue', id: '7-0', eventType: 'ticket.created', data: {} });

    socket(0).drop();

    expect(realtime.state).toBe('reconnecting');
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(2));
    expect(socket(1).url).toBe('ws://x/ws?ticket=t-2');
    expect(delays).toEqual([100]);
    socket(1).open();
    expect(socket(1).sent).toEqual([
      { type: 'subscribe', channel: 'queue', after: '7-0' },
      { type: 'subscribe', channel: 'ticket:9' },
    ]);
  });

  it('asks the screen to reload when the server cannot replay', async () => {
    const { realtime } = client();
    const onReload = vi.fn();
    realtime.subscribe('queue', { onEvent: () => undefined, onReload });
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(1));
    socket(0).open();

    socket(0).push({ type: 'reload', channel: 'queue', reason: 'beyond-retention' });

    expect(onReload).toHaveBeenCalledOnce();
  });

  it('asks again for a channel the server refused, until it is confirmed', async () => {
    const { realtime, delays } = client();
    realtime.subscribe('queue', { onEvent: () => undefined });
    realtime.subscribe('ticket:new', { onEvent: () => undefined });
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(1));
    socket(0).open();
    socket(0).push({ type: 'subscribed', channel: 'queue' });

    socket(0).push({ type: 'error', code: 'forbidden', message: 'You may not follow ticket:new.' });
    await vi.waitFor(() => expect(socket(0).sent).toHaveLength(3));
    socket(0).push({ type: 'subscribed', channel: 'ticket:new' });
    socket(0).push({ type: 'error', code: 'forbidden', message: 'Staff only.' });
    await Promise.resolve();

    expect(socket(0).sent).toEqual([
      { type: 'subscribe', channel: 'queue' },
      { type: 'subscribe', channel: 'ticket:new' },
      { type: 'subscribe', channel: 'ticket:new' },
    ]);
    expect(delays).toEqual([100]);
  });

  it('unsubscribes, and closes the socket after the last subscriber leaves', async () => {
    const { realtime } = client();
    const leaveQueue = realtime.subscribe('queue', { onEvent: () => undefined });
    const leaveTicket = realtime.subscribe('ticket:1', { onEvent: () => undefined });
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(1));
    socket(0).open();

    leaveQueue();
    expect(socket(0).sent.at(-1)).toEqual({ type: 'unsubscribe', channel: 'queue' });
    expect(socket(0).closed).toBe(false);

    leaveTicket();
    expect(socket(0).closed).toBe(true);
    expect(realtime.state).toBe('idle');
  });
});
