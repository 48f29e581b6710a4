import type { Role } from '../auth/session';
import type { ApiClient } from './client';
import type { Page } from './tickets';

/** The days a report covers (both included), counted in the IANA time zone `tz`. */
export interface ReportRange {
  from: string;
  to: string;
  tz: string;
}

export interface VolumeReport {
  days: { day: string; created: number; solved: number }[];
}

export interface BreakdownReport {
  status: Record<string, number>;
  category: Record<string, number>;
  priority: Record<string, number>;
  channel: Record<string, number>;
  total: number;
}

export interface Durations {
  count: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface TimesReport {
  created: number;
  firstResponse: Durations;
  resolution: Durations;
}

export interface BacklogReport {
  open: number;
  byAge: Record<'under1Day' | '1to3Days' | '3to7Days' | '7to30Days' | 'over30Days', number>;
  oldestCreatedAt: string | null;
}

export interface Satisfaction {
  good: number;
  bad: number;
  csat: number | null;
}

export interface AgentFigures extends Satisfaction {
  userId: string;
  name: string;
  role: string;
  openAssigned: number;
  solved: number;
}

/** One SLA target's clocks for the tickets created in a range (docs/desk.md, report `sla`). */
export interface SlaAttainment {
  met: number;
  missed: number;
  open: number;
  attainment: number | null;
}

/** Every report of GET /api/admin/reports/{name} by name (docs/desk.md). */
export interface Reports {
  volume: VolumeReport;
  breakdown: BreakdownReport;
  times: TimesReport;
  backlog: BacklogReport;
  agents: { agents: AgentFigures[] };
  csat: Satisfaction;
  sla: { firstResponse: SlaAttainment; resolution: SlaAttainment };
}

export type ReportName = keyof Reports;

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  createdAt: string;
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
}

export interface RejectedRow {
  line: number;
  externalId?: string;
  reason: string;
}

export interface ImportJob {
  id: string;
  layout: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  rowsRead: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  failure?: string;
  createdAt: string;
  finishedAt?: string;
  rejectedRows: RejectedRow[];
}

/** The admin endpoints of ticket-service the dashboard uses, typed. */
export class AdminApi {
  constructor(private readonly client: ApiClient) {}

  async report<N extends ReportName>(name: N, range: ReportRange): Promise<Reports[N]> {
    return (await this.client.get<Reports[N]>(`/api/admin/reports/${name}`, { ...range })).data;
  }

  async users(role: Role | undefined, cursor?: string): Promise<Page<UserView>> {
    return (await this.client.get<Page<UserView>>('/api/admin/users', { role, cursor, limit: '50' })).data;
  }

  async invite(user: NewUser): Promise<UserView> {
    return (await this.client.post<UserView>('/api/admin/users', user)).data;
  }

  async setActive(id: string, active: boolean): Promise<UserView> {
    return (
      await this.client.request<UserView>(`/api/admin/users/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body: { active },
      })
    ).data;
  }

  /** Uploads a CSV file; the import then runs in the background (poll {@link importJob}). */
  async startImport(file: Blob, layout?: string): Promise<ImportJob> {
    return (
      await this.client.request<ImportJob>('/api/admin/imports', {
        method: 'POST',
        body: file,
        contentType: 'text/csv',
        query: { layout },
      })
    ).data;
  }

  async importJob(id: string): Promise<ImportJob> {
    return (await this.client.get<ImportJob>(`/api/admin/imports/${encodeURIComponent(id)}`)).data;
  }
}
