import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeGateway, json, renderAt, signedInSession } from '../test/harness';
import { AvailabilityToggle } from './AvailabilityToggle';

function show(put: (status: string) => Response) {
  const gateway = fakeGateway({
    'GET /api/agents/me/availability': () => json({ agentId: 'agent-1', status: 'ONLINE' }),
    'PUT /api/agents/me/availability': (call) => put((call.body as { status: string }).status),
  });
  renderAt(<AvailabilityToggle />, {
    path: '/console',
    route: '/console',
    session: signedInSession(),
    fetchFn: gateway.fetchFn,
  });
  return gateway;
}

describe('AvailabilityToggle', () => {
  it('shows the agent as online and sets them away', async () => {
    const gateway = show((status) => json({ agentId: 'agent-1', status }));

    expect(await screen.findByLabelText('Availability')).toHaveValue('ONLINE');
    await userEvent.selectOptions(screen.getByLabelText('Availability'), 'AWAY');

    expect(gateway.calls.find((call) => call.method === 'PUT')?.body).toEqual({ status: 'AWAY' });
    expect(screen.getByLabelText('Availability')).toHaveValue('AWAY');
  });

  it('keeps the status the server has when a change fails, and says why', async () => {
    show(() => json({ title: 'Forbidden', status: 403, detail: 'Only agents have an availability.' }, { status: 403 }));

    await userEvent.selectOptions(await screen.findByLabelText('Availability'), 'AWAY');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your availability was not changed: Only agents have an availability.',
    );
    expect(screen.getByLabelText('Availability')).toHaveValue('ONLINE');
  });
});
