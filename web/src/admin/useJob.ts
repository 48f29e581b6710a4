import { useEffect, useState } from 'react';

/** How often a running background job is read again. */
export const POLL_MS = 1000;

/**
 * A background job started on the server (an import, a model training): read again every
 * {@link POLL_MS} while `running(job)` holds, so its progress shows as it goes.
 */
export function useJob<T>(read: (job: T) => Promise<T>, running: (job: T) => boolean) {
  const [job, setJob] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (job === null || !running(job)) {
      return undefined;
    }
    const timer = setTimeout(() => {
      read(job).then(setJob, setError);
    }, POLL_MS);
    return () => clearTimeout(timer);
    // the job object changes on every read, which schedules the next one
  }, [job]);

  return { job, error, started: setJob, failed: setError };
}
