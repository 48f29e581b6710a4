import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../api/kb';
import { article } from '../test/fixtures';
import { fakeGateway, json, renderAt, signedInSession } from '../test/harness';
import { ArticlePage } from './ArticlePage';
import { KnowledgeBase } from './KnowledgeBase';

function showList(items: (q: string | null) => ArticleSummary[]) {
  const gateway = fakeGateway({
    'GET /api/kb/articles': (call) => json({ items: items(call.url.searchParams.get('q')) }),
  });
  renderAt(<KnowledgeBase />, {
    path: '/portal/kb',
    route: '/portal/kb',
    session: signedInSession(['CUSTOMER'], 'customer-1'),
    fetchFn: gateway.fetchFn,
  });
  return gateway;
}

describe('KnowledgeBase', () => {
  it('lists the articles and searches them', async () => {
    const gateway = showList((q) =>
      q === 'vpn' ? [article()] : [article(), article({ id: 'a2', title: 'Printers' })],
    );
    expect(await screen.findByRole('link', { name: 'Printers' })).toHaveAttribute('href', '/portal/kb/a2');

    await userEvent.type(screen.getByRole('searchbox', { name: 'Search the help articles' }), 'vpn');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));

    expect(await screen.findByRole('link', { name: 'Reset your VPN client' })).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Printers' })).toBeNull();
    expect(gateway.calls.at(-1)?.url.searchParams.get('q')).toBe('vpn');
  });

  it('says when nothing matches', async () => {
    showList(() => []);
    expect(await screen.findByText('There are no help articles yet.')).toBeVisible();
  });
});

describe('ArticlePage', () => {
  it('shows the server-rendered article', async () => {
    const gateway = fakeGateway({ 'GET /api/kb/articles/a1': () => json(article()) });
    renderAt(<ArticlePage />, {
      path: '/portal/kb/a1',
      route: '/portal/kb/:id',
      session: signedInSession(['CUSTOMER'], 'customer-1'),
      fetchFn: gateway.fetchFn,
    });

    expect(await screen.findByRole('heading', { level: 1, name: 'Reset your VPN client' })).toBeVisible();
    expect(screen.getByText('client')).toContainHTML('client');
    expect(screen.getByText('client').tagName).toBe('STRONG');
  });

  it('explains an unknown article', async () => {
    const gateway = fakeGateway({
      'GET /api/kb/articles/nope': () =>
        json({ title: 'Not found', status: 404, detail: 'Article nope was not found.' }, { status: 404 }),
    });
    renderAt(<ArticlePage />, {
      path: '/portal/kb/nope',
      route: '/portal/kb/:id',
      session: signedInSession(['CUSTOMER'], 'customer-1'),
      fetchFn: gateway.fetchFn,
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('Article nope was not found.');
  });
});
