import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type Params } from '../../../i18n/translate';
import { changeValue, fieldLabel } from './fieldLabels';

const t = (key: MessageKey, params?: Params) => translate('fr', key, params);

describe('timeline change text', () => {
  it('names fields and shows choices and consent answers in the user’s words', () => {
    const size = { id: 'taille', label: 'Taille', type: 'text' as const, options: [] };
    expect(fieldLabel('city', t, [size])).toBe('Ville');
    expect(fieldLabel('consent.sms', t, [size])).toBe('SMS');
    expect(fieldLabel('custom.taille', t, [size])).toBe('Taille');
    expect(fieldLabel('custom.removed', t, [size])).toBe('removed');
    expect(changeValue('status', 'customer', t)).toBe('Client');
    expect(changeValue('consent.email', 'no', t)).toBe('Refusé');
    expect(changeValue('consent.email', '', t)).toBe('Pas demandé');
    expect(changeValue('city', '', t)).toBe('—');
    expect(changeValue('city', 'Lyon', t)).toBe('Lyon');
  });
});
