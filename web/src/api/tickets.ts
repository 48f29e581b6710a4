import type { ApiClient, ApiResponse } from './client';
import { ApiError } from './problem';

export const STATUSES = ['NEW', 'OPEN', 'PENDING', 'SOLVED', 'CLOSED'] as const;
export const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;

export type TicketStatus = (typeof STATUSES)[number];
export type TicketPriority = (typeof PRIORITIES)[number];

/** A ticket as ticket-service's TicketView sends it. */
export interface Ticket {
  id: string;
  subject: string;
  description: string;
  status: TicketStatus;
  priority: TicketPriority;
  category?: string;
  tags: string[];
  requesterId: string;
  assigneeId?: string;
  channel: string;
  createdAt: string;
  updatedAt: string;
  firstRespondedAt?: string;
  solvedAt?: string;
  version: number;
  groupId?: string;
  /** The SLA clocks; staff only, on a single ticket and on list items, absent when no policy applies. */
  sla?: TicketSla;
}

/** One SLA target's clock; `remainingSeconds` is business time, negative once due. */
export interface SlaClock {
  dueAt: string;
  atRiskAt: string;
  remainingSeconds: number;
  atRisk: boolean;
  breached: boolean;
  paused: boolean;
  stopped: boolean;
  stoppedAt?: string;
}

export interface TicketSla {
  applies: boolean;
  policyId?: string;
  policyName?: string;
  firstResponse?: SlaClock;
  resolution?: SlaClock;
}

export interface Comment {
  id: string;
  authorId: string;
  authorName: string;
  authorRole: string;
  body: string;
  internal: boolean;
  createdAt: string;
}

export interface HistoryEntry {
  id: string;
  actorId: string;
  action: string;
  changes: Record<string, unknown>;
  at: string;
}

/** A keyset page: pass `nextCursor` as `cursor` for the next one; absent on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** The list filters of GET /api/tickets; `status` and `priority` may be comma-separated. */
export interface TicketQuery {
  status?: string;
  priority?: string;
  assignee?: string;
  q?: string;
  /** `at-risk` or `breached`: tickets with an open SLA clock in that state. */
  sla?: string;
  sort?: string;
  limit?: string;
}

/** The fields PATCH /api/tickets/{id} accepts; `assigneeId: null` unassigns. */
export interface TicketChange {
  status?: TicketStatus;
  priority?: TicketPriority;
  category?: string | null;
  assigneeId?: string | null;
}

export interface NewTicket {
  subject: string;
  description: string;
  priority?: TicketPriority;
  category?: string;
}

export type Score = 'GOOD' | 'BAD';

/** The requester's satisfaction rating of a solved ticket; given once. */
export interface Rating {
  ticketId: string;
  score: Score;
  comment?: string;
  ratedAt: string;
}

/** The ticket endpoints, typed. */
export class TicketApi {
  constructor(private readonly client: ApiClient) {}

  async list(query: TicketQuery, cursor?: string): Promise<Page<Ticket>> {
    return (await this.client.get<Page<Ticket>>('/api/tickets', { ...query, cursor })).data;
  }

  read(id: string): Promise<ApiResponse<Ticket>> {
    return this.client.get<Ticket>(`/api/tickets/${encodeURIComponent(id)}`);
  }

  async raise(ticket: NewTicket): Promise<Ticket> {
    return (await this.client.post<Ticket>('/api/tickets', ticket)).data;
  }

  /** Changes a ticket if it is still at version `etag`; a 412 means someone else changed it. */
  change(id: string, etag: string, change: TicketChange): Promise<ApiResponse<Ticket>> {
    return this.client.request<Ticket>(`/api/tickets/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body: change,
      headers: { 'If-Match': etag },
    });
  }

  /** Applies a macro if the ticket is still at version `etag`; a 412 means someone else changed it. */
  applyMacro(id: string, etag: string, macroId: string): Promise<ApiResponse<unknown>> {
    return this.client.request(`/api/tickets/${encodeURIComponent(id)}/macros/${encodeURIComponent(macroId)}`, {
      method: 'POST',
      headers: { 'If-Match': etag },
    });
  }

  async comments(id: string, cursor?: string): Promise<Page<Comment>> {
    return (
      await this.client.get<Page<Comment>>(`/api/tickets/${encodeURIComponent(id)}/comments`, {
        limit: '100',
        cursor,
      })
    ).data;
  }

  async reply(id: string, body: string, internal: boolean): Promise<Comment> {
    return (await this.client.post<Comment>(`/api/tickets/${encodeURIComponent(id)}/comments`, { body, internal }))
      .data;
  }

  /** The ticket's rating, or null when it has none yet. */
  async rating(id: string): Promise<Rating | null> {
    try {
      return (await this.client.get<Rating>(`/api/tickets/${encodeURIComponent(id)}/rating`)).data;
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 404) {
        return null;
      }
      throw failure;
    }
  }

  async rate(id: string, score: Score, comment?: string): Promise<Rating> {
    return (await this.client.post<Rating>(`/api/tickets/${encodeURIComponent(id)}/rating`, { score, comment })).data;
  }

  async history(id: string, cursor?: string): Promise<Page<HistoryEntry>> {
    return (await this.client.get<Page<HistoryEntry>>(`/api/tickets/${encodeURIComponent(id)}/history`, { cursor }))
      .data;
  }
}

/** Where agents may move a ticket from each status (ticket-service's StatusPolicy for staff). */
export const STAFF_TRANSITIONS: Record<TicketStatus, TicketStatus[]> = {
  NEW: ['OPEN', 'PENDING', 'SOLVED'],
  OPEN: ['PENDING', 'SOLVED'],
  PENDING: ['OPEN', 'SOLVED'],
  SOLVED: ['OPEN', 'CLOSED'],
  CLOSED: [],
};

export function label(value: string): string {
  return value.charAt(0) + value.slice(1).toLowerCase();
}
