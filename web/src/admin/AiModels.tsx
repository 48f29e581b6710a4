import { useCallback, useEffect, useState } from 'react';
import { AiApi, type ModelVersion, type TrainingJob } from '../api/ai';
import { useApi } from '../api/useTicketApi';
import { ErrorMessage } from '../ui/ErrorMessage';
import { When } from '../ui/format';
import { useJob } from './useJob';

function score(value: number | undefined): string {
  return value === undefined ? '—' : value.toFixed(3);
}

const JOB_TEXT: Record<TrainingJob['status'], string> = {
  RUNNING: 'Training…',
  SUCCEEDED: 'Trained and activated.',
  REJECTED: 'Trained, but not better than the active model, so it was not activated.',
  FAILED: 'Training failed.',
};

/**
 * The assistant's models (ai-service, docs/ai.md): every version with its held-out evaluation
 * (MRR@10 of this version, of the one active then and of keyword search), and training a new
 * version with its progress.
 */
export function AiModels() {
  const api = useApi(AiApi);
  const [models, setModels] = useState<ModelVersion[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const { job, error, started, failed } = useJob(
    (current: TrainingJob) => api.trainingJob(current.id),
    (current) => current.status === 'RUNNING',
  );

  const load = useCallback(() => {
    api.models().then(setModels, setLoadError);
  }, [api]);

  useEffect(load, [load]);
  useEffect(() => {
    if (job && job.status !== 'RUNNING') {
      load();
    }
  }, [job, load]);

  const train = async () => {
    failed(null);
    try {
      started(await api.train());
    } catch (failure) {
      failed(failure);
    }
  };

  const active = models?.find((model) => model.active);
  return (
    <section aria-labelledby="ai-models-title">
      <h2 id="ai-models-title">Assistant model</h2>
      <ErrorMessage error={loadError} />
      {models === null && !loadError && <p role="status">Loading…</p>}
      {models && (
        <p>
          {active
            ? `Version ${active.version} answers, trained on ${active.corpusSize} solved tickets.`
            : 'No trained model is active: the assistant uses the base model or keyword search.'}
        </p>
      )}
      <p>
        <button type="button" onClick={() => void train()} disabled={job?.status === 'RUNNING'}>
          Train a new version
        </button>
      </p>
      <ErrorMessage error={error} />
      {job && (
        <div role="status" aria-live="polite">
          <p>
            <strong>{JOB_TEXT[job.status]}</strong> {job.message}
          </p>
          {job.status === 'RUNNING' && (
            <progress aria-label="Training progress" max={1} value={job.progress}>
              {Math.round(job.progress * 100)} %
            </progress>
          )}
        </div>
      )}
      {models && models.length === 0 && <p className="empty">No model has been trained for this organisation yet.</p>}
      {models && models.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption>Versions, newest first (MRR@10 on held-out solved tickets; higher is better)</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Trained</th>
                <th scope="col">Tickets</th>
                <th scope="col">MRR@10</th>
                <th scope="col">Then active</th>
                <th scope="col">Keyword only</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {models.map((model) => (
                <tr key={model.version}>
                  <th scope="row">v{model.version}</th>
                  <td>
                    <When at={model.createdAt} />
                  </td>
                  <td>{model.corpusSize}</td>
                  <td>{score(model.metrics.mrrAt10)}</td>
                  <td>{score(model.metrics.activeMrrAt10)}</td>
                  <td>{score(model.metrics.keywordOnlyMrrAt10)}</td>
                  <td>{model.active ? 'Active' : 'Inactive'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
