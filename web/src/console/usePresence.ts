import { useContext, useEffect, useState } from 'react';
import { useAuth } from '../auth/AuthContext';
import { RealtimeContext, useConnectionState } from '../realtime/RealtimeContext';

/** Presence expires on the server after 30 s without a `viewing` frame; repeat well within it. */
export const VIEWING_REPEAT_MS = 20_000;

export interface Presence {
  /** Other staff viewing the ticket (user ids), not counting those replying. */
  viewing: string[];
  /** Other staff composing a reply. */
  replying: string[];
}

/**
 * Tells the other agents that this one views (and, with `replying`, is replying to) the ticket,
 * and returns who else is there, from the server's `presence` frames (docs/realtime.md). The
 * screen must follow `ticket:<id>` (useTicket does) to receive them.
 */
export function usePresence(ticketId: string, replying: boolean): Presence {
  const client = useContext(RealtimeContext);
  const connection = useConnectionState();
  const { user } = useAuth();
  const [presence, setPresence] = useState<Presence>({ viewing: [], replying: [] });

  useEffect(
    () =>
      client?.onFrame((frame) => {
        if (frame.type !== 'presence' || frame.ticket !== ticketId) {
          return;
        }
        const others = (ids: string[] | undefined) => (ids ?? []).filter((id) => id !== user?.id);
        const writing = others(frame.replying);
        setPresence({ viewing: others(frame.viewers).filter((id) => !writing.includes(id)), replying: writing });
      }),
    [client, ticketId, user?.id],
  );

  useEffect(() => {
    if (!client || connection !== 'live') {
      return undefined;
    }
    const viewing = () => client.send({ type: 'viewing', ticket: ticketId, replying });
    viewing();
    const timer = setInterval(viewing, VIEWING_REPEAT_MS);
    return () => clearInterval(timer);
  }, [client, connection, ticketId, replying]);

  useEffect(() => () => void client?.send({ type: 'leave', ticket: ticketId }), [client, ticketId]);

  return presence;
}
