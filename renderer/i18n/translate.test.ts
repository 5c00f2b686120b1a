import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fr } from './fr';
import { systemLanguage, translate } from './translate';

describe('translate', () => {
  it('fills placeholders and formats numbers in the chosen language', () => {
    expect(translate('en', 'demo.progress', { done: 12000, total: 100000 })).toBe(
      '12,000 of 100,000 customers',
    );
    expect(translate('fr', 'demo.progress', { done: 12000, total: 100000 })).toBe(
      `12\u202f000 clients sur 100\u202f000`,
    );
  });

  it('chooses the plural form by language rules (French 0 and 1 are singular)', () => {
    expect(translate('en', 'customers.count', { count: 1 })).toBe('1 customer');
    expect(translate('en', 'customers.count', { count: 0 })).toBe('0 customers');
    expect(translate('fr', 'customers.count', { count: 0 })).toBe('0 client');
    expect(translate('fr', 'customers.count', { count: 2 })).toBe('2 clients');
  });

  it('leaves an unknown placeholder visible rather than blank', () => {
    expect(translate('en', 'customers.edit')).toBe('Edit {name}');
  });

  it('picks the system language when supported, English otherwise', () => {
    expect(systemLanguage(['fr-FR', 'en-US'])).toBe('fr');
    expect(systemLanguage(['de-DE', 'en-GB'])).toBe('en');
    expect(systemLanguage(['de-DE'])).toBe('en');
    expect(systemLanguage([])).toBe('en');
  });

  it('has every French message non-empty and with the same placeholders as English', () => {
    const placeholders = (m: unknown) =>
      JSON.stringify(m)
        .match(/\{\w+\}/g)
        ?.sort() ?? [];
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(JSON.stringify(fr[key]).length, key).toBeGreaterThan(2);
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
    }
  });
});
