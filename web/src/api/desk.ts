import type { ApiClient, ApiResponse } from './client';
import { ApiError } from './problem';
import type { TicketPriority, TicketStatus } from './tickets';

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export const CHANNELS = ['WEB', 'EMAIL', 'API', 'PHONE', 'IMPORT'] as const;
export const ROUTING_MODES = ['ROUND_ROBIN', 'LEAST_LOADED'] as const;
export const TRIGGER_EVENTS = ['CREATED', 'UPDATED', 'CREATED_OR_UPDATED'] as const;

export type Weekday = (typeof WEEKDAYS)[number];
export type Channel = (typeof CHANNELS)[number];
export type RoutingMode = (typeof ROUTING_MODES)[number];
export type TriggerEvent = (typeof TRIGGER_EVENTS)[number];

/** The tenant's business calendar: working windows (`"09:00-17:00"`) per weekday and holidays. */
export interface SlaCalendar {
  zone: string;
  hours: Partial<Record<Weekday, string[]>>;
  holidays: string[];
}

export interface Escalation {
  raisePriority?: boolean;
  assigneeId?: string;
  unassign?: boolean;
}

/** An SLA policy as written; targets and at-risk time are business minutes. */
export interface SlaPolicyRequest {
  name: string;
  order?: number;
  priorities: TicketPriority[];
  category?: string;
  tags?: string[];
  firstResponseMinutes?: number;
  resolutionMinutes?: number;
  atRiskMinutes?: number;
  escalation?: Escalation;
}

export interface SlaPolicy extends SlaPolicyRequest {
  id: string;
  order: number;
  atRiskMinutes: number;
  updatedAt: string;
  /** Its ETag's value: replacing or deleting it sends it back as If-Match. */
  version: number;
}

export interface GroupRequest {
  name: string;
  routing: RoutingMode;
  capacity: number;
  members: string[];
}

export interface Group extends GroupRequest {
  id: string;
}

/** What a macro or trigger does to a ticket (a trigger may not set the status). */
export interface TicketActions {
  status?: TicketStatus;
  priority?: TicketPriority;
  category?: string;
  addTags?: string[];
  removeTags?: string[];
  groupId?: string;
}

export interface MacroRequest {
  name: string;
  actions?: TicketActions;
  reply?: { body: string; internal?: boolean };
}

export interface Macro extends MacroRequest {
  id: string;
}

export interface TriggerConditions {
  priority?: TicketPriority[];
  status?: TicketStatus[];
  channel?: Channel[];
  category?: string[];
  tags?: string[];
  subjectContains?: string;
}

export interface TriggerRequest {
  name: string;
  event: TriggerEvent;
  active: boolean;
  position?: number;
  conditions?: TriggerConditions;
  actions: TicketActions;
}

export interface Trigger extends TriggerRequest {
  id: string;
  position: number;
}

export type Availability = 'ONLINE' | 'AWAY';

/** A list the desk's admin endpoints answer (at most a few hundred items, no paging). */
export interface Items<T> {
  items: T[];
}

/** The If-Match header for a write of what was read at `version`; none for unversioned resources. */
function ifMatch(version: number | undefined): Record<string, string> | undefined {
  return version === undefined ? undefined : { 'If-Match': `"${version}"` };
}

/**
 * A resource of the desk's admin API with list, create, replace and delete. Versioned resources
 * (SLA policies) are replaced and deleted with the version read (If-Match): a 412 means someone
 * else changed it since.
 */
export class Collection<T, R> {
  constructor(
    private readonly client: ApiClient,
    private readonly path: string,
  ) {}

  async list(): Promise<Items<T>> {
    return (await this.client.get<Items<T>>(this.path)).data;
  }

  async save(request: R, id?: string, version?: number): Promise<T> {
    const target = id === undefined ? this.path : `${this.path}/${encodeURIComponent(id)}`;
    const method = id === undefined ? 'POST' : 'PUT';
    return (await this.client.request<T>(target, { method, body: request, headers: ifMatch(version) })).data;
  }

  async remove(id: string, version?: number): Promise<void> {
    await this.client.request(`${this.path}/${encodeURIComponent(id)}`, {
      method: 'DELETE',
      headers: ifMatch(version),
    });
  }
}

/** The desk endpoints of ticket-service (docs/desk.md): SLA, groups, macros, triggers, availability. */
export class DeskApi {
  readonly policies: Collection<SlaPolicy, SlaPolicyRequest>;
  readonly groups: Collection<Group, GroupRequest>;
  readonly macros: Collection<Macro, MacroRequest>;
  readonly triggers: Collection<Trigger, TriggerRequest>;

  constructor(private readonly client: ApiClient) {
    this.policies = new Collection(client, '/api/admin/sla/policies');
    this.groups = new Collection(client, '/api/admin/groups');
    this.macros = new Collection(client, '/api/admin/macros');
    this.triggers = new Collection(client, '/api/admin/triggers');
  }

  /** The tenant's calendar and its ETag, or null when it has none (every hour counts: 24×7). */
  async calendar(): Promise<ApiResponse<SlaCalendar> | null> {
    try {
      return await this.client.get<SlaCalendar>('/api/admin/sla/calendar');
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 404) {
        return null;
      }
      throw failure;
    }
  }

  /**
   * Creates the calendar (`etag` null) or replaces the version read; a 412 means someone else
   * changed or removed it since, a 428 that someone else created one.
   */
  async saveCalendar(calendar: SlaCalendar, etag: string | null): Promise<ApiResponse<SlaCalendar>> {
    return this.client.request<SlaCalendar>('/api/admin/sla/calendar', {
      method: 'PUT',
      body: calendar,
      headers: etag === null ? undefined : { 'If-Match': etag },
    });
  }

  async clearCalendar(etag: string): Promise<void> {
    await this.client.request('/api/admin/sla/calendar', { method: 'DELETE', headers: { 'If-Match': etag } });
  }

  async availability(): Promise<Availability> {
    return (await this.client.get<{ status: Availability }>('/api/agents/me/availability')).data.status;
  }

  async setAvailability(status: Availability): Promise<Availability> {
    return (
      await this.client.request<{ status: Availability }>('/api/agents/me/availability', {
        method: 'PUT',
        body: { status },
      })
    ).data.status;
  }
}
