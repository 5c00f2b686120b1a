import { kpiSettingsSchema, type KpiSettings } from '../../../../shared/kpi/kpiTypes';
import { moneyInput, parseMoney } from '../../../i18n/format';
import type { MessageKey } from '../../../i18n/translate';

export const KPI_SETTING_ROWS = ['recency', 'frequency', 'monetary'] as const;
export type KpiSettingRow = (typeof KPI_SETTING_ROWS)[number];

/**
 * The dashboard settings as typed: the inactive days, then each RFM row's four limits in the
 * order the form shows them, from the limit for score 2 to the one for score 5.
 */
export interface KpiSettingsForm {
  inactiveDays: string;
  recency: [string, string, string, string];
  frequency: [string, string, string, string];
  monetary: [string, string, string, string];
}

export type KpiSettingsProblems = Partial<Record<'inactiveDays' | KpiSettingRow, MessageKey>>;

type Four<T> = [T, T, T, T];
const four = <T, U>(values: Four<T>, map: (value: T) => U): Four<U> => values.map(map) as Four<U>;
const reversed = <T>(values: Four<T>): Four<T> => [...values].reverse() as Four<T>;

/** Recency limits are stored for score 5 first (30 days for R5); the form starts at score 2. */
export function kpiSettingsForm(settings: KpiSettings): KpiSettingsForm {
  return {
    inactiveDays: String(settings.inactiveDays),
    recency: four(reversed(settings.recencyDays), String),
    frequency: four(settings.frequencyOrders, String),
    monetary: four(settings.monetaryMinor, moneyInput),
  };
}

const wholeNumber = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : NaN);

/** The settings the form holds, or what is wrong with each row. */
export function readKpiSettingsForm(
  form: KpiSettingsForm,
): { settings: KpiSettings; problems: null } | { settings: null; problems: KpiSettingsProblems } {
  const candidate = {
    inactiveDays: wholeNumber(form.inactiveDays),
    recencyDays: reversed(four(form.recency, wholeNumber)),
    frequencyOrders: four(form.frequency, wholeNumber),
    monetaryMinor: four(form.monetary, (text) => parseMoney(text) ?? NaN),
  };
  const parsed = kpiSettingsSchema.safeParse(candidate);
  if (parsed.success) return { settings: parsed.data, problems: null };
  const rowOf = {
    inactiveDays: 'inactiveDays',
    recencyDays: 'recency',
    frequencyOrders: 'frequency',
    monetaryMinor: 'monetary',
  } as const;
  const problems: KpiSettingsProblems = {};
  for (const issue of parsed.error.issues) {
    const row = rowOf[issue.path[0] as keyof typeof rowOf];
    if (!row || problems[row]) continue;
    if (row === 'inactiveDays') problems[row] = 'settings.kpi.inactiveInvalid';
    else if (issue.message === 'notAscending')
      problems[row] = row === 'recency' ? 'settings.kpi.mustGoDown' : 'settings.kpi.mustGoUp';
    else
      problems[row] =
        row === 'monetary' ? 'settings.kpi.amountInvalid' : 'settings.kpi.wholeInvalid';
  }
  return { settings: null, problems };
}
