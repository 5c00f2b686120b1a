import { beforeEach, describe, expect, it } from 'vitest';
import { saveMapping, savedMapping } from './savedMappings';

const KEY = 'comptoir.importMappings';

beforeEach(() => localStorage.clear());

describe('saved import mappings', () => {
  it('gives back the mapping of a file with the same header row, whatever its case and accents', async () => {
    await saveMapping(['Nom', 'Prénom', 'Remarque'], ['lastName', 'firstName', 'notes']);
    expect(await savedMapping(['NOM', 'Prenom', 'remarque'])).toEqual([
      'lastName',
      'firstName',
      'notes',
    ]);
    expect(await savedMapping(['Nom', 'Prénom'])).toBeNull();
    expect(await savedMapping(['Nom', 'Prénom', 'Ville'])).toBeNull();
  });

  it('keeps the latest choice, up to 20 kinds of file, and ignores damaged storage', async () => {
    await saveMapping(['a'], ['email']);
    await saveMapping(['a'], ['phone']);
    expect(await savedMapping(['a'])).toEqual(['phone']);
    for (let i = 0; i < 25; i++) await saveMapping([`h${i}`], ['city']);
    expect(await savedMapping(['h24'])).toEqual(['city']);
    expect(await savedMapping(['h4'])).toBeNull();
    expect(await savedMapping(['a'])).toBeNull();
    localStorage.setItem(KEY, '[{"headers":"x","mapping":["rm -rf"]}, 3');
    expect(await savedMapping(['x'])).toBeNull();
    localStorage.setItem(KEY, '[{"headers":"x","mapping":["not a target"]}]');
    expect(await savedMapping(['x'])).toBeNull();
    localStorage.setItem(KEY, '[null, 3, {"headerHash":"zz","mapping":["email"]}]');
    expect(await savedMapping(['x'])).toBeNull();
  });

  it('keeps a SHA-256 of the normalised header row, never the row (it may be a customer)', async () => {
    await saveMapping(['Marie', 'marie.curie@example.org'], ['firstName', 'email']);
    const stored = localStorage.getItem(KEY) ?? '';
    expect(stored).not.toMatch(/marie/i);
    // sha256("marie\u0001marie.curie@example.org")
    const expected = await hex('marie\u0001marie.curie@example.org');
    expect(JSON.parse(stored)).toEqual([{ headerHash: expected, mapping: ['firstName', 'email'] }]);
  });

  it('hashes a mapping saved with its header in clear on the first read, and drops the clear one', async () => {
    localStorage.setItem(
      KEY,
      JSON.stringify([
        { headers: 'marie\u0001marie.curie@example.org', mapping: ['firstName', 'email'] },
        { headers: 'nom', mapping: ['rm -rf'] },
      ]),
    );
    expect(await savedMapping(['Marie', 'Marie.Curie@example.org'])).toEqual([
      'firstName',
      'email',
    ]);
    const stored = localStorage.getItem(KEY) ?? '';
    expect(stored).not.toMatch(/marie|nom/i);
    expect(JSON.parse(stored)).toEqual([
      {
        headerHash: await hex('marie\u0001marie.curie@example.org'),
        mapping: ['firstName', 'email'],
      },
    ]);
    expect(await savedMapping(['marie', 'marie.curie@example.org'])).toEqual([
      'firstName',
      'email',
    ]);
  });

  it('leaves nothing of a damaged storage behind', async () => {
    localStorage.setItem(KEY, '{"headers":"Marie Curie"');
    expect(await savedMapping(['Marie Curie'])).toBeNull();
    expect(localStorage.getItem(KEY)).toBe('[]');
  });
});

async function hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Buffer.from(digest).toString('hex');
}
