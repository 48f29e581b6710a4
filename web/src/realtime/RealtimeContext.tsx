import { createContext, useContext, useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import type { ChannelHandler, ConnectionState, RealtimeClient } from './RealtimeClient';

export const RealtimeContext = createContext<RealtimeClient | null>(null);

export function RealtimeProvider({ client, children }: { client: RealtimeClient; children: ReactNode }) {
  return <RealtimeContext.Provider value={client}>{children}</RealtimeContext.Provider>;
}

/**
 * Follows `channel` while the calling component is mounted (null: follow nothing). The latest
 * handler is always used, so callers need not memoise it.
 */
export function useChannel(channel: string | null, handler: ChannelHandler): void {
  const client = useContext(RealtimeContext);
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!client || !channel) {
      return undefined;
    }
    return client.subscribe(channel, {
      onEvent: (event) => latest.current.onEvent(event),
      onReload: () => latest.current.onReload?.(),
    });
  }, [client, channel]);
}

export function useConnectionState(): ConnectionState {
  const client = useContext(RealtimeContext);
  return useSyncExternalStore(
    (listener) => client?.onState(listener) ?? (() => undefined),
    () => client?.state ?? 'idle',
  );
}
