import type { Reports } from '../api/admin';

/** Report answers as ticket-service gives them, for the dashboard's tests. */
export const REPORTS: Reports = {
  volume: {
    days: [
      { day: '2026-11-22', created: 4, solved: 1 },
      { day: '2026-11-23', created: 6, solved: 3 },
    ],
  },
  breakdown: {
    status: { NEW: 3, OPEN: 4, SOLVED: 3 },
    category: { network: 6, '(none)': 4 },
    priority: { NORMAL: 8, HIGH: 2 },
    channel: { WEB: 10 },
    total: 10,
  },
  times: {
    created: 10,
    firstResponse: { count: 7, medianSeconds: 1800, p90Seconds: 7200 },
    resolution: { count: 4, medianSeconds: 86_400, p90Seconds: 259_200 },
  },
  backlog: {
    open: 7,
    byAge: { under1Day: 5, '1to3Days': 2, '3to7Days': 0, '7to30Days': 0, over30Days: 0 },
    oldestCreatedAt: '2026-11-22T08:00:00Z',
  },
  agents: {
    agents: [
      { userId: 'agent-1', name: 'Ann Agent', role: 'AGENT', openAssigned: 3, solved: 4, good: 3, bad: 1, csat: 0.75 },
    ],
  },
  csat: { good: 3, bad: 1, csat: 0.75 },
  sla: {
    firstResponse: { met: 6, missed: 2, open: 2, attainment: 0.75 },
    resolution: { met: 3, missed: 0, open: 7, attainment: 1 },
  },
};
