import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { KbApi, type Article } from '../api/kb';
import { useApi } from '../api/useTicketApi';
import { ErrorMessage } from '../ui/ErrorMessage';
import { When } from '../ui/format';

/**
 * One article. Its `html` is rendered from Markdown and sanitised by ticket-service (no scripts,
 * no unsafe links); it is the only server text this app ever inserts as HTML.
 */
export function ArticlePage() {
  const { id = '' } = useParams();
  const api = useApi(KbApi);
  const [article, setArticle] = useState<Article | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setArticle(null);
    setError(null);
    api.read(id).then(({ data }) => setArticle(data), setError);
  }, [api, id]);

  if (error) {
    return <ErrorMessage error={error} />;
  }
  if (!article) {
    return <p role="status">Loading…</p>;
  }
  return (
    <article aria-labelledby="article-title" className="article">
      <p>
        <Link to="/portal/kb">← Help articles</Link>
      </p>
      <h1 id="article-title">{article.title}</h1>
      <p className="row-meta">
        {article.status === 'DRAFT' && <span className="badge">Draft</span>}
        {article.category && <span>{article.category} · </span>}
        updated <When at={article.updatedAt} />
      </p>
      <div className="article-body" dangerouslySetInnerHTML={{ __html: article.html }} />
    </article>
  );
}
