import { describe, expect, it } from 'vitest';
import { splitFullName } from './splitFullName';

describe('splitFullName', () => {
  it.each([
    ['Marie Dupont', 'Marie', 'Dupont'],
    ['Dupont, Marie', 'Marie', 'Dupont'],
    ['  Dupont ,  Marie  ', 'Marie', 'Dupont'],
    ['DUPONT Marie', 'Marie', 'DUPONT'],
    ['DUPONT MARTIN Marie Claire', 'Marie Claire', 'DUPONT MARTIN'],
    ['JEAN DUPONT', 'JEAN', 'DUPONT'],
    ['Jean Pierre Dupont', 'Jean Pierre', 'Dupont'],
    ['Jean-Pierre Dupont', 'Jean-Pierre', 'Dupont'],
    ['Marie de la Tour', 'Marie', 'de la Tour'],
    ['Yann Le Gall', 'Yann', 'Le Gall'],
    ['Jan van der Berg', 'Jan', 'van der Berg'],
    ['Anne Da', 'Anne', 'Da'], // a particle at the end is the name itself
    ['Marie', 'Marie', ''],
    ['', '', ''],
  ])('%j is %j %j', (value, firstName, lastName) => {
    expect(splitFullName(value)).toEqual({ firstName, lastName });
  });
});
