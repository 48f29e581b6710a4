import { ApiError, networkProblem, problemFrom } from './problem';
import type { Session, Tokens } from '../auth/session';

/** A successful answer: the body and the ETag (the version to send back as If-Match). */
export interface ApiResponse<T> {
  data: T;
  etag: string | null;
  status: number;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON, unless it is a Blob (a file), which is sent as it is with `contentType`. */
  body?: unknown;
  contentType?: string;
  query?: Record<string, string | undefined>;
  headers?: Record<string, string>;
}

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/**
 * The one way the SPA talks to the gateway: JSON in and out, the bearer token on every call, one
 * refresh and retry when the access token has expired (concurrent calls share that refresh), and
 * every failure turned into an {@link ApiError} carrying the server's problem detail.
 */
export class ApiClient {
  private refreshing: Promise<boolean> | null = null;

  constructor(
    private readonly session: Session,
    private readonly fetchFn: Fetch = (input, init) => fetch(input, init),
    private readonly baseUrl = '',
  ) {}

  async request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const sentWith = this.session.tokens;
    let response = await this.send(path, options, sentWith);
    if (response.status === 401 && sentWith !== null && (await this.refreshAfter(sentWith))) {
      response = await this.send(path, options, this.session.tokens);
    }
    if (!response.ok) {
      const problem = await problemFrom(response);
      if (response.status === 401 && sentWith !== null) {
        this.session.clear();
      }
      throw new ApiError(problem);
    }
    // 201/200 without a body (e.g. linking an article) as well as 204 have no data
    const text = response.status === 204 ? '' : await response.text();
    const data = (text === '' ? undefined : JSON.parse(text)) as T;
    return { data, etag: response.headers.get('ETag'), status: response.status };
  }

  async get<T>(path: string, query?: Record<string, string | undefined>): Promise<ApiResponse<T>> {
    return this.request<T>(path, query ? { query } : {});
  }

  async post<T>(path: string, body: unknown): Promise<ApiResponse<T>> {
    return this.request<T>(path, { method: 'POST', body });
  }

  private async send(path: string, options: RequestOptions, tokens: Tokens | null): Promise<Response> {
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      ...options.headers,
    };
    const raw = options.body instanceof Blob;
    if (options.body !== undefined) {
      headers['Content-Type'] = options.contentType ?? (raw ? 'application/octet-stream' : 'application/json');
    }
    if (tokens) {
      headers.Authorization = `Bearer ${tokens.accessToken}`;
    }
    const init: RequestInit = { method: options.method ?? 'GET', headers };
    if (options.body !== undefined) {
      init.body = raw ? (options.body as Blob) : JSON.stringify(options.body);
    }
    try {
      return await this.fetchFn(this.baseUrl + path + queryString(options.query), init);
    } catch {
      throw new ApiError(networkProblem());
    }
  }

  /**
   * Refreshes once for every call that failed with the same expired token; a refresh token is
   * usable only once, so two concurrent refreshes would revoke the session.
   */
  private refreshAfter(expired: Tokens): Promise<boolean> {
    if (this.session.tokens !== expired) {
      return Promise.resolve(this.session.tokens !== null);
    }
    this.refreshing ??= this.refresh(expired.refreshToken).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async refresh(refreshToken: string): Promise<boolean> {
    let response: Response;
    try {
      response = await this.send('/api/auth/refresh', { method: 'POST', body: { refreshToken } }, null);
    } catch {
      return false;
    }
    if (!response.ok) {
      this.session.clear();
      return false;
    }
    this.session.set((await response.json()) as Tokens);
    return true;
  }
}

function queryString(query: Record<string, string | undefined> | undefined): string {
  if (!query) {
    return '';
  }
  const params = new URLSearchParams();
  Object.entries(query).forEach(([name, value]) => {
    if (value !== undefined && value !== '') {
      params.set(name, value);
    }
  });
  const text = params.toString();
  return text ? `?${text}` : '';
}
