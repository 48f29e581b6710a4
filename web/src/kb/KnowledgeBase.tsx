import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { KbApi } from '../api/kb';
import { useApi } from '../api/useTicketApi';
import { ErrorMessage } from '../ui/ErrorMessage';
import { When } from '../ui/format';
import { LoadMore } from '../ui/LoadMore';
import { useKeysetList } from '../ui/useKeysetList';

/**
 * The knowledge base: a full-text search over the tenant's articles (`q` in the URL, so a search
 * can be bookmarked), newest edit first. Customers see published articles only; staff also drafts.
 */
export function KnowledgeBase() {
  const api = useApi(KbApi);
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const list = useKeysetList(q, (cursor) => api.search({ q: q || undefined, limit: '20' }, cursor));

  const search = (event: FormEvent) => {
    event.preventDefault();
    setParams(text.trim() ? { q: text.trim() } : {});
  };

  return (
    <section aria-labelledby="kb-title">
      <h1 id="kb-title">Help articles</h1>
      <form role="search" onSubmit={search} className="search-form">
        <label htmlFor="kb-search">Search the help articles</label>
        <div className="actions">
          <input id="kb-search" type="search" value={text} onChange={(e) => setText(e.target.value)} />
          <button type="submit">Search</button>
        </div>
      </form>
      <ErrorMessage error={list.error} />
      {!list.loading && !list.error && list.items.length === 0 && (
        <p className="empty">{q ? `No article matches “${q}”.` : 'There are no help articles yet.'}</p>
      )}
      <ul className="ticket-list" aria-label="Articles">
        {list.items.map((article) => (
          <li key={article.id}>
            <Link to={`/portal/kb/${article.id}`}>{article.title}</Link>
            <span className="row-meta">
              {article.status === 'DRAFT' && <span className="badge">Draft</span>}
              {article.category && <span>{article.category} · </span>}
              updated <When at={article.updatedAt} />
            </span>
          </li>
        ))}
      </ul>
      <LoadMore list={list} />
    </section>
  );
}
