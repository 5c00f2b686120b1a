import { formatMoney } from '../../../i18n/format';

/** How the dashboard writes its numbers, in the user's language and the file's currency. */
export interface Formats {
  money(minor: number): string;
  /** Whole units, for chart axes. */
  moneyRounded(minor: number): string;
  count(n: number): string;
  decimal(n: number): string;
  percent(share: number): string;
  signedPercent(share: number): string;
  signed(n: number, show: (n: number) => string): string;
  day(at: number): string;
  month(at: number): string;
}

export function dashboardFormats(language: string, currency: string): Formats {
  const count = new Intl.NumberFormat(language);
  const decimal = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  const signedPercent = new Intl.NumberFormat(language, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const day = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short' });
  const month = new Intl.DateTimeFormat(language, { month: 'short', year: '2-digit' });
  const rounded = new Intl.NumberFormat(language, {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
  });
  return {
    money: (minor) => formatMoney(language, minor, currency),
    moneyRounded: (minor) => rounded.format(minor / 100),
    count: (n) => count.format(n),
    decimal: (n) => decimal.format(n),
    percent: (share) => percent.format(share),
    signedPercent: (share) => signedPercent.format(share),
    signed: (n, show) => (n > 0 ? `+${show(n)}` : show(n)),
    day: (at) => day.format(at),
    month: (at) => month.format(at),
  };
}
