import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type Params } from '../../../i18n/translate';
import { changeValue, fieldLabelKey } from './fieldLabels';

const t = (key: MessageKey, params?: Params) => translate('fr', key, params);

describe('timeline change text', () => {
  it('names fields and shows choices and consent answers in the user’s words', () => {
    expect(t(fieldLabelKey('city'))).toBe('Ville');
    expect(t(fieldLabelKey('consent.sms'))).toBe('SMS');
    expect(changeValue('status', 'customer', t)).toBe('Client');
    expect(changeValue('consent.email', 'no', t)).toBe('Refusé');
    expect(changeValue('consent.email', '', t)).toBe('Pas demandé');
    expect(changeValue('city', '', t)).toBe('—');
    expect(changeValue('city', 'Lyon', t)).toBe('Lyon');
  });
});
