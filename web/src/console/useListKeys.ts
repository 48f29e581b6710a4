import { useEffect, useState, type RefObject } from 'react';

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) {
    return false;
  }
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Keyboard shortcuts of a list: `j` next, `k` previous (focus moves to the row's link, so
 * Enter opens it), `/` to the search field. Ignored while typing in a form field.
 */
export function useListKeys(
  count: number,
  list: RefObject<HTMLElement | null>,
  search: RefObject<HTMLInputElement | null>,
): number {
  const [selected, setSelected] = useState(-1);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
        return;
      }
      if (event.key === '/') {
        event.preventDefault();
        search.current?.focus();
        return;
      }
      if (event.key !== 'j' && event.key !== 'k') {
        return;
      }
      event.preventDefault();
      const links = list.current?.querySelectorAll<HTMLAnchorElement>('a[data-row]') ?? [];
      if (links.length === 0) {
        return;
      }
      const current = Array.from(links).findIndex((link) => link === document.activeElement);
      const from = current >= 0 ? current : selected;
      const next = event.key === 'j' ? Math.min(from + 1, links.length - 1) : Math.max(from < 0 ? 0 : from - 1, 0);
      links[next]?.focus();
      setSelected(next);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [list, search, selected]);

  useEffect(() => {
    if (selected >= count) {
      setSelected(count - 1);
    }
  }, [count, selected]);

  return selected;
}
