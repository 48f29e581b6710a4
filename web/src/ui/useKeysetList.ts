import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../api/tickets';

export interface KeysetList<T> {
  items: T[];
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  loadMore(): void;
  reload(): void;
  /** Replaces the item with the same id, or puts a new one first. */
  upsert(item: T): void;
  remove(id: string): void;
}

/**
 * A keyset-paginated list: the first page on mount and whenever `key` changes, the next page on
 * "load more", and in-place updates for live events. Answers of superseded requests are dropped.
 */
export function useKeysetList<T extends { id: string }>(
  key: string,
  fetchPage: (cursor?: string) => Promise<Page<T>>,
): KeysetList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const load = useCallback((from: string | undefined, append: boolean) => {
    const mine = ++generation.current;
    setLoading(true);
    setError(null);
    fetchRef.current(from).then(
      (page) => {
        if (mine !== generation.current) {
          return;
        }
        setItems((previous) =>
          append ? [...previous, ...page.items.filter((i) => !previous.some((p) => p.id === i.id))] : page.items,
        );
        setCursor(page.nextCursor);
        setLoading(false);
      },
      (failure: unknown) => {
        if (mine === generation.current) {
          setError(failure);
          setLoading(false);
        }
      },
    );
  }, []);

  useEffect(() => {
    setItems([]);
    setCursor(undefined);
    load(undefined, false);
  }, [key, load]);

  return {
    items,
    loading,
    error,
    hasMore: cursor !== undefined,
    loadMore: () => load(cursor, true),
    reload: () => load(undefined, false),
    upsert: (item) =>
      setItems((previous) =>
        previous.some((p) => p.id === item.id)
          ? previous.map((p) => (p.id === item.id ? item : p))
          : [item, ...previous],
      ),
    remove: (id) => setItems((previous) => previous.filter((p) => p.id !== id)),
  };
}
