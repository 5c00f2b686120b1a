import { testCustomer } from '../../../../shared/domain/testCustomer';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import {
  EMPTY_FORM,
  draftOf,
  fieldErrorsOf,
  serverFieldErrors,
  validateForm,
} from './customerFormValues';

describe('customer form values', () => {
  it('splits tags on commas and drops empty ones', () => {
    expect(draftOf({ ...EMPTY_FORM, tags: ' vip, ,salon ,' }).tags).toEqual(['vip', 'salon']);
  });

  it('validates with the shared schema and names each failing field', () => {
    const result = validateForm({ ...EMPTY_FORM, email: 'nope', phone: 'call me' });
    expect(result).toEqual({ ok: false, errors: { email: 'invalidEmail', phone: 'invalidPhone' } });
    expect(validateForm(EMPTY_FORM)).toEqual({
      ok: false,
      errors: { lastName: 'nameOrEmailRequired' },
    });
    expect(validateForm({ ...EMPTY_FORM, lastName: ' Dupont ' })).toMatchObject({
      ok: true,
      input: { lastName: 'Dupont' },
    });
  });

  it('maps nested problem paths to fields, first problem wins', () => {
    expect(
      fieldErrorsOf(
        [
          { path: ['customer', 'tags', 2], rule: 'tooLong' },
          { path: ['customer', 'tags', 3], rule: 'required' },
          { path: ['other', 'city'], rule: 'tooLong' },
        ],
        ['customer'],
      ),
    ).toEqual({ tags: 'tooLong' });
  });

  it('reads field errors out of a VALIDATION error from the store only', () => {
    const details = [{ path: ['patch', 'email'], rule: 'invalidEmail' }];
    expect(serverFieldErrors(new AppError('VALIDATION', 'bad', details))).toEqual({
      email: 'invalidEmail',
    });
    expect(serverFieldErrors(new AppError('CONFLICT', 'changed', details))).toBeNull();
    expect(serverFieldErrors(new Error('x'))).toBeNull();
  });
});

describe('valuesOf', () => {
  it('takes only the editable fields, so an edit validates against the strict schema', async () => {
    const { valuesOf } = await import('./customerFormValues');
    const values = valuesOf(
      testCustomer('c1', {
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: '',
        phone: '',
        city: '',
        tags: ['a', 'b'],
        createdAt: 1,
        updatedAt: 2,
        version: 3,
      }),
    );
    expect(values).toEqual({ ...EMPTY_FORM, firstName: 'Ada', lastName: 'Lovelace', tags: 'a, b' });
    expect(validateForm(values).ok).toBe(true);
  });
});
