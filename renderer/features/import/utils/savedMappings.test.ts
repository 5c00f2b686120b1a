import { beforeEach, describe, expect, it } from 'vitest';
import { saveMapping, savedMapping } from './savedMappings';

beforeEach(() => localStorage.clear());

describe('saved import mappings', () => {
  it('gives back the mapping of a file with the same header row, whatever its case and accents', () => {
    saveMapping(['Nom', 'Prénom', 'Remarque'], ['lastName', 'firstName', 'notes']);
    expect(savedMapping(['NOM', 'Prenom', 'remarque'])).toEqual(['lastName', 'firstName', 'notes']);
    expect(savedMapping(['Nom', 'Prénom'])).toBeNull();
    expect(savedMapping(['Nom', 'Prénom', 'Ville'])).toBeNull();
  });

  it('keeps the latest choice, up to 20 kinds of file, and ignores damaged storage', () => {
    saveMapping(['a'], ['email']);
    saveMapping(['a'], ['phone']);
    expect(savedMapping(['a'])).toEqual(['phone']);
    for (let i = 0; i < 25; i++) saveMapping([`h${i}`], ['city']);
    expect(savedMapping(['h24'])).toEqual(['city']);
    expect(savedMapping(['h4'])).toBeNull();
    expect(savedMapping(['a'])).toBeNull();
    localStorage.setItem('comptoir.importMappings', '[{"headers":"x","mapping":["rm -rf"]}, 3');
    expect(savedMapping(['x'])).toBeNull();
    localStorage.setItem('comptoir.importMappings', '[{"headers":"x","mapping":["not a target"]}]');
    expect(savedMapping(['x'])).toBeNull();
  });
});
