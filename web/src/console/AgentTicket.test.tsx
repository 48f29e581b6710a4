import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Ticket } from '../api/tickets';
import { comment, ticket } from '../test/fixtures';
import { fakeGateway, json, renderAt, signedInSession } from '../test/harness';
import { AgentTicket } from './AgentTicket';

function desk(initial: Ticket) {
  const server = { ticket: initial, etag: `"${initial.version}"` };
  const comments = [
    comment({ id: 'c1', body: 'It happened again this morning.' }),
    comment({
      id: 'c2',
      authorId: 'agent-2',
      authorName: 'Alex Agent',
      authorRole: 'AGENT',
      body: 'Probably the DHCP lease.',
      internal: true,
    }),
  ];
  const gateway = fakeGateway({
    'GET /api/tickets/t1': () => json(server.ticket, { headers: { ETag: server.etag } }),
    'GET /api/tickets/t1/comments': () => json({ items: comments }),
    'GET /api/tickets/t1/history': () => json({ items: [] }),
    'GET /api/admin/macros': () =>
      json({
        items: [
          { id: 'm1', name: 'Ask for logs', actions: { status: 'PENDING' }, reply: { body: 'Please send the logs.' } },
        ],
      }),
    'POST /api/tickets/t1/macros/m1': (call) => {
      if (call.headers['If-Match'] !== server.etag) {
        return json({ title: 'Precondition failed', status: 412, detail: 'The ticket has changed.' }, { status: 412 });
      }
      server.ticket = { ...server.ticket, status: 'PENDING', version: server.ticket.version + 1 };
      server.etag = `"${server.ticket.version}"`;
      comments.push(comment({ id: 'c9', authorId: 'agent-1', authorName: 'Ann Agent', body: 'Please send the logs.' }));
      return json(
        { ticketId: 't1', version: server.ticket.version, status: 'PENDING' },
        { headers: { ETag: server.etag } },
      );
    },
    'PATCH /api/tickets/t1': (call) => {
      if (call.headers['If-Match'] !== server.etag) {
        return json({ title: 'Precondition failed', status: 412, detail: 'The ticket has changed.' }, { status: 412 });
      }
      server.ticket = { ...server.ticket, ...(call.body as Partial<Ticket>), version: server.ticket.version + 1 };
      server.etag = `"${server.ticket.version}"`;
      return json(server.ticket, { headers: { ETag: server.etag } });
    },
    'POST /api/tickets/t1/comments': (call) => {
      const { body, internal } = call.body as { body: string; internal: boolean };
      if (!internal && server.ticket.status === 'NEW') {
        // the first public reply opens the ticket: a new version
        server.ticket = { ...server.ticket, status: 'OPEN', version: server.ticket.version + 1 };
        server.etag = `"${server.ticket.version}"`;
      }
      return json(comment({ id: 'c3', authorId: 'agent-1', authorName: 'Ann Agent', body, internal }), { status: 201 });
    },
  });
  /** Someone else saves a change behind this agent's back. */
  const changeElsewhere = (change: Partial<Ticket>) => {
    server.ticket = { ...server.ticket, ...change, version: server.ticket.version + 1 };
    server.etag = `"${server.ticket.version}"`;
  };
  renderAt(<AgentTicket />, {
    path: '/console/tickets/t1',
    route: '/console/tickets/:id',
    session: signedInSession(),
    fetchFn: gateway.fetchFn,
  });
  return { gateway, changeElsewhere, server };
}

describe('AgentTicket', () => {
  it('shows the conversation with internal notes marked as such', async () => {
    desk(ticket());

    const conversation = await screen.findByRole('list', { name: 'Conversation' });
    const [reply, note] = within(conversation).getAllByRole('listitem');
    expect(reply).not.toHaveTextContent('Internal note');
    expect(note).toHaveTextContent('Internal note · Alex Agent');
    expect(note).toHaveClass('internal');
  });

  it('saves a change with the version it was made against', async () => {
    const { gateway, server } = desk(ticket({ status: 'OPEN' }));
    await screen.findByRole('heading', { name: 'VPN drops every hour' });

    await userEvent.selectOptions(screen.getByLabelText('Status'), 'PENDING');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    const patch = gateway.calls.find((call) => call.method === 'PATCH');
    expect(patch?.headers['If-Match']).toBe('"1"');
    expect(patch?.body).toEqual({ status: 'PENDING' });
    expect(await screen.findByRole('button', { name: 'Save changes' })).toBeDisabled();
    expect(server.ticket.status).toBe('PENDING');
    expect(screen.getByLabelText('Status')).toHaveValue('PENDING');
  });

  it('on a conflict shows what the other person changed and keeps the edit to save again', async () => {
    const { changeElsewhere, server } = desk(ticket({ status: 'OPEN', priority: 'NORMAL' }));
    await screen.findByRole('heading', { name: 'VPN drops every hour' });
    await userEvent.selectOptions(screen.getByLabelText('Priority'), 'HIGH');

    changeElsewhere({ status: 'PENDING', assigneeId: 'agent-2' });
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This ticket changed before you saved');
    expect(within(alert).getByText('Status: Open → Pending')).toBeVisible();
    expect(within(alert).getByText('Assignee: nobody → another agent')).toBeVisible();
    expect(screen.getByLabelText('Priority')).toHaveValue('HIGH');
    expect(server.ticket.priority).toBe('NORMAL');

    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    await screen.findByText('Assignee: another agent');
    expect(server.ticket).toMatchObject({ status: 'PENDING', priority: 'HIGH', assigneeId: 'agent-2' });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('writes an internal note when the agent chooses one', async () => {
    const { gateway } = desk(ticket());
    await screen.findByRole('list', { name: 'Conversation' });

    await userEvent.click(screen.getByRole('radio', { name: 'Internal note' }));
    await userEvent.type(screen.getByLabelText('Internal note (only agents see it)'), 'Checked the logs.');
    await userEvent.click(screen.getByRole('button', { name: 'Send internal note' }));

    expect(gateway.calls.find((call) => call.method === 'POST')?.body).toEqual({
      body: 'Checked the logs.',
      internal: true,
    });
    const added = await screen.findByText('Checked the logs.');
    expect(added.closest('li')).toHaveTextContent('Internal note · Ann Agent');
  });

  it('takes the new version after its own reply moved the ticket, so the next save is not refused', async () => {
    const { gateway, server } = desk(ticket({ status: 'NEW' }));
    await screen.findByRole('list', { name: 'Conversation' });

    await userEvent.type(screen.getByLabelText('Your reply'), 'Looking into it.');
    await userEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    await screen.findByText('Looking into it.');
    // the reply is done (box emptied) once the ticket has been read again
    await vi.waitFor(() => expect(screen.getByLabelText('Your reply')).toHaveValue(''));
    expect(screen.getAllByText('Open')[0]).toBeVisible();
    await userEvent.selectOptions(screen.getByLabelText('Priority'), 'HIGH');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    await vi.waitFor(() => expect(server.ticket.priority).toBe('HIGH'));
    expect(gateway.calls.find((call) => call.method === 'PATCH')?.headers['If-Match']).toBe('"2"');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('assigns the ticket to the agent', async () => {
    const { gateway } = desk(ticket());
    await screen.findByText('Assignee: nobody');

    await userEvent.click(screen.getByRole('button', { name: 'Assign to me' }));

    expect(await screen.findByText('Assignee: you')).toBeVisible();
    expect(gateway.calls.find((call) => call.method === 'PATCH')?.body).toEqual({ assigneeId: 'agent-1' });
    expect(screen.getByRole('button', { name: 'Unassign' })).toBeVisible();
  });

  it('shows the SLA clocks in words: due time, business time left and state', async () => {
    const clock = { atRiskAt: '2026-11-23T11:00:00Z', atRisk: false, breached: false, paused: false, stopped: false };
    desk(
      ticket({
        sla: {
          applies: true,
          policyName: 'Urgent 1h',
          firstResponse: { ...clock, dueAt: '2026-11-23T11:00:00Z', remainingSeconds: -3900, breached: true },
          resolution: { ...clock, dueAt: '2026-11-24T10:00:00Z', remainingSeconds: 7500, atRisk: true },
        },
      }),
    );

    const targets = await screen.findByRole('list', { name: 'SLA targets' });
    const [first, resolution] = within(targets).getAllByRole('listitem');
    expect(screen.getByText('Policy: Urgent 1h')).toBeVisible();
    expect(first).toHaveTextContent('First response Breached');
    expect(first).toHaveTextContent('overdue by 1 h 5 min of business time');
    expect(resolution).toHaveTextContent('Resolution At risk');
    expect(resolution).toHaveTextContent('2 h 5 min of business time left');
  });

  it('shows no SLA section when no policy applies', async () => {
    desk(ticket());
    await screen.findByRole('list', { name: 'Conversation' });

    expect(screen.queryByRole('heading', { name: 'SLA' })).toBeNull();
  });

  it('applies a macro with the version on screen and shows its result', async () => {
    const { gateway } = desk(ticket({ status: 'OPEN' }));
    await screen.findByRole('heading', { name: 'VPN drops every hour' });

    await userEvent.selectOptions(await screen.findByLabelText('Macro'), 'Ask for logs');
    expect(screen.getByText('Adds a public reply: Please send the logs.')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Apply macro' }));

    expect(await screen.findByText('Please send the logs.', { selector: '.comment-body, p' })).toBeVisible();
    await vi.waitFor(() => expect(screen.getByLabelText('Status')).toHaveValue('PENDING'));
    expect(gateway.calls.find((call) => call.url.pathname.endsWith('/macros/m1'))?.headers['If-Match']).toBe('"1"');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('on a conflict a macro is not applied and what changed is shown', async () => {
    const { changeElsewhere, server } = desk(ticket({ status: 'OPEN' }));
    await screen.findByRole('heading', { name: 'VPN drops every hour' });
    await userEvent.selectOptions(await screen.findByLabelText('Macro'), 'Ask for logs');

    changeElsewhere({ priority: 'URGENT' });
    await userEvent.click(screen.getByRole('button', { name: 'Apply macro' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This ticket changed before you saved');
    expect(within(alert).getByText('Priority: Normal → Urgent')).toBeVisible();
    expect(server.ticket.status).toBe('OPEN');
  });
});
