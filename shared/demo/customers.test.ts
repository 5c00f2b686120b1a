import { describe, expect, it } from 'vitest';
import { customerInputSchema } from '../domain/customer';
import { checkPhone } from '../domain/validation/phone';
import { generateDemoCustomers } from './customers';

describe('generateDemoCustomers', () => {
  const sample = generateDemoCustomers(3000, 42);

  it('gives customers that all pass the customer schema unchanged', () => {
    for (const customer of sample) expect(customerInputSchema.parse(customer)).toEqual(customer);
  });

  it('gives phones libphonenumber reads as real numbers with France as the default country', () => {
    const bad = sample.filter((c) => c.phone !== '' && !checkPhone(c.phone, 'FR').ok);
    expect(bad.map((c) => c.phone)).toEqual([]);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateDemoCustomers(50, 42)).toEqual(sample.slice(0, 50));
    expect(generateDemoCustomers(50, 43)).not.toEqual(sample.slice(0, 50));
  });

  it('mixes French and British people, with accents, missing values and several formats', () => {
    const phones = sample.map((c) => c.phone);
    expect(phones.some((p) => /^0[67] \d\d \d\d \d\d \d\d$/.test(p))).toBe(true);
    expect(phones.some((p) => p.startsWith('+33 '))).toBe(true);
    expect(phones.some((p) => p.startsWith('+44 (0)7'))).toBe(true);
    expect(phones.some((p) => /^\+44 7\d{3} /.test(p))).toBe(true);
    expect(phones.filter((p) => p === '').length).toBeGreaterThan(300);
    expect(sample.some((c) => /[éèëï]/.test(c.firstName + c.lastName))).toBe(true);
    expect(sample.some((c) => c.city === 'Saint-Étienne')).toBe(true);
    expect(sample.some((c) => c.city === 'London')).toBe(true);
    expect(sample.some((c) => c.email === '')).toBe(true);
    expect(sample.every((c) => !/[^\x20-\x7e]/.test(c.email))).toBe(true);
    expect(sample.some((c) => c.tags.includes('fidélité'))).toBe(true);
    expect(new Set(sample.map((c) => c.email)).size).toBeGreaterThan(1500);
  });
});
