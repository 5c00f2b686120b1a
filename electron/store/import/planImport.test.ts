import { describe, expect, it } from 'vitest';
import type { CustomerDraft } from '../../../shared/domain/customer';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';
import { testCustomer } from '../../../shared/domain/testCustomer';
import { planImport, type ImportOptions, type ImportRow } from './planImport';

const settings = { ...DEFAULT_SETTINGS, defaultCountry: 'FR' };
const row = (line: number, draft: CustomerDraft, problems: ImportRow['problems'] = []) => ({
  line,
  draft,
  problems,
});
const options = (policy: ImportOptions['policy']): ImportOptions => ({
  policy,
  matchOn: ['email', 'phone'],
  tag: 'import 2026-12-01 10:00',
});

const marie = testCustomer('m1', {
  firstName: 'Marie',
  lastName: 'Dupont',
  email: 'marie@example.fr',
  phone: '+33612345678',
  city: '',
  company: 'Chez Marie',
  tags: ['vip'],
  version: 3,
});

describe('planning an import', () => {
  it('creates new customers and rejects bad rows with every problem and their line', async () => {
    const plan = await planImport(
      [
        row(2, { firstName: 'Luc', lastName: 'Martin', email: 'LUC@example.fr' }),
        row(3, { firstName: 'Bad', email: 'not-an-email' }),
        row(4, { lastName: 'Cell' }, [{ field: 'Date de naissance', rule: 'invalidDate' }]),
        row(5, { lastName: 'Phone', phone: '12' }),
      ],
      [],
      settings,
      1000,
      options('skip'),
    );
    expect(plan.rows.map((r) => [r.line, r.action])).toEqual([
      [2, 'create'],
      [3, 'reject'],
      [4, 'reject'],
      [5, 'reject'],
    ]);
    expect(plan.creates).toHaveLength(1);
    expect(plan.creates[0]).toMatchObject({
      email: 'luc@example.fr',
      tags: ['import 2026-12-01 10:00'],
    });
    expect(plan.rows[1]!.problems).toEqual([{ field: 'email', rule: 'invalidEmail' }]);
    expect(plan.rows[2]!.problems).toEqual([{ field: 'Date de naissance', rule: 'invalidDate' }]);
    expect(plan.rows[3]!.problems).toEqual([{ field: 'phone', rule: 'invalidPhone' }]);
  });

  it('matches on email or on the phone in any format, per policy', async () => {
    const rows = [
      row(2, { email: 'Marie@Example.fr', city: 'Lyon', company: 'Autre' }),
      row(3, { lastName: 'Dupont', phone: '06 12 34 56 78', jobTitle: 'Gérante' }),
    ];
    const skip = await planImport(rows, [marie], settings, 1000, options('skip'));
    expect(skip.rows.map((r) => r.action)).toEqual(['skip', 'skip']);
    expect(skip.updates.size).toBe(0);

    const fill = await planImport(rows, [marie], settings, 1000, options('fill'));
    expect(fill.rows.map((r) => r.action)).toEqual(['update', 'update']);
    const filled = fill.updates.get('m1')!;
    expect(filled.before).toBe(marie);
    // Empty fields filled, a given company kept, tags merged with the import's.
    expect(filled.next).toMatchObject({
      city: 'Lyon',
      company: 'Chez Marie',
      jobTitle: 'Gérante',
      tags: ['vip', 'import 2026-12-01 10:00'],
      firstName: 'Marie',
      version: 3,
    });

    const overwrite = await planImport(rows, [marie], settings, 1000, options('overwrite'));
    expect(overwrite.updates.get('m1')!.next).toMatchObject({ city: 'Lyon', company: 'Autre' });

    const create = await planImport(rows, [marie], settings, 1000, options('create'));
    expect(create.rows.map((r) => r.action)).toEqual(['create', 'create']);
  });

  it('merges rows of the same person within the file, and says when nothing changes', async () => {
    const plan = await planImport(
      [
        row(2, { lastName: 'Nouveau', email: 'n@example.fr' }),
        row(3, { email: 'n@example.fr', city: 'Paris', tags: ['salon'] }),
        row(4, { email: 'marie@example.fr', company: 'Chez Marie' }),
      ],
      [marie],
      settings,
      1000,
      options('fill'),
    );
    expect(plan.rows.map((r) => r.action)).toEqual(['create', 'merge', 'unchanged']);
    expect(plan.creates).toHaveLength(1);
    expect(plan.creates[0]).toMatchObject({
      lastName: 'Nouveau',
      city: 'Paris',
      tags: ['import 2026-12-01 10:00', 'salon'],
    });
  });

  it('keeps a second email as an additional one instead of losing either', async () => {
    const plan = await planImport(
      [row(2, { phone: '+33 6 12 34 56 78', email: 'pro@example.fr' })],
      [marie],
      settings,
      1000,
      options('fill'),
    );
    expect(plan.updates.get('m1')!.next).toMatchObject({
      email: 'marie@example.fr',
      additionalEmails: ['pro@example.fr'],
    });
    const over = await planImport(
      [row(2, { phone: '+33 6 12 34 56 78', email: 'pro@example.fr' })],
      [marie],
      settings,
      1000,
      options('overwrite'),
    );
    expect(over.updates.get('m1')!.next).toMatchObject({
      email: 'pro@example.fr',
      additionalEmails: ['marie@example.fr'],
    });
  });

  it("finds a customer by the other system's id before the email, when asked to", async () => {
    const shopifyMarie = { ...marie, externalId: '7210448301122' };
    const rows = [row(2, { externalId: '7210448301122', email: 'm.dupont@new.fr', city: 'Lyon' })];
    const byId = await planImport(rows, [shopifyMarie], settings, 0, {
      ...options('fill'),
      matchOn: ['externalId', 'email'],
    });
    expect(byId.rows[0]!.action).toBe('update');
    expect(byId.updates.get('m1')!.next).toMatchObject({
      city: 'Lyon',
      email: 'marie@example.fr',
      additionalEmails: ['m.dupont@new.fr'],
    });
    const notById = await planImport(rows, [shopifyMarie], settings, 0, options('fill'));
    expect(notById.rows[0]!.action).toBe('create');
  });

  it('imports a customer whose phone cannot be read, the number kept word for word in the notes', async () => {
    const plan = await planImport(
      [
        row(2, {
          firstName: 'John',
          lastName: 'Doe',
          phone: '(905) 555-1234',
          additionalPhones: ['+33 6 12 34 56 78'],
          notes: 'Met at the fair',
        }),
      ],
      [],
      settings,
      0,
      options('fill'),
    );
    expect(plan.rows[0]).toMatchObject({ action: 'create', problems: [] });
    expect(plan.phonesKept).toBe(1);
    expect(plan.creates[0]).toMatchObject({
      phone: '+33612345678',
      additionalPhones: [],
      notes: 'Met at the fair\n☎ (905) 555-1234',
    });
  });

  it('stops when cancelled', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => row(i + 2, { lastName: `N${i}` }));
    await expect(
      planImport(rows, [], settings, 1000, { ...options('skip'), shouldStop: () => true }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
