/** A bench build is built with `vite build --mode bench` (test/bench/serve.mjs). */
const isBenchBuild = (): boolean => import.meta.env.MODE === 'bench';

/**
 * A User Timing mark the bench reads (`npm run bench`). `text` (a search, a segment's rule) may
 * be personal data: only a bench build keeps it as the mark's detail, where the bench pairs a
 * keystroke with its answer; any other build marks the time alone.
 */
export function benchMark(name: string, text: string): void {
  if (isBenchBuild()) performance.mark(name, { detail: text });
  else performance.mark(name);
}

/** Forgets every mark and measure of the page (on lock): nothing typed stays in its timeline. */
export function clearUserTiming(): void {
  performance.clearMarks();
  performance.clearMeasures();
}
