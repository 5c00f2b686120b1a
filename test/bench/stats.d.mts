export declare function percentile(values: readonly number[], p: number): number;
export declare function median(values: readonly number[]): number;
export declare function round(value: number, digits?: number): number;
export interface ResultLine {
  metric: string;
  value: number;
  unit: string;
  baseline: number | null;
  target: number | null;
  [extra: string]: unknown;
}
export declare function resultLine(
  metric: string,
  value: unknown,
  unit: string,
  baseline: unknown,
  target: number | null,
  extra?: Record<string, unknown>,
): ResultLine;
