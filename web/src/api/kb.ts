import type { ApiClient, ApiResponse } from './client';
import type { Page } from './tickets';

export type ArticleStatus = 'DRAFT' | 'PUBLISHED';

/** An article in a list (GET /api/kb/articles). */
export interface ArticleSummary {
  id: string;
  title: string;
  category?: string;
  tags: string[];
  status: ArticleStatus;
  updatedAt: string;
  publishedAt?: string;
}

/** A whole article: `html` is rendered and sanitised by ticket-service, the only thing shown as HTML. */
export interface Article extends ArticleSummary {
  body: string;
  html: string;
  createdAt: string;
  version: number;
}

export interface ArticleQuery {
  q?: string;
  status?: ArticleStatus;
  limit?: string;
}

/** What an editor saves: a new article, or the changed fields of an existing one. */
export interface ArticleWrite {
  title?: string;
  body?: string;
  category?: string;
  tags?: string[];
  status?: ArticleStatus;
}

/** The knowledge-base endpoints, typed (docs/desk.md). */
export class KbApi {
  constructor(private readonly client: ApiClient) {}

  async search(query: ArticleQuery, cursor?: string): Promise<Page<ArticleSummary>> {
    return (await this.client.get<Page<ArticleSummary>>('/api/kb/articles', { ...query, cursor })).data;
  }

  read(id: string): Promise<ApiResponse<Article>> {
    return this.client.get<Article>(`/api/kb/articles/${encodeURIComponent(id)}`);
  }

  create(article: ArticleWrite): Promise<ApiResponse<Article>> {
    return this.client.request<Article>('/api/kb/articles', { method: 'POST', body: article });
  }

  /** Saves changes if the article is still at version `etag`; a 412 means someone else saved first. */
  edit(id: string, etag: string, change: ArticleWrite): Promise<ApiResponse<Article>> {
    return this.client.request<Article>(`/api/kb/articles/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body: change,
      headers: { 'If-Match': etag },
    });
  }

  async link(ticketId: string, articleId: string): Promise<void> {
    await this.client.post(`/api/tickets/${encodeURIComponent(ticketId)}/articles`, { articleId });
  }

  async linked(ticketId: string): Promise<LinkedArticle[]> {
    return (await this.client.get<LinkedArticle[]>(`/api/tickets/${encodeURIComponent(ticketId)}/articles`)).data;
  }
}

export interface LinkedArticle {
  articleId: string;
  title: string;
  status: ArticleStatus;
  linkedAt: string;
}
