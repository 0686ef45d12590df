// Long lists in the inspector (thousands of workflow parameters) show one
// page of rows and a filter by name: rendering every row made opening the
// workflow take seconds and each edit re-render thousands of fields.
import { useMemo, useState } from 'react';

export const PAGE_SIZE = 50;

export interface Page<T> {
  /** The rows on this page, each with its index in the whole list. */
  rows: { item: T; index: number }[];
  pager: PagerProps | undefined;
  /** Shows the last page (after adding a row at the end), clearing the filter. */
  showLast(): void;
}

/**
 * The current page of `items`, filtered by `name` containing the filter text.
 * Short lists (up to a page) are shown whole, without a pager.
 */
export function usePage<T>(items: readonly T[], name: (item: T) => string): Page<T> {
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(0);
  const matches = useMemo(() => {
    const all = items.map((item, index) => ({ item, index }));
    const wanted = filter.trim().toLowerCase();
    return wanted === '' ? all : all.filter((r) => name(r.item).toLowerCase().includes(wanted));
  }, [items, name, filter]);
  const showLast = () => {
    setFilter('');
    setPage(Number.MAX_SAFE_INTEGER);
  };
  if (items.length <= PAGE_SIZE) return { rows: matches, pager: undefined, showLast };
  const pages = Math.max(1, Math.ceil(matches.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  return {
    rows: matches.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE),
    pager: {
      page: current,
      pages,
      matches: matches.length,
      total: items.length,
      filter,
      setFilter: (text) => {
        setFilter(text);
        setPage(0);
      },
      setPage,
    },
    showLast,
  };
}

interface PagerProps {
  page: number;
  pages: number;
  matches: number;
  total: number;
  filter: string;
  setFilter(text: string): void;
  setPage(page: number): void;
}

const n = (x: number) => x.toLocaleString('en-US');

export function Pager({ what, pager }: { what: string; pager: PagerProps }) {
  const { page, pages, matches, total, filter } = pager;
  const first = matches === 0 ? 0 : page * PAGE_SIZE + 1;
  const last = Math.min(matches, (page + 1) * PAGE_SIZE);
  return (
    <div
      className="pager"
      role="navigation"
      aria-label={`${what} pages`}
      data-testid={`pager-${what}`}
    >
      <input
        type="text"
        aria-label={`Find ${what} by name`}
        placeholder={`Find ${what} by name`}
        value={filter}
        onChange={(e) => pager.setFilter(e.target.value)}
      />
      <span>
        {n(first)}–{n(last)} of {n(matches)}
        {matches !== total ? ` (of ${n(total)})` : ''}
      </span>
      <button type="button" disabled={page === 0} onClick={() => pager.setPage(page - 1)}>
        Previous
      </button>
      <button type="button" disabled={page >= pages - 1} onClick={() => pager.setPage(page + 1)}>
        Next
      </button>
    </div>
  );
}
