/** One rejected input field, as listed in a validation problem's `errors`. */
export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem detail as the Deskflow API sends it (application/problem+json). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors: FieldError[];
  traceId?: string;
  /** Seconds from a 429's Retry-After header, when present. */
  retryAfter?: number;
}

/** A failed API call; `problem` holds what the server said, in a shape the UI can show. */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(describeProblem(problem));
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  /** The message of the rejected field `field`, if the server named it. */
  fieldError(field: string): string | undefined {
    return this.problem.errors.find((error) => error.field === field)?.message;
  }
}

const FALLBACK_TITLES: Record<number, string> = {
  400: 'The request was not accepted.',
  401: 'Please sign in again.',
  403: 'You are not allowed to do that.',
  404: 'This was not found. It may have been removed, or you may not have access to it.',
  409: 'This conflicts with a change someone else made.',
  412: 'Someone else changed this while you were editing.',
  413: 'This is too large to send.',
  428: 'This change needs the version you edited; reload and try again.',
  429: 'Too many requests. Please wait a moment and try again.',
};

/**
 * Reads a failed response as a problem. A body that is not problem+json (a proxy's HTML error
 * page, an empty body) still yields a problem with the status and a sensible title.
 */
export async function problemFrom(response: Response): Promise<Problem> {
  const base: Problem = {
    type: 'about:blank',
    title: FALLBACK_TITLES[response.status] ?? `The server could not complete this (HTTP ${response.status}).`,
    status: response.status,
    errors: [],
  };
  const retryAfter = Number(response.headers.get('Retry-After'));
  if (Number.isFinite(retryAfter) && retryAfter > 0) {
    base.retryAfter = retryAfter;
  }
  const contentType = response.headers.get('Content-Type') ?? '';
  if (!contentType.includes('json')) {
    return base;
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return base;
  }
  if (typeof body !== 'object' || body === null) {
    return base;
  }
  const raw = body as Record<string, unknown>;
  const problem: Problem = {
    ...base,
    type: typeof raw.type === 'string' ? raw.type : base.type,
    title: typeof raw.title === 'string' && raw.title.trim() !== '' ? raw.title : base.title,
    status: typeof raw.status === 'number' ? raw.status : base.status,
    errors: Array.isArray(raw.errors) ? raw.errors.filter(isFieldError) : [],
  };
  if (typeof raw.detail === 'string' && raw.detail.trim() !== '') {
    problem.detail = raw.detail;
  }
  if (typeof raw.traceId === 'string') {
    problem.traceId = raw.traceId;
  }
  return problem;
}

/** A problem for a request that never got an answer (offline, DNS, gateway down). */
export function networkProblem(): Problem {
  return {
    type: 'about:blank',
    title: 'Deskflow cannot be reached. Check your connection and try again.',
    status: 0,
    errors: [],
  };
}

/**
 * One sentence a user understands: the server's detail when it gave one (Deskflow's details are
 * written for people), otherwise its title, plus how long to wait when rate-limited.
 */
export function describeProblem(problem: Problem): string {
  const text = problem.detail ?? problem.title;
  if (problem.status === 429 && problem.retryAfter !== undefined) {
    return `${text} Try again in ${problem.retryAfter} s.`;
  }
  return text;
}

function isFieldError(value: unknown): value is FieldError {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Record<string, unknown>;
  return typeof candidate.field === 'string' && typeof candidate.message === 'string';
}
