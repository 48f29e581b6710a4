import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ImportJob } from '../api/admin';
import { fakeGateway, json, renderAt, signedInSession } from '../test/harness';
import Admin from './Admin';

function job(overrides: Partial<ImportJob>): ImportJob {
  return {
    id: 'j1',
    layout: 'endava',
    status: 'RUNNING',
    rowsRead: 0,
    accepted: 0,
    duplicates: 0,
    rejected: 0,
    createdAt: '2026-11-23T10:00:00Z',
    rejectedRows: [],
    ...overrides,
  };
}

describe('Import', () => {
  it('uploads the file and shows the progress until the job ends', async () => {
    const reads = [
      job({ rowsRead: 500, accepted: 499, rejected: 1 }),
      job({
        status: 'SUCCEEDED',
        rowsRead: 800,
        accepted: 798,
        rejected: 2,
        rejectedRows: [{ line: 7, externalId: 'T-7', reason: 'priority: unknown value "P9"' }],
      }),
    ];
    const gateway = fakeGateway({
      'POST /api/admin/imports': () => json(job({}), { status: 202 }),
      'GET /api/admin/imports/j1': () => json(reads.shift() ?? job({ status: 'SUCCEEDED' })),
    });
    renderAt(<Admin />, {
      path: '/admin/import',
      route: '/admin/*',
      session: signedInSession(['ADMIN'], 'admin-1'),
      fetchFn: gateway.fetchFn,
    });

    const file = new File(['ticket_id,text,category\n1,VPN,network\n'], 'tickets.csv', { type: 'text/csv' });
    await userEvent.upload(screen.getByLabelText('CSV file (UTF-8, with a header line)'), file);
    await userEvent.selectOptions(screen.getByLabelText('Layout'), 'endava');
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));

    expect(await screen.findByText('Importing…')).toBeVisible();
    expect(await screen.findByText('Import finished.', {}, { timeout: 4000 })).toBeVisible();
    expect(screen.getByText('Imported').nextSibling).toHaveTextContent('798');
    expect(screen.getByRole('row', { name: '7 T-7 priority: unknown value "P9"' })).toBeVisible();
    const upload = gateway.calls.find((call) => call.method === 'POST');
    expect(upload?.url.searchParams.get('layout')).toBe('endava');
    expect(upload?.headers['Content-Type']).toBe('text/csv');
    expect(upload?.body).toBe(file);
  });

  it('explains a refused file', async () => {
    const gateway = fakeGateway({
      'POST /api/admin/imports': () =>
        json(
          { title: 'Invalid request', status: 400, detail: 'The header lacks the columns subject, description.' },
          { status: 400 },
        ),
    });
    renderAt(<Admin />, {
      path: '/admin/import',
      route: '/admin/*',
      session: signedInSession(['ADMIN'], 'admin-1'),
      fetchFn: gateway.fetchFn,
    });
    await userEvent.upload(
      screen.getByLabelText('CSV file (UTF-8, with a header line)'),
      new File(['a,b\n'], 'x.csv', { type: 'text/csv' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The header lacks the columns subject, description.');
  });
});
