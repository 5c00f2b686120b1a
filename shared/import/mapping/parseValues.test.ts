import { describe, expect, it } from 'vitest';
import { cleanText, guessDateOrder, parseDate, parseNumber, parseYesNo } from './parseValues';

describe('parseDate', () => {
  it.each([
    ['11/05/2025', 'dmy', '2025-05-11'],
    ['11-05-2025', 'dmy', '2025-05-11'],
    ['11.05.2025', 'dmy', '2025-05-11'],
    ['5/3/25', 'dmy', '2025-03-05'],
    ['5/3/25', 'mdy', '2025-05-03'],
    ['05/11/2025', 'mdy', '2025-05-11'],
    ['25/05/11', 'ymd', '2025-05-11'],
    ['31/12/99', 'dmy', '1999-12-31'],
    ['1/1/29', 'dmy', '2029-01-01'], // the pivot: 00-29 are 2000s
    ['1/1/30', 'dmy', '1930-01-01'], // 30-99 are 1900s
    ['2025-05-11', 'dmy', '2025-05-11'],
    ['2025-5-1', 'mdy', '2025-05-01'],
    ['2025-05-11 09:55:16 -0400', 'dmy', '2025-05-11'], // Shopify orders
    ['2025-05-11 23:30 -0400', 'dmy', '2025-05-11'], // the written day, not the UTC one
    ['2020-01-10 10:00', 'dmy', '2020-01-10'], // HubSpot
    ['2025-05-11T09:55:16.123Z', 'dmy', '2025-05-11'],
    ['2025-05-11T09:55:16+02:00', 'dmy', '2025-05-11'],
    ['11/05/2025 09:55', 'dmy', '2025-05-11'],
    ["'11/05/2025", 'dmy', '2025-05-11'],
    ['29/02/2024', 'dmy', '2024-02-29'],
  ] as const)('%s (%s) is %s', (value, order, iso) => {
    expect(parseDate(value, order)).toEqual({ ok: true, iso });
  });

  it('reads day first when no order is given', () => {
    expect(parseDate('03/04/2020')).toEqual({ ok: true, iso: '2020-04-03' });
  });

  it.each([
    ['1', '1900-01-01'],
    ['59', '1900-02-28'],
    ['61', '1900-03-01'], // after Excel's 29 February 1900 that never was
    ['45658', '2025-01-01'],
    ['45788.40625', '2025-05-11'], // with a time of day
    ['2958465', '9999-12-31'],
  ])('Excel serial %s is %s', (value, iso) => {
    expect(parseDate(value)).toEqual({ ok: true, iso });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['demain', 'unknownFormat'],
    ['11 mai 2025', 'unknownFormat'],
    ['1985', 'unknownFormat'], // a year alone
    ['05/11', 'unknownFormat'], // Mailchimp birthdays have no year
    ['2025-05-11 quelque chose', 'unknownFormat'],
    ['11/05/2025 25h', 'unknownFormat'],
    ['11/05/202', 'unknownFormat'],
    ['31/02/2024', 'impossibleDate'],
    ['29/02/2023', 'impossibleDate'],
    ['13/13/2020', 'impossibleDate'],
    ['2025-13-01', 'impossibleDate'],
    ['00/01/2020', 'impossibleDate'],
    ['01/01/1899', 'impossibleDate'],
    ['60', 'impossibleDate'], // 1900-02-29, Lotus 1-2-3's bug
    ['0', 'impossibleDate'],
    ['2958466', 'impossibleDate'],
  ])('%j is refused: %s', (value, reason) => {
    expect(parseDate(value)).toEqual({ ok: false, reason });
  });

  it('reads eight digits year first (19850714), whatever the order, and refuses a non-date', () => {
    expect(parseDate('19850714', 'dmy')).toEqual({ ok: true, iso: '1985-07-14' });
    expect(parseDate('19081209', 'mdy')).toEqual({ ok: true, iso: '1908-12-09' });
    expect(parseDate('19851399')).toEqual({ ok: false, reason: 'impossibleDate' });
  });

  it('reads 31/12/2025 as month first as an impossible date', () => {
    expect(parseDate('31/12/2025', 'mdy')).toEqual({ ok: false, reason: 'impossibleDate' });
  });
});

describe('guessDateOrder', () => {
  it('a day above 12 in first place means day first', () => {
    expect(guessDateOrder(['01/02/2020', '25/12/1990', ''])).toBe('dmy');
  });
  it('a day above 12 in second place means month first', () => {
    expect(guessDateOrder(['01/02/2020', '12/25/1990', '3/31/85'])).toBe('mdy');
  });
  it('day first without a clue, on a tie, and for year-first dates', () => {
    expect(guessDateOrder(['01/02/2020', '03/04/2021'])).toBe('dmy');
    expect(guessDateOrder(['25/12/1990', '12/25/1990'])).toBe('dmy');
    expect(guessDateOrder(['2020-12-25', '45658'])).toBe('dmy');
    expect(guessDateOrder([])).toBe('dmy');
  });
  it('the majority decides', () => {
    expect(guessDateOrder(['12/25/1990', '12/26/1990', '25/12/1990'])).toBe('mdy');
  });
});

describe('parseNumber', () => {
  it.each([
    ['1 234,56', 1234.56],
    ['1\u202f234,56', 1234.56], // narrow no-break space, as Intl writes French numbers
    ['1\u00a0234,56', 1234.56],
    ['1,234.56', 1234.56],
    ['1.234,56', 1234.56],
    ['12,5', 12.5],
    ['12.5', 12.5],
    ['€ 12,50', 12.5],
    ['12,50 €', 12.5],
    ['12.50 EUR', 12.5],
    ['$1,234.56', 1234.56],
    ["1'234.50", 1234.5],
    ['1,234', 1.234], // one mark is a decimal mark
    ['1.234', 1.234],
    ['1.234.567', 1234567],
    ['1,234,567.8', 1234567.8],
    ['-12,5', -12.5],
    ['+3', 3],
    ['0', 0],
    ['.5', 0.5],
    ['42', 42],
    ["'42", 42],
  ])('%j is %d', (value, number) => {
    expect(parseNumber(value)).toEqual({ ok: true, value: number });
  });

  it.each([
    ['', 'empty'],
    ['€', 'empty'],
    ['douze', 'invalidNumber'],
    ['12abc', 'invalidNumber'],
    ['1e5', 'invalidNumber'],
    ['1.23.4', 'invalidNumber'], // groups are of three
    ['1,2,3.4', 'invalidNumber'],
    ['1.234,567.8', 'invalidNumber'], // two kinds of grouping
    ['12,', 'invalidNumber'],
    ['12.5.', 'invalidNumber'],
    ['--1', 'invalidNumber'],
    ['1 2 3 abc', 'invalidNumber'],
  ])('%j is refused: %s', (value, reason) => {
    expect(parseNumber(value)).toEqual({ ok: false, reason });
  });
});

describe('parseYesNo', () => {
  it.each([
    'yes',
    'Yes',
    'Y',
    'true',
    'TRUE',
    '1',
    'oui',
    'Oui',
    'vrai',
    'x',
    'X',
    'opt-in',
    'Opted in',
    'subscribed',
    'SUBSCRIBED',
    'abonné',
    'Inscrite',
    'accepté',
  ])('%j is yes', (value) => {
    expect(parseYesNo(value)).toEqual({ ok: true, value: true });
  });
  it.each([
    'no',
    'No',
    'n',
    'false',
    'False',
    '0',
    'non',
    'NON',
    'faux',
    'opt-out',
    'unsubscribed',
    'NOT_SUBSCRIBED',
    'désabonné',
    'refusé',
  ])('%j is no', (value) => {
    expect(parseYesNo(value)).toEqual({ ok: true, value: false });
  });
  it.each(['', '  ', 'cleaned', 'pending'])('%j is no answer', (value) => {
    expect(parseYesNo(value)).toEqual({ ok: true, value: null });
  });
  it.each(['maybe', 'peut-être', '2', 'yes please', 'transactional'])('%j is refused', (value) => {
    expect(parseYesNo(value)).toEqual({ ok: false, reason: 'invalidYesNo' });
  });
});

describe('cleanText', () => {
  it.each([
    ["'7210448301122", '7210448301122'],
    ["  '0612345678 ", '0612345678'],
    ['="0612345678"', '0612345678'],
    ['  Marie  ', 'Marie'],
    ["l'Atelier", "l'Atelier"], // an apostrophe inside stays
    ["'", ''],
    ['', ''],
  ])('%j is %j', (value, clean) => {
    expect(cleanText(value)).toBe(clean);
  });
});
