import type { KeysetList } from './useKeysetList';

/** The end of a keyset list: "Loading…" while a page loads, "Load more" while pages remain. */
export function LoadMore({ list }: { list: Pick<KeysetList<{ id: string }>, 'loading' | 'hasMore' | 'loadMore'> }) {
  if (list.loading) {
    return <p role="status">Loading…</p>;
  }
  return list.hasMore ? (
    <button type="button" className="secondary" onClick={list.loadMore}>
      Load more
    </button>
  ) : null;
}
