import { useEffect, useState, type FormEvent } from 'react';
import {
  AdminApi,
  type Durations,
  type ReportRange,
  type Reports as AllReports,
  type SlaAttainment,
} from '../api/admin';
import { label } from '../api/tickets';
import { useApi } from '../api/useTicketApi';
import { ErrorMessage } from '../ui/ErrorMessage';
import { BarChart, VolumeChart, type Bar } from './charts';

/** The day `days` before today in `tz`, as YYYY-MM-DD. */
export function dayIn(tz: string, daysBack = 0): string {
  const date = new Date(Date.now() - daysBack * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    date,
  );
}

function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function duration(seconds: number | null): string {
  if (seconds === null) {
    return '—';
  }
  if (seconds < 3600) {
    return `${Math.round(seconds / 60)} min`;
  }
  if (seconds < 86_400 * 2) {
    return `${(seconds / 3600).toFixed(1)} h`;
  }
  return `${(seconds / 86_400).toFixed(1)} days`;
}

function bars(counts: Record<string, number>, labelled = false): Bar[] {
  return Object.entries(counts).map(([name, value]) => ({ label: labelled ? label(name) : name, value }));
}

const AGES: [keyof AllReports['backlog']['byAge'], string][] = [
  ['under1Day', 'under 1 day'],
  ['1to3Days', '1–3 days'],
  ['3to7Days', '3–7 days'],
  ['7to30Days', '7–30 days'],
  ['over30Days', 'over 30 days'],
];

const NAMES = ['volume', 'breakdown', 'times', 'backlog', 'agents', 'csat', 'sla'] as const;

/**
 * The report figures (GET /api/admin/reports/{name}) for a date range counted in a time zone:
 * headline figures, then charts of volume, breakdowns and backlog age, and the agents' table.
 */
export function Reports() {
  const api = useApi(AdminApi);
  const [range, setRange] = useState<ReportRange>(() => {
    const tz = browserZone();
    return { from: dayIn(tz, 29), to: dayIn(tz), tz };
  });
  const [form, setForm] = useState(range);
  const [reports, setReports] = useState<AllReports | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const zones = Intl.supportedValuesOf('timeZone');

  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(null);
    Promise.all(NAMES.map((name) => api.report(name, range))).then(
      (answers) => {
        if (current) {
          setReports(Object.fromEntries(NAMES.map((name, index) => [name, answers[index]])) as unknown as AllReports);
          setLoading(false);
        }
      },
      (failure: unknown) => {
        if (current) {
          setError(failure);
          setLoading(false);
        }
      },
    );
    return () => {
      current = false;
    };
  }, [api, range]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setRange({ from: form.from, to: form.to, tz: form.tz.trim() });
  };

  return (
    <section aria-labelledby="reports-title">
      <h2 id="reports-title">Reports</h2>
      <form onSubmit={submit} className="filters report-filters" aria-label="Report range">
        <label>
          From
          <input type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} required />
        </label>
        <label>
          To
          <input type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} required />
        </label>
        <label>
          Time zone
          <input
            list="time-zones"
            value={form.tz}
            onChange={(e) => setForm({ ...form, tz: e.target.value })}
            required
          />
        </label>
        <datalist id="time-zones">
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <button type="submit">Show</button>
      </form>
      <ErrorMessage error={error} />
      {loading && <p role="status">Loading the reports…</p>}
      {reports && !error && <Figures reports={reports} />}
    </section>
  );
}

function TimeFigure({ name, figures }: { name: string; figures: Durations }) {
  return (
    <div className="figure">
      <dt>{name}</dt>
      <dd>
        {duration(figures.medianSeconds)} <span className="muted">median, {duration(figures.p90Seconds)} p90</span>
      </dd>
    </div>
  );
}

/** An SLA target's attainment: the share met of the decided clocks, with the counts in words. */
function SlaFigure({ name, figures }: { name: string; figures: SlaAttainment }) {
  return (
    <div className="figure">
      <dt>{name}</dt>
      <dd>
        {figures.attainment === null ? '—' : `${Math.round(figures.attainment * 100)} %`}{' '}
        <span className="muted">
          {figures.met} met, {figures.missed} missed, {figures.open} open
        </span>
      </dd>
    </div>
  );
}

function Figures({ reports }: { reports: AllReports }) {
  const { breakdown, times, backlog, csat, agents, volume, sla } = reports;
  const rated = csat.good + csat.bad;
  return (
    <>
      <dl className="figures" aria-label="Headline figures">
        <div className="figure">
          <dt>Tickets created</dt>
          <dd>{breakdown.total}</dd>
        </div>
        <div className="figure">
          <dt>Open now</dt>
          <dd>{backlog.open}</dd>
        </div>
        <TimeFigure name="First response" figures={times.firstResponse} />
        <TimeFigure name="Resolution" figures={times.resolution} />
        <div className="figure">
          <dt>Satisfaction (CSAT)</dt>
          <dd>
            {csat.csat === null ? '—' : `${Math.round(csat.csat * 100)} %`}{' '}
            <span className="muted">
              {rated} rating{rated === 1 ? '' : 's'}
            </span>
          </dd>
        </div>
        <SlaFigure name="First response within SLA" figures={sla.firstResponse} />
        <SlaFigure name="Resolution within SLA" figures={sla.resolution} />
      </dl>
      <div className="charts">
        <VolumeChart days={volume.days} />
        <BarChart title="By status" bars={bars(breakdown.status, true)} empty="No tickets in this range." />
        <BarChart title="By priority" bars={bars(breakdown.priority, true)} empty="No tickets in this range." />
        <BarChart title="By category" bars={bars(breakdown.category)} empty="No tickets in this range." />
        <BarChart
          title="Open tickets by age"
          bars={AGES.map(([key, text]) => ({ label: text, value: backlog.byAge[key] }))}
          empty="No open tickets."
        />
      </div>
      <h3>Agents</h3>
      {agents.agents.length === 0 ? (
        <p className="empty">No agents yet.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Agents in this range</caption>
            <thead>
              <tr>
                <th scope="col">Agent</th>
                <th scope="col">Open assigned</th>
                <th scope="col">Solved</th>
                <th scope="col">CSAT</th>
              </tr>
            </thead>
            <tbody>
              {agents.agents.map((agent) => (
                <tr key={agent.userId}>
                  <th scope="row">{agent.name}</th>
                  <td>{agent.openAssigned}</td>
                  <td>{agent.solved}</td>
                  <td>
                    {agent.csat === null ? '—' : `${Math.round(agent.csat * 100)} %`} ({agent.good + agent.bad})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
