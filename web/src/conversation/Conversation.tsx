import { label, type Comment } from '../api/tickets';
import { When } from '../ui/format';

/** The conversation, oldest first. Internal notes are marked in words, not by colour alone. */
export function Conversation({ comments }: { comments: Comment[] }) {
  if (comments.length === 0) {
    return <p className="muted">No replies yet.</p>;
  }
  return (
    <ol className="conversation" aria-label="Conversation">
      {comments.map((comment) => (
        <li key={comment.id} className={comment.internal ? 'comment internal' : 'comment'}>
          <p className="comment-meta">
            {comment.internal && <strong className="internal-label">Internal note · </strong>}
            <span>{comment.authorName || label(comment.authorRole || 'someone')}</span> ·{' '}
            <When at={comment.createdAt} />
          </p>
          <p className="comment-body">{comment.body}</p>
        </li>
      ))}
    </ol>
  );
}
