import { describe, expect, it } from 'vitest';
import { checkPhone, formatPhone, phoneSearchForms } from './phone';

const FR_MOBILE = {
  ok: true,
  e164: '+33612345678',
  national: '06 12 34 56 78',
  international: '+33 6 12 34 56 78',
  country: 'FR',
};

describe('checkPhone', () => {
  it.each([
    '06 12 34 56 78',
    '0612345678',
    '06.12.34.56.78',
    '06-12-34-56-78',
    '+33 6 12 34 56 78',
    '+33612345678',
    '0033612345678',
    '(0)6.12.34.56.78',
    '+33 (0)6 12 34 56 78',
  ])('reads the French mobile %s', (input) => {
    expect(checkPhone(input, 'FR')).toEqual(FR_MOBILE);
  });

  it('reads the default country case-insensitively', () => {
    expect(checkPhone('06 12 34 56 78', 'fr')).toEqual(FR_MOBILE);
  });

  it('reads British numbers, national or international', () => {
    const london = {
      ok: true,
      e164: '+442079460958',
      national: '020 7946 0958',
      international: '+44 20 7946 0958',
      country: 'GB',
    };
    expect(checkPhone('+44 20 7946 0958', 'FR')).toEqual(london);
    expect(checkPhone('020 7946 0958', 'GB')).toEqual(london);
    expect(checkPhone('0044 20 7946 0958', 'FR')).toEqual(london);
    expect(checkPhone('+44 (0)20 7946 0958', 'GB')).toEqual(london);
    expect(checkPhone('07911 123456', 'GB')).toMatchObject({ ok: true, e164: '+447911123456' });
  });

  it('reads Belgian, Swiss and American numbers', () => {
    expect(checkPhone('0470 12 34 56', 'BE')).toEqual({
      ok: true,
      e164: '+32470123456',
      national: '0470 12 34 56',
      international: '+32 470 12 34 56',
      country: 'BE',
    });
    expect(checkPhone('+32 2 555 12 12', 'FR')).toMatchObject({ e164: '+3225551212' });
    expect(checkPhone('044 668 18 00', 'CH')).toMatchObject({ e164: '+41446681800' });
    expect(checkPhone('(213) 373-4253', 'US')).toEqual({
      ok: true,
      e164: '+12133734253',
      national: '(213) 373-4253',
      international: '+1 213 373 4253',
      country: 'US',
    });
    expect(checkPhone('1-213-373-4253', 'US')).toMatchObject({ e164: '+12133734253' });
  });

  it('leaves out the country of a non-geographic number', () => {
    const verdict = checkPhone('+800 1234 5678', 'FR');
    expect(verdict).toMatchObject({ ok: true, e164: '+80012345678' });
    expect(verdict).not.toHaveProperty('country');
  });

  it.each([
    ['123', 'FR'],
    ['abc', 'FR'],
    ['+33 1', 'FR'],
    ['', 'FR'],
    ['06 12 34 56', 'FR'],
    ['06 12 34 56 78 9', 'FR'],
    ['+33 0 12 34 56 78', 'FR'],
    ['020 7946 0958', 'FR'],
    ['07700 900123', 'GB'],
    ['+1 200 555 0100', 'US'],
    ['06 12 34 56 78', 'XX'],
    ['06 12 34 56 78 x12', 'FR'],
    ['06 12 34 56 78 #12', 'FR'],
    ['appeler le 06 12 34 56 78', 'FR'],
    ['tel:+33612345678', 'FR'],
  ])('refuses %s (default %s)', (input, country) => {
    expect(checkPhone(input, country)).toEqual({ ok: false, reason: 'invalidPhone' });
  });

  it('still reads international numbers when the default country is unknown', () => {
    expect(checkPhone('+33 6 12 34 56 78', 'XX')).toEqual(FR_MOBILE);
  });
});

describe('formatPhone', () => {
  it('uses the national format for the display country', () => {
    expect(formatPhone('+33612345678', 'FR')).toBe('06 12 34 56 78');
    expect(formatPhone('+442079460958', 'GB')).toBe('020 7946 0958');
    expect(formatPhone('+12133734253', 'us')).toBe('(213) 373-4253');
  });

  it('uses the international format for another country', () => {
    expect(formatPhone('+33612345678', 'GB')).toBe('+33 6 12 34 56 78');
    expect(formatPhone('+442079460958', 'FR')).toBe('+44 20 7946 0958');
    expect(formatPhone('+80012345678', 'FR')).toBe('+800 1234 5678');
  });

  it('returns what it cannot read unchanged', () => {
    for (const stored of ['06 12 34 56 78', '+3361234', 'n/a', '']) {
      expect(formatPhone(stored, 'FR')).toBe(stored);
    }
  });
});

describe('phoneSearchForms', () => {
  it('gives the international and national digits', () => {
    expect(phoneSearchForms('+33612345678')).toEqual(['33612345678', '0612345678']);
    expect(phoneSearchForms('+442079460958')).toEqual(['442079460958', '02079460958']);
    expect(phoneSearchForms('+32470123456')).toEqual(['32470123456', '0470123456']);
    expect(phoneSearchForms('+12133734253')).toEqual(['12133734253', '2133734253']);
  });

  it('gives just the digits of what it cannot read', () => {
    expect(phoneSearchForms('06 12 34 56 78')).toEqual(['0612345678']);
    expect(phoneSearchForms('+33 1')).toEqual(['331']);
    expect(phoneSearchForms('n/a')).toEqual([]);
  });
});
