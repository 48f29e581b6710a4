import type { Article } from '../api/kb';
import type { Comment, Ticket } from '../api/tickets';

/** A ticket as the API answers it, with `overrides`. */
export function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: 't1',
    subject: 'VPN drops every hour',
    description: 'Since Monday the VPN disconnects.',
    status: 'OPEN',
    priority: 'NORMAL',
    tags: [],
    requesterId: 'customer-1',
    channel: 'WEB',
    createdAt: '2026-11-23T10:00:00Z',
    updatedAt: '2026-11-23T10:00:00Z',
    version: 1,
    ...overrides,
  };
}

export function comment(overrides: Partial<Comment> = {}): Comment {
  return {
    id: 'c1',
    authorId: 'customer-1',
    authorName: 'Casey Customer',
    authorRole: 'CUSTOMER',
    body: 'It happened again this morning.',
    internal: false,
    createdAt: '2026-11-23T10:05:00Z',
    ...overrides,
  };
}

/** A published article as GET /api/kb/articles/{id} answers it. */
export function article(overrides: Partial<Article> = {}): Article {
  return {
    id: 'a1',
    title: 'Reset your VPN client',
    category: 'network',
    tags: [],
    status: 'PUBLISHED',
    updatedAt: '2026-11-20T10:00:00Z',
    createdAt: '2026-11-20T10:00:00Z',
    body: '# Reset\n\nQuit the client.',
    html: '<h1>Reset</h1><p>Quit the <strong>client</strong>.</p>',
    version: 2,
    ...overrides,
  };
}
