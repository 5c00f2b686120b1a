import { describe, expect, it } from 'vitest';
import { DEFAULT_KPI_SETTINGS } from '../../../../shared/kpi/kpiTypes';
import { kpiSettingsForm, readKpiSettingsForm } from './kpiSettingsForm';

describe('the dashboard settings form', () => {
  it('shows each RFM row from the limit of score 2 to that of score 5, money in units', () => {
    expect(kpiSettingsForm(DEFAULT_KPI_SETTINGS)).toEqual({
      inactiveDays: '180',
      recency: ['365', '180', '90', '30'],
      frequency: ['2', '3', '5', '10'],
      monetary: ['50.00', '150.00', '400.00', '1000.00'],
    });
  });

  it('reads back what it shows, and what a user types', () => {
    expect(readKpiSettingsForm(kpiSettingsForm(DEFAULT_KPI_SETTINGS)).settings).toEqual(
      DEFAULT_KPI_SETTINGS,
    );
    const typed = {
      inactiveDays: ' 90 ',
      recency: ['400', '200', '60', '14'] as [string, string, string, string],
      frequency: ['2', '4', '8', '16'] as [string, string, string, string],
      monetary: ['20', '99,90', '300', '1 000'] as [string, string, string, string],
    };
    expect(readKpiSettingsForm(typed)).toEqual({
      settings: {
        inactiveDays: 90,
        recencyDays: [14, 60, 200, 400],
        frequencyOrders: [2, 4, 8, 16],
        monetaryMinor: [2000, 9990, 30000, 100000],
      },
      problems: null,
    });
  });

  it('says which row is wrong and how, and gives no settings', () => {
    const form = kpiSettingsForm(DEFAULT_KPI_SETTINGS);
    expect(
      readKpiSettingsForm({ ...form, recency: ['30', '90', '180', '365'], inactiveDays: '0' }),
    ).toEqual({
      settings: null,
      problems: {
        inactiveDays: 'settings.kpi.inactiveInvalid',
        recency: 'settings.kpi.mustGoDown',
      },
    });
    expect(readKpiSettingsForm({ ...form, frequency: ['5', '5', '6', '7'] }).problems).toEqual({
      frequency: 'settings.kpi.mustGoUp',
    });
    expect(readKpiSettingsForm({ ...form, frequency: ['2', 'x', '6', '2.5'] }).problems).toEqual({
      frequency: 'settings.kpi.wholeInvalid',
    });
    expect(readKpiSettingsForm({ ...form, monetary: ['10', '20', 'lots', '40'] }).problems).toEqual(
      { monetary: 'settings.kpi.amountInvalid' },
    );
  });
});
