import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Article } from '../api/kb';
import { article } from '../test/fixtures';
import { fakeGateway, json, renderAt, signedInSession } from '../test/harness';
import Admin from './Admin';

function show(path: string) {
  const server = { article: article({ status: 'DRAFT' }), etag: '"2"' };
  const gateway = fakeGateway({
    'GET /api/kb/articles': () => json({ items: [server.article] }),
    'GET /api/kb/articles/a1': () => json(server.article, { headers: { ETag: server.etag } }),
    'POST /api/kb/articles': (call) =>
      json({ ...article({ id: 'a9' }), ...(call.body as object) }, { status: 201, headers: { ETag: '"0"' } }),
    'PATCH /api/kb/articles/a1': (call) => {
      if (call.headers['If-Match'] !== server.etag) {
        return json({ title: 'Precondition failed', status: 412, detail: 'The article has changed.' }, { status: 412 });
      }
      server.article = { ...server.article, ...(call.body as Partial<Article>), version: server.article.version + 1 };
      server.etag = `"${server.article.version}"`;
      return json(server.article, { headers: { ETag: server.etag } });
    },
  });
  renderAt(<Admin />, {
    path,
    route: '/admin/*',
    session: signedInSession(['ADMIN'], 'admin-1'),
    fetchFn: gateway.fetchFn,
  });
  /** Another admin saves the article first. */
  const savedElsewhere = () => {
    server.article = { ...server.article, title: 'Their title', version: server.article.version + 1 };
    server.etag = `"${server.article.version}"`;
  };
  return { gateway, savedElsewhere };
}

describe('Knowledge base admin', () => {
  it('lists drafts and writes a new article in Markdown', async () => {
    const { gateway } = show('/admin/kb');
    expect(await screen.findByText('Draft')).toBeVisible();

    await userEvent.click(screen.getByRole('link', { name: 'New article' }));
    await userEvent.type(await screen.findByLabelText('Title'), 'Printer offline');
    await userEvent.type(screen.getByLabelText('Text (Markdown)'), 'Restart the **spooler**.');
    await userEvent.type(screen.getByLabelText('Tags'), 'printer, floor-3');
    await userEvent.click(screen.getByRole('radio', { name: 'Everyone (published)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save article' }));

    expect(await screen.findByText(/Saved as published/)).toBeVisible();
    expect(gateway.calls.find((call) => call.method === 'POST')?.body).toEqual({
      title: 'Printer offline',
      body: 'Restart the **spooler**.',
      tags: ['printer', 'floor-3'],
      status: 'PUBLISHED',
    });
  });

  it('saves an edit with If-Match and keeps the text on a conflict', async () => {
    const { gateway, savedElsewhere } = show('/admin/kb/a1');
    const title = await screen.findByLabelText('Title');
    expect(title).toHaveValue('Reset your VPN client');

    await userEvent.type(title, ' (Windows)');
    await userEvent.click(screen.getByRole('button', { name: 'Save article' }));
    expect(await screen.findByText(/Saved as a draft/)).toBeVisible();
    expect(gateway.calls.find((call) => call.method === 'PATCH')?.headers['If-Match']).toBe('"2"');

    savedElsewhere();
    await userEvent.type(title, '!');
    await userEvent.click(screen.getByRole('button', { name: 'Save article' }));
    expect(await screen.findByText(/Someone else saved this article/)).toBeVisible();
    expect(title).toHaveValue('Reset your VPN client (Windows)!');

    await userEvent.click(screen.getByRole('button', { name: 'Load their version' }));
    expect(await screen.findByDisplayValue('Their title')).toBeVisible();
  });
});
