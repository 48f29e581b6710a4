// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ApiError, describeProblem, problemFrom } from './problem';

describe('problemFrom', () => {
  it('reads a problem+json body with its field errors and trace id', async () => {
    const response = new Response(
      JSON.stringify({
        type: 'https://deskflow.dev/problems/validation',
        title: 'Invalid request',
        status: 400,
        detail: 'The ticket has invalid fields.',
        errors: [{ field: 'subject', message: 'must not be blank' }, { bogus: true }],
        traceId: 'abc123',
      }),
      { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
    );

    const problem = await problemFrom(response);

    expect(problem.type).toBe('https://deskflow.dev/problems/validation');
    expect(problem.detail).toBe('The ticket has invalid fields.');
    expect(problem.errors).toEqual([{ field: 'subject', message: 'must not be blank' }]);
    expect(problem.traceId).toBe('abc123');
    expect(new ApiError(problem).fieldError('subject')).toBe('must not be blank');
  });

  it('gives a readable title when the body is not JSON, such as a proxy error page', async () => {
    const response = new Response('<html>Bad gateway</html>', {
      status: 502,
      headers: { 'Content-Type': 'text/html' },
    });

    const problem = await problemFrom(response);

    expect(problem.status).toBe(502);
    expect(problem.errors).toEqual([]);
    expect(describeProblem(problem)).toBe('The server could not complete this (HTTP 502).');
  });

  it('says how long to wait when rate-limited', async () => {
    const response = new Response(JSON.stringify({ title: 'Too many requests', status: 429, detail: 'Slow down.' }), {
      status: 429,
      headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '12' },
    });

    expect(describeProblem(await problemFrom(response))).toBe('Slow down. Try again in 12 s.');
  });

  it('falls back to the status title when the JSON is malformed', async () => {
    const response = new Response('{not json', {
      status: 412,
      headers: { 'Content-Type': 'application/problem+json' },
    });

    expect(describeProblem(await problemFrom(response))).toBe('Someone else changed this while you were editing.');
  });
});
