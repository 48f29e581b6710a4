/** An event pushed on a channel; `id` is its position in the tenant's stream. */
export interface LiveEvent {
  channel: string;
  id: string;
  eventType: string;
  data: Record<string, unknown>;
}

export interface ChannelHandler {
  onEvent(event: LiveEvent): void;
  /** The server could not replay what was missed (beyond its retention): reload over REST. */
  onReload?(): void;
}

/** A frame from the server that is not about a channel subscription (docs/realtime.md). */
export interface ServerFrame {
  type: string;
  ticket?: string;
  viewers?: string[];
  replying?: string[];
  user?: string;
}

export type ConnectionState = 'idle' | 'connecting' | 'live' | 'reconnecting';

/** The subset of the browser's WebSocket the client uses, so tests can drive it. */
export interface SocketLike {
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: string): void;
  close(code?: number): void;
}

export interface RealtimeOptions {
  /** Gets a one-time connect ticket (POST /api/realtime/connect-tickets). */
  connectTicket(): Promise<string>;
  openSocket?(url: string): SocketLike;
  url?(ticket: string): string;
  /** Delay before reconnect attempt `attempt` (0-based), in ms. */
  backoff?(attempt: number): number;
  schedule?(run: () => void, ms: number): unknown;
}

/**
 * One WebSocket to realtime-service for the whole SPA (docs/realtime.md). Screens subscribe to
 * channels; the client opens the socket on the first subscription and closes it after the last.
 * It remembers the last event id seen per channel and, after any drop (network, server restart,
 * token expiry), reconnects with a fresh ticket and subscribes with `after`, so nothing is missed.
 */
export class RealtimeClient {
  private socket: SocketLike | null = null;

  private readonly handlers = new Map<string, Set<ChannelHandler>>();

  private readonly lastIds = new Map<string, string>();

  /** Channels the server has confirmed on the current socket. */
  private readonly confirmed = new Set<string>();

  /** Refused subscriptions retried so far, per channel. */
  private readonly refusals = new Map<string, number>();

  private readonly stateListeners = new Set<(state: ConnectionState) => void>();

  private readonly frameListeners = new Set<(frame: ServerFrame) => void>();

  private attempt = 0;

  private currentState: ConnectionState = 'idle';

  constructor(private readonly options: RealtimeOptions) {}

  get state(): ConnectionState {
    return this.currentState;
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Listens to frames that belong to no channel subscription (`presence`, `typing`). */
  onFrame(listener: (frame: ServerFrame) => void): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  /**
   * Sends a frame on the live socket (presence: `viewing`, `leave`); false when not connected,
   * in which case the caller sends it again once the state is `live`.
   */
  send(frame: { type: string } & Record<string, unknown>): boolean {
    if (this.currentState !== 'live' || !this.socket) {
      return false;
    }
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  subscribe(channel: string, handler: ChannelHandler): () => void {
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      this.sendSubscribe(channel);
    }
    set.add(handler);
    if (this.currentState === 'idle') {
      void this.connect();
    }
    return () => this.unsubscribe(channel, handler);
  }

  private unsubscribe(channel: string, handler: ChannelHandler): void {
    const set = this.handlers.get(channel);
    if (!set?.delete(handler) || set.size > 0) {
      return;
    }
    this.handlers.delete(channel);
    this.lastIds.delete(channel);
    this.confirmed.delete(channel);
    this.refusals.delete(channel);
    if (this.currentState === 'live') {
      this.socket?.send(JSON.stringify({ type: 'unsubscribe', channel }));
    }
    if (this.handlers.size === 0) {
      this.stop();
    }
  }

  /** Closes the socket and forgets every subscription (on log-out). */
  stop(): void {
    const socket = this.socket;
    this.socket = null;
    this.setState('idle');
    socket?.close(1000);
  }

  private async connect(): Promise<void> {
    this.setState(this.attempt === 0 ? 'connecting' : 'reconnecting');
    let ticket: string;
    try {
      ticket = await this.options.connectTicket();
    } catch {
      this.retry();
      return;
    }
    if (this.handlers.size === 0) {
      this.setState('idle');
      return;
    }
    const open = this.options.openSocket ?? ((url: string) => new WebSocket(url));
    const socket = open((this.options.url ?? defaultUrl)(ticket));
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.confirmed.clear();
      this.setState('live');
      this.handlers.forEach((_, channel) => this.sendSubscribe(channel));
    };
    socket.onmessage = (message) => this.receive(String(message.data));
    socket.onerror = () => undefined;
    socket.onclose = () => {
      if (this.socket === socket) {
        this.socket = null;
        this.retry();
      }
    };
  }

  private retry(): void {
    if (this.handlers.size === 0) {
      this.setState('idle');
      return;
    }
    this.setState('reconnecting');
    const delay = (this.options.backoff ?? defaultBackoff)(this.attempt);
    this.attempt += 1;
    const schedule = this.options.schedule ?? ((run, ms) => setTimeout(run, ms));
    schedule(() => {
      if (this.currentState === 'reconnecting') {
        void this.connect();
      }
    }, delay);
  }

  private sendSubscribe(channel: string): void {
    if (this.currentState !== 'live' || !this.socket) {
      return;
    }
    const after = this.lastIds.get(channel);
    this.socket.send(JSON.stringify(after ? { type: 'subscribe', channel, after } : { type: 'subscribe', channel }));
  }

  private receive(text: string): void {
    let frame: Record<string, unknown>;
    try {
      frame = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return;
    }
    const channel = typeof frame.channel === 'string' ? frame.channel : '';
    const handlers = this.handlers.get(channel);
    if (frame.type === 'event' && typeof frame.id === 'string') {
      this.lastIds.set(channel, frame.id);
      const event: LiveEvent = {
        channel,
        id: frame.id,
        eventType: String(frame.eventType),
        data: (frame.data ?? {}) as Record<string, unknown>,
      };
      handlers?.forEach((handler) => handler.onEvent(event));
    } else if (frame.type === 'subscribed') {
      this.confirmed.add(channel);
      this.refusals.delete(channel);
    } else if (frame.type === 'reload') {
      handlers?.forEach((handler) => handler.onReload?.());
    } else if (frame.type === 'error' && frame.code === 'forbidden') {
      this.retryRefused();
    } else if (frame.type === 'presence' || frame.type === 'typing') {
      this.frameListeners.forEach((listener) => listener(frame as unknown as ServerFrame));
    }
  }

  /**
   * A customer may follow a ticket only once realtime-service has seen it created, which can be a
   * moment after the ticket page opens; the `forbidden` answer names no channel, so every channel
   * not yet confirmed is asked for again, a few times, with the reconnect backoff.
   */
  private retryRefused(): void {
    const schedule = this.options.schedule ?? ((run, ms) => setTimeout(run, ms));
    this.handlers.forEach((_, channel) => {
      const tries = this.refusals.get(channel) ?? 0;
      if (this.confirmed.has(channel) || tries >= MAX_REFUSAL_RETRIES) {
        return;
      }
      this.refusals.set(channel, tries + 1);
      schedule(
        () => {
          if (this.handlers.has(channel) && !this.confirmed.has(channel)) {
            this.sendSubscribe(channel);
          }
        },
        (this.options.backoff ?? defaultBackoff)(tries),
      );
    });
  }

  private setState(state: ConnectionState): void {
    if (state !== this.currentState) {
      this.currentState = state;
      this.stateListeners.forEach((listener) => listener(state));
    }
  }
}

const MAX_REFUSAL_RETRIES = 5;

function defaultUrl(ticket: string): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/ws?ticket=${encodeURIComponent(ticket)}`;
}

function defaultBackoff(attempt: number): number {
  return Math.min(1000 * 2 ** attempt, 15000);
}
