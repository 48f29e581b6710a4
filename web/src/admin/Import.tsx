import { useState, type FormEvent } from 'react';
import { AdminApi, type ImportJob } from '../api/admin';
import { useApi } from '../api/useTicketApi';
import { ErrorMessage } from '../ui/ErrorMessage';
import { useJob } from './useJob';

const LAYOUTS: [string, string][] = [
  ['', 'Recognise from the header'],
  ['deskflow', 'Deskflow export'],
  ['endava', 'Endava tickets (ticket_id, text, category)'],
  ['endava-original', 'Endava original (title, body, urgency…)'],
  ['hadoop', 'Jira / Hadoop issues'],
];

const STATUS_TEXT: Record<ImportJob['status'], string> = {
  RUNNING: 'Importing…',
  SUCCEEDED: 'Import finished.',
  FAILED: 'Import stopped.',
};

/**
 * CSV import (POST /api/admin/imports): the file is uploaded as it is, then the job's counters
 * are shown while it runs, with the rows that were rejected and why. Re-uploading the same file
 * imports only what is missing.
 */
export function Import() {
  const api = useApi(AdminApi);
  const [file, setFile] = useState<File | null>(null);
  const [layout, setLayout] = useState('');
  const [busy, setBusy] = useState(false);
  const { job, error, started, failed } = useJob(
    (current: ImportJob) => api.importJob(current.id),
    (current) => current.status === 'RUNNING',
  );

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      return;
    }
    setBusy(true);
    failed(null);
    try {
      started(await api.startImport(file, layout || undefined));
    } catch (failure) {
      failed(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">Import tickets from CSV</h2>
      <form onSubmit={upload} className="narrow">
        <div className="field">
          <label htmlFor="import-file">CSV file (UTF-8, with a header line)</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <div className="field">
          <label htmlFor="import-layout">Layout</label>
          <select id="import-layout" value={layout} onChange={(e) => setLayout(e.target.value)}>
            {LAYOUTS.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </div>
        <ErrorMessage error={error} />
        <button type="submit" disabled={!file || busy || job?.status === 'RUNNING'}>
          {busy ? 'Uploading…' : 'Import'}
        </button>
      </form>
      {job && (
        <div className="import-job" role="status" aria-live="polite">
          <p>
            <strong>{STATUS_TEXT[job.status]}</strong> {job.failure}
          </p>
          {job.status === 'RUNNING' && <progress aria-label="Import progress" />}
          <dl className="figures">
            <div className="figure">
              <dt>Rows read</dt>
              <dd>{job.rowsRead}</dd>
            </div>
            <div className="figure">
              <dt>Imported</dt>
              <dd>{job.accepted}</dd>
            </div>
            <div className="figure">
              <dt>Already there</dt>
              <dd>{job.duplicates}</dd>
            </div>
            <div className="figure">
              <dt>Rejected</dt>
              <dd>{job.rejected}</dd>
            </div>
          </dl>
        </div>
      )}
      {job && job.rejectedRows.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption>Rejected rows</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">External id</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {job.rejectedRows.map((row) => (
                <tr key={row.line}>
                  <td>{row.line}</td>
                  <td>{row.externalId ?? '—'}</td>
                  <td>{row.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
