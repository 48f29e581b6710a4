import { useCallback, useEffect, useState } from 'react';
import type { Comment, Ticket, TicketApi } from '../api/tickets';
import { useTicketApi } from '../api/useTicketApi';
import { useAuth } from '../auth/AuthContext';
import { useChannel } from '../realtime/RealtimeContext';

export interface LoadedTicket {
  ticket: Ticket | null;
  /** The version of `ticket`, to send as If-Match. */
  etag: string | null;
  comments: Comment[];
  error: unknown;
  api: TicketApi;
  /** Takes a ticket the server just answered (after a change) with its new ETag. */
  accept(ticket: Ticket, etag: string | null): void;
  /** Reads the ticket again; resolves with what the server has now. */
  refetch(): Promise<{ ticket: Ticket; etag: string | null }>;
  /** Reads the ticket and its conversation again (after a macro changed both). */
  reload(): Promise<void>;
  /** Sends a reply or internal note, shows it, and reads the ticket again (a reply may change it). */
  reply(body: string, internal: boolean): Promise<void>;
}

/**
 * A ticket with its conversation, kept current over the realtime channel `ticket:<id>`:
 * replies and notes appear as they are written; a change by someone else (not by this user) is passed to
 * `onChangedElsewhere` with the ticket as it was and as it is now.
 */
export function useTicket(id: string, onChangedElsewhere?: (before: Ticket, after: Ticket) => void): LoadedTicket {
  const { user } = useAuth();
  const api = useTicketApi();
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [etag, setEtag] = useState<string | null>(null);
  const [comments, setComments] = useState<Comment[]>([]);
  const [error, setError] = useState<unknown>(null);

  const refetch = useCallback(async () => {
    const { data, etag: version } = await api.read(id);
    setTicket(data);
    setEtag(version);
    return { ticket: data, etag: version };
  }, [api, id]);

  const loadComments = useCallback(async () => {
    const all: Comment[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.comments(id, cursor);
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== undefined && all.length < 1000);
    setComments(all);
  }, [api, id]);

  useEffect(() => {
    setTicket(null);
    setComments([]);
    setError(null);
    Promise.all([refetch(), loadComments()]).catch(setError);
  }, [refetch, loadComments]);

  useChannel(`ticket:${id}`, {
    onEvent: (event) => {
      if (event.eventType === 'ticket.commented') {
        loadComments().catch(setError);
        return;
      }
      const before = ticket;
      const byMe = ['changedBy', 'updatedBy', 'assignedBy'].some((actor) => event.data[actor] === user?.id);
      refetch().then(({ ticket: after }) => {
        if (before && !byMe && after.version !== before.version) {
          onChangedElsewhere?.(before, after);
        }
      }, setError);
    },
    onReload: () => {
      Promise.all([refetch(), loadComments()]).catch(setError);
    },
  });

  return {
    ticket,
    etag,
    comments,
    error,
    api,
    refetch,
    async reload() {
      await Promise.all([refetch(), loadComments()]);
    },
    accept: (next, version) => {
      setTicket(next);
      setEtag(version);
    },
    async reply(body, internal) {
      const comment = await api.reply(id, body, internal);
      setComments((previous) => (previous.some((c) => c.id === comment.id) ? previous : [...previous, comment]));
      // a reply can move the ticket (first response, back to OPEN): take its new version before
      // the reply counts as done, or the next change would be refused with 412
      await refetch();
    },
  };
}
