import { useEffect, useRef } from 'react';
import { benchMark } from '../../../app/benchMark';

/** User Timing marks the bench reads (`npm run bench`): list mounted, first rows painted. */
export const LIST_MOUNTED = 'comptoir:list-mounted';
export const LIST_PAINTED = 'comptoir:list-painted';
export const SEARCH_PAINTED = 'comptoir:search-painted';

/** Marks the list's mount, then the first frame painted with rows, once per mount. */
export function usePaintMarks(hasRows: boolean): void {
  const painted = useRef(false);
  useEffect(() => {
    performance.mark(LIST_MOUNTED);
  }, []);
  useEffect(() => {
    if (!hasRows || painted.current) return;
    painted.current = true;
    // A task queued from the next animation frame runs after that frame is painted.
    requestAnimationFrame(() => setTimeout(() => performance.mark(LIST_PAINTED), 0));
  }, [hasRows]);
}

/** Marks the first frame painted after a search's first page arrived (detail: the query, in a bench build only). */
export function useSearchPaintMark(shown: { query: string; count: number }): void {
  useEffect(() => {
    if (shown.count === 0) return;
    requestAnimationFrame(() => setTimeout(() => benchMark(SEARCH_PAINTED, shown.query), 0));
  }, [shown]);
}
