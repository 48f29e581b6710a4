import { ApiError, describeProblem, networkProblem } from '../api/problem';

/** Any thrown value as words a user understands. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    return error.message;
  }
  if (error instanceof TypeError) {
    return describeProblem(networkProblem());
  }
  return 'Something went wrong. Please try again.';
}

/**
 * An error as an alert: the message and, for a validation problem, each rejected field that the
 * form does not already show next to its input.
 */
export function ErrorMessage({ error, shownFields = [] }: { error: unknown; shownFields?: string[] }) {
  if (!error) {
    return null;
  }
  const fields =
    error instanceof ApiError ? error.problem.errors.filter((field) => !shownFields.includes(field.field)) : [];
  return (
    <div className="error" role="alert">
      <p>{messageOf(error)}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((field) => (
            <li key={field.field}>
              {field.field}: {field.message}
            </li>
          ))}
        </ul>
      )}
      {error instanceof ApiError && error.problem.traceId && (
        <p className="muted">Reference for support: {error.problem.traceId}</p>
      )}
    </div>
  );
}
