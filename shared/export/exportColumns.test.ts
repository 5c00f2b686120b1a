import { describe, expect, it } from 'vitest';
import { CONSENT_CHANNELS } from '../domain/consent';
import { CUSTOMER_FIELDS } from '../domain/customer';
import type { CustomField } from '../domain/customFields';
import { testCustomer } from '../domain/testCustomer';
import {
  allExportColumns,
  cellValue,
  exportColumnLabel,
  exportColumnSchema,
  localDay,
  moneyText,
  type ExportColumn,
} from './exportColumns';

const MAY_1_NOON = new Date(2024, 4, 1, 12, 0).getTime();
const LATE_EVENING = new Date(2024, 0, 31, 23, 30).getTime();
const loyalty: CustomField = { id: 'loyalty', label: 'Loyalty card', type: 'number', options: [] };

const customer = testCustomer('c1', {
  firstName: 'Éloïse',
  lastName: 'Dupré',
  email: 'eloise@example.fr',
  additionalEmails: ['e.dupre@example.com', 'eloise@work.fr'],
  phone: '+33612345678',
  street: '3, rue de la Paix',
  birthDate: '1985-07-14',
  status: 'customer',
  language: 'fr',
  tags: ['vip', 'newsletter'],
  notes: 'Line one\nLine two',
  consent: {
    email: { granted: true, at: MAY_1_NOON, source: 'counter' },
    sms: { granted: false, at: 0, source: 'import' },
    post: null,
    phone: null,
  },
  custom: { loyalty: 12.5, vip: true, since: '2020-02-29', pets: ['cat', 'dog'], none: null },
  createdAt: LATE_EVENING,
  figures: {
    orderCount: 3,
    totalSpentMinor: 12345,
    firstPurchaseAt: MAY_1_NOON,
    lastPurchaseAt: null,
    lastInteractionAt: null,
  },
});

describe('cellValue', () => {
  it.each<[ExportColumn, string, unknown, unknown]>([
    ['firstName', 'Éloïse', 'Éloïse', 'Éloïse'],
    ['name', 'Éloïse Dupré', 'Éloïse Dupré', 'Éloïse Dupré'],
    [
      'additionalEmails',
      'e.dupre@example.com, eloise@work.fr',
      'e.dupre@example.com, eloise@work.fr',
      ['e.dupre@example.com', 'eloise@work.fr'],
    ],
    ['additionalPhones', '', null, []],
    ['company', '', null, ''],
    ['phone', '+33612345678', '+33612345678', '+33612345678'],
    ['status', 'customer', 'customer', 'customer'],
    ['birthDate', '1985-07-14', { date: '1985-07-14' }, '1985-07-14'],
    ['orderCount', '3', 3, 3],
    ['totalSpent', '123.45', 123.45, 123.45],
    ['averageBasket', '41.15', 41.15, 41.15],
    ['firstPurchaseAt', '2024-05-01', { date: '2024-05-01' }, '2024-05-01'],
    ['lastPurchaseAt', '', null, null],
    ['createdAt', '2024-01-31', { date: '2024-01-31' }, '2024-01-31'],
    ['consent:email', 'true', true, true],
    ['consentDate:email', '2024-05-01', { date: '2024-05-01' }, '2024-05-01'],
    ['consent:sms', 'false', false, false],
    ['consentDate:sms', '', null, null],
    ['consent:post', '', null, null],
    ['custom:loyalty', '12.5', 12.5, 12.5],
    ['custom:vip', 'true', true, true],
    ['custom:since', '2020-02-29', { date: '2020-02-29' }, '2020-02-29'],
    ['custom:pets', 'cat, dog', 'cat, dog', ['cat', 'dog']],
    ['custom:none', '', null, null],
    ['custom:missing', '', null, null],
    ['notes', 'Line one\nLine two', 'Line one\nLine two', 'Line one\nLine two'],
  ])('%s is %j in CSV, %j in XLSX, %j in JSON', (column, csv, xlsx, json) => {
    expect(cellValue(customer, column, 'csv')).toBe(csv);
    expect(cellValue(customer, column, 'xlsx')).toEqual(xlsx);
    expect(cellValue(customer, column, 'json')).toEqual(json);
  });

  it('a customer with no order has no average basket, and zero spent', () => {
    const newcomer = testCustomer('c2', { lastName: 'Martin' });
    expect(cellValue(newcomer, 'averageBasket', 'csv')).toBe('');
    expect(cellValue(newcomer, 'totalSpent', 'csv')).toBe('0.00');
    expect(cellValue(newcomer, 'totalSpent', 'xlsx')).toBe(0);
  });
});

describe('money and days', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [-5, '-0.05'],
    [100, '1.00'],
    [123456789, '1234567.89'],
    [-12345, '-123.45'],
  ])('%i minor units are %s', (minor, text) => expect(moneyText(minor)).toBe(text));

  it('a moment is the day on this computer’s clock, not the UTC day', () => {
    expect(localDay(LATE_EVENING)).toBe('2024-01-31');
    expect(localDay(new Date(2024, 0, 1, 0, 5).getTime())).toBe('2024-01-01');
  });
});

describe('the column list', () => {
  const columns = allExportColumns([loyalty]);

  it('carries every field a customer has, consent per channel with its date, and custom fields', () => {
    for (const field of CUSTOMER_FIELDS.filter((f) => f !== 'consent' && f !== 'custom'))
      expect(columns).toContain(field);
    for (const channel of CONSENT_CHANNELS) {
      expect(columns).toContain(`consent:${channel}`);
      expect(columns).toContain(`consentDate:${channel}`);
    }
    expect(columns.at(-1)).toBe('custom:loyalty');
    expect(new Set(columns).size).toBe(columns.length);
  });

  it('accepts its own columns over the wire and refuses others', () => {
    for (const column of columns) expect(exportColumnSchema.parse(column)).toBe(column);
    for (const bad of ['consent:fax', 'consentDate:', 'password', 'custom:Bad Id', 'figures'])
      expect(exportColumnSchema.safeParse(bad).success).toBe(false);
  });

  it('names every column in English, custom ones by their label', () => {
    const labels = columns.map((c) => exportColumnLabel(c, [loyalty]));
    expect(labels.every((label) => typeof label === 'string' && label.length > 0)).toBe(true);
    expect(new Set(labels).size).toBe(labels.length);
    expect(exportColumnLabel('custom:loyalty', [loyalty])).toBe('Loyalty card');
    expect(exportColumnLabel('custom:gone')).toBe('gone');
    expect(exportColumnLabel('consentDate:sms')).toBe('Consent date: SMS');
    expect(exportColumnLabel('totalSpent')).toBe('Total spent');
  });
});
