import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { KbApi, type Article, type ArticleStatus, type ArticleWrite } from '../api/kb';
import { ApiError } from '../api/problem';
import { useApi } from '../api/useTicketApi';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Field } from '../ui/Field';
import { When } from '../ui/format';
import { LoadMore } from '../ui/LoadMore';
import { useKeysetList } from '../ui/useKeysetList';

/** Every article, drafts included, newest edit first, each opening the editor. */
export function KbArticles() {
  const api = useApi(KbApi);
  const list = useKeysetList('all', (cursor) => api.search({ limit: '50' }, cursor));
  return (
    <section aria-labelledby="kb-admin-title">
      <div className="page-title">
        <h2 id="kb-admin-title">Knowledge base</h2>
        <Link className="button" to="/admin/kb/new">
          New article
        </Link>
      </div>
      <ErrorMessage error={list.error} />
      {!list.loading && !list.error && list.items.length === 0 && <p className="empty">No articles yet.</p>}
      <ul className="ticket-list" aria-label="Articles">
        {list.items.map((article) => (
          <li key={article.id}>
            <Link to={`/admin/kb/${article.id}`}>{article.title}</Link>
            <span className="row-meta">
              <span className="badge">{article.status === 'DRAFT' ? 'Draft' : 'Published'}</span> updated{' '}
              <When at={article.updatedAt} />
            </span>
          </li>
        ))}
      </ul>
      <LoadMore list={list} />
    </section>
  );
}

interface Draft {
  title: string;
  body: string;
  category: string;
  tags: string;
  status: ArticleStatus;
}

const BLANK: Draft = { title: '', body: '', category: '', tags: '', status: 'DRAFT' };

function draftOf(article: Article): Draft {
  return {
    title: article.title,
    body: article.body,
    category: article.category ?? '',
    tags: article.tags.join(', '),
    status: article.status,
  };
}

function writeOf(draft: Draft): ArticleWrite {
  return {
    title: draft.title.trim(),
    body: draft.body,
    category: draft.category.trim(),
    tags: draft.tags
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
    status: draft.status,
  };
}

/**
 * Writing an article in Markdown (ticket-service renders and sanitises it): a new one, or an
 * existing one saved with `If-Match`, so two editors never overwrite each other silently; on 412
 * the editor keeps the text and offers the other version.
 */
export function ArticleEditor() {
  const { id } = useParams();
  const api = useApi(KbApi);
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(BLANK);
  const [etag, setEtag] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(id === undefined);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<Article | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (id === undefined) {
      return;
    }
    api.read(id).then(({ data, etag: version }) => {
      setDraft(draftOf(data));
      setEtag(version);
      setLoaded(true);
    }, setError);
  }, [api, id]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const write = writeOf(draft);
      const { data, etag: version } =
        id === undefined
          ? await api.create({ ...write, category: write.category || undefined })
          : await api.edit(id, etag ?? '', write);
      setEtag(version);
      setSaved(data);
      if (id === undefined) {
        navigate(`/admin/kb/${data.id}`, { replace: true });
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const takeTheirs = async () => {
    if (id === undefined) {
      return;
    }
    const { data, etag: version } = await api.read(id);
    setDraft(draftOf(data));
    setEtag(version);
    setError(null);
  };

  if (!loaded) {
    return error ? <ErrorMessage error={error} /> : <p role="status">Loading…</p>;
  }
  const conflict = error instanceof ApiError && error.status === 412;
  return (
    <section aria-labelledby="editor-title">
      <p>
        <Link to="/admin/kb">← Knowledge base</Link>
      </p>
      <h2 id="editor-title">{id === undefined ? 'New article' : 'Edit article'}</h2>
      <form onSubmit={save} noValidate className="narrow">
        <ErrorMessage error={error} shownFields={['title', 'body', 'category', 'tags']} />
        {conflict && (
          <p>
            Someone else saved this article while you were editing. Your text is still here.{' '}
            <button type="button" className="secondary small" onClick={() => void takeTheirs()}>
              Load their version
            </button>
          </p>
        )}
        {saved && (
          <p role="status" className="notice">
            Saved as {saved.status === 'PUBLISHED' ? 'published' : 'a draft'}.{' '}
            {saved.status === 'PUBLISHED' && <Link to={`/portal/kb/${saved.id}`}>View it as customers do</Link>}
          </p>
        )}
        <Field label="Title" name="title" error={error}>
          {(props) => (
            <input
              {...props}
              value={draft.title}
              maxLength={300}
              onChange={(e) => setDraft({ ...draft, title: e.target.value })}
            />
          )}
        </Field>
        <Field
          label="Text (Markdown)"
          name="body"
          error={error}
          hint="# for headings, - for lists, **bold**, [link](https://…)"
        >
          {(props) => (
            <textarea
              {...props}
              rows={14}
              value={draft.body}
              onChange={(e) => setDraft({ ...draft, body: e.target.value })}
            />
          )}
        </Field>
        <Field label="Category" name="category" error={error}>
          {(props) => (
            <input
              {...props}
              value={draft.category}
              maxLength={100}
              onChange={(e) => setDraft({ ...draft, category: e.target.value })}
            />
          )}
        </Field>
        <Field label="Tags" name="tags" error={error} hint="Separated by commas.">
          {(props) => (
            <input {...props} value={draft.tags} onChange={(e) => setDraft({ ...draft, tags: e.target.value })} />
          )}
        </Field>
        <fieldset className="segmented">
          <legend>Visible to</legend>
          <label>
            <input
              type="radio"
              name="status"
              checked={draft.status === 'DRAFT'}
              onChange={() => setDraft({ ...draft, status: 'DRAFT' })}
            />{' '}
            Staff only (draft)
          </label>
          <label>
            <input
              type="radio"
              name="status"
              checked={draft.status === 'PUBLISHED'}
              onChange={() => setDraft({ ...draft, status: 'PUBLISHED' })}
            />{' '}
            Everyone (published)
          </label>
        </fieldset>
        <p>
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save article'}
          </button>
        </p>
      </form>
    </section>
  );
}
