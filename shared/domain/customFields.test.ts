import { describe, expect, it } from 'vitest';
import { customFieldIdFor, customFieldSchema } from './customFields';

describe('custom field ids', () => {
  it('come from the label, accent- and case-free, unique among the fields there are', () => {
    expect(customFieldIdFor('Carte fidélité')).toBe('carte-fidelite');
    expect(customFieldIdFor('  Taille (EU) ')).toBe('taille-eu');
    expect(customFieldIdFor('Carte fidélité', ['carte-fidelite'])).toBe('carte-fidelite-2');
    expect(customFieldIdFor('Carte fidélité', ['carte-fidelite', 'carte-fidelite-2'])).toBe(
      'carte-fidelite-3',
    );
    expect(customFieldIdFor('¿?')).toBe('');
    // Always an id the schema accepts, however long the label.
    const id = customFieldIdFor('Numéro de la carte de fidélité du magasin principal', []);
    expect(customFieldSchema.safeParse({ id, label: 'x', type: 'text' }).success).toBe(true);
  });
});
