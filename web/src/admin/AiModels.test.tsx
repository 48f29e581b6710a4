import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ModelVersion, TrainingJob } from '../api/ai';
import { fakeGateway, json, renderAt, signedInSession } from '../test/harness';
import Admin from './Admin';

const V1: ModelVersion = {
  version: 1,
  corpusSize: 120,
  metrics: { mrrAt10: 0.61, activeMrrAt10: 0.5, keywordOnlyMrrAt10: 0.55 },
  createdAt: '2026-11-20T10:00:00Z',
  active: true,
};

function show(train: () => Response, jobs: TrainingJob[]) {
  let models = [V1];
  const gateway = fakeGateway({
    'GET /api/ai/models': () => json(models),
    'POST /api/ai/models/training-jobs': train,
    'GET /api/ai/models/training-jobs/j1': () => {
      const next = jobs.shift() as TrainingJob;
      if (next.status === 'SUCCEEDED') {
        models = [
          { ...V1, version: 2, metrics: { mrrAt10: 0.66 } },
          { ...V1, active: false },
        ];
      }
      return json(next);
    },
  });
  renderAt(<Admin />, {
    path: '/admin/ai',
    route: '/admin/*',
    session: signedInSession(['ADMIN'], 'admin-1'),
    fetchFn: gateway.fetchFn,
  });
  return gateway;
}

describe('Assistant model', () => {
  it('shows the versions with their evaluation and trains a new one', async () => {
    show(
      () => json({ id: 'j1', status: 'RUNNING', progress: 0 }, { status: 202 }),
      [
        { id: 'j1', status: 'RUNNING', progress: 0.5, message: 'training' },
        { id: 'j1', status: 'SUCCEEDED', progress: 1, modelVersion: 2 },
      ],
    );
    expect(await screen.findByRole('row', { name: /v1 .* 120 0\.610 0\.500 0\.550 Active/ })).toBeVisible();
    expect(screen.getByText('Version 1 answers, trained on 120 solved tickets.')).toBeVisible();

    await userEvent.click(screen.getByRole('button', { name: 'Train a new version' }));
    expect(await screen.findByRole('progressbar', { name: 'Training progress' })).toBeVisible();
    expect(await screen.findByText('Trained and activated.', {}, { timeout: 4000 })).toBeVisible();
    expect(await screen.findByRole('row', { name: /v2 .* 0\.660 — — Active/ })).toBeVisible();
  });

  it('explains why training could not start', async () => {
    show(
      () => json({ title: 'Conflict', status: 409, detail: 'A training job is already running.' }, { status: 409 }),
      [],
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Train a new version' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('A training job is already running.');
  });
});
