import { describe, expect, it } from 'vitest';
import { COMMON_DOMAINS, damerauLevenshtein, suggestEmail } from './emailTypos';

describe('suggestEmail', () => {
  it.each([
    ['jean@gmial.com', 'jean@gmail.com'],
    ['a@hotmial.fr', 'a@hotmail.fr'],
    ['x@gmail.con', 'x@gmail.com'],
    ['y@orange.ff', 'y@orange.fr'],
    ['z@gmai.com', 'z@gmail.com'],
    ['z@yahoo.frr', 'z@yahoo.fr'],
    ['z@wanado.fr', 'z@wanadoo.fr'],
    ['z@lapost.net', 'z@laposte.net'],
    ['z@outlok.fr', 'z@outlook.fr'],
    ['z@hotmail.cm', 'z@hotmail.com'],
    ['z@sfr.ft', 'z@sfr.fr'],
    ['z@protonmial.com', 'z@protonmail.com'],
    ['Jean.Dupont@GMIAL.COM', 'Jean.Dupont@gmail.com'],
    ['"a@b"@gmial.com', '"a@b"@gmail.com'],
  ])('%s → %s', (typed, suggested) => {
    expect(suggestEmail(typed)).toBe(suggested);
  });

  it('suggests nothing for a common domain, whatever its case', () => {
    for (const domain of COMMON_DOMAINS) expect(suggestEmail(`jean@${domain}`)).toBeUndefined();
    expect(suggestEmail('jean@GMAIL.COM')).toBeUndefined();
  });

  it.each([
    'contact@boulangerie-martin.fr',
    'jean@exemple.fr',
    'jean@mairie-lyon.fr',
    'jean@univ-paris.fr',
    'jean@mail.com',
    'jean@ymail.com',
    'jean@gmx.de',
    'jean@yahoo.de',
    'jean@hotmail.be',
    'jean@hotmail.co.uk',
    'jean@hotmail.it',
    'jean@yahoo.es',
    'jean@free.com',
    'jean@web.de',
    'jean@mac.com',
    'jean@gmail',
  ])('suggests nothing for %s', (address) => {
    expect(suggestEmail(address)).toBeUndefined();
  });

  it('suggests nothing for what has no domain', () => {
    expect(suggestEmail('gmial.com')).toBeUndefined();
    expect(suggestEmail('jean@')).toBeUndefined();
    expect(suggestEmail('@gmial.com')).toBeUndefined();
  });
});

describe('damerauLevenshtein', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['gmail', 'gmail', 0],
    ['gmial', 'gmail', 1],
    ['gmal', 'gmail', 1],
    ['gmaill', 'gmail', 1],
    ['gmqil', 'gmail', 1],
    ['hotnail.fe', 'hotmail.fr', 2],
    ['ca', 'abc', 3],
  ])('%s ↔ %s is %i', (a, b, distance) => {
    expect(damerauLevenshtein(a, b)).toBe(distance);
    expect(damerauLevenshtein(b, a)).toBe(distance);
  });
});
