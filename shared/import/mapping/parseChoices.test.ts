import { describe, expect, it } from 'vitest';
import { parseCountry, parseGender, parseLanguage, parseStatus } from './parseChoices';

const bad = { ok: false, reason: 'invalidChoice' };

describe('parseCountry', () => {
  it.each([
    ['FR', 'FR'],
    ['ca', 'CA'],
    ['Canada', 'CA'],
    ['France', 'FR'],
    ['Allemagne', 'DE'],
    ['Germany', 'DE'],
    ['États-Unis', 'US'],
    ['United States', 'US'],
    ['Royaume-Uni', 'GB'],
    ['USA', 'US'],
    ['uk', 'GB'],
    ['BEL', 'BE'],
    [' Suisse ', 'CH'],
  ])('%j is %s', (value, code) => {
    expect(parseCountry(value)).toEqual({ ok: true, value: code });
  });
  it.each(['', 'Atlantis', 'QQ', 'Fr4nce'])('%j is refused', (value) => {
    expect(parseCountry(value)).toEqual(bad);
  });
});

describe('parseGender', () => {
  it.each([
    ['F', 'female'],
    ['Femme', 'female'],
    ['Mme', 'female'],
    ['Madame', 'female'],
    ['Mrs.', 'female'],
    ['M.', 'male'],
    ['M', 'male'],
    ['H', 'male'],
    ['Monsieur', 'male'],
    ['male', 'male'],
    ['Autre', 'other'],
    ['non-binaire', 'other'],
    ['Dr', ''],
  ])('%j is %j', (value, gender) => {
    expect(parseGender(value)).toEqual({ ok: true, value: gender });
  });
  it.each(['Z', 'Sa Majesté'])('%j is refused', (value) => {
    expect(parseGender(value)).toEqual(bad);
  });
});

describe('parseLanguage', () => {
  it.each([
    ['fr', 'fr'],
    ['FR', 'fr'],
    ['fr-FR', 'fr'],
    ['en_US', 'en'],
    ['Français', 'fr'],
    ['anglais', 'en'],
    ['English', 'en'],
    ['Deutsch', 'de'],
    ['Espagnol', 'es'],
  ])('%j is %s', (value, code) => {
    expect(parseLanguage(value)).toEqual({ ok: true, value: code });
  });
  it.each(['Klingon', 'ja', 'xx-XX'])('%j is refused (not a language Comptoir offers)', (value) => {
    expect(parseLanguage(value)).toEqual(bad);
  });
});

describe('parseStatus', () => {
  it.each([
    ['customer', 'customer'],
    ['Client', 'customer'],
    ['Prospect', 'prospect'],
    ['Lead', 'lead'],
    ['subscriber', 'lead'],
    ['Marketing Qualified Lead', 'prospect'],
    ['Inactif', 'inactive'],
    ['Archivé', 'archived'],
  ])('%j is %s', (value, status) => {
    expect(parseStatus(value)).toEqual({ ok: true, value: status });
  });
  it('refuses a word it does not know', () => {
    expect(parseStatus('VIP')).toEqual(bad);
  });
});
