import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoreClient } from '../../../../shared/contract/core';
import type { HostClient } from '../../../../shared/contract/host';
import { EMPTY_CUSTOMER_FIELDS } from '../../../../shared/domain/customer';
import { AppError } from '../../../../shared/errors';
import { ServicesProvider } from '../../../app/services';
import { useLanguageStore } from '../../../i18n/languageStore';
import { createCustomerListStore } from '../stores/customerListStore';
import { createFileSettingsStore } from '../../settings/stores/fileSettingsStore';
import { createVaultStore } from '../../vault/stores/vaultStore';
import { testCustomer } from '../../../../shared/domain/testCustomer';
import { CustomerForm } from './CustomerForm';

function renderForm(
  send: CoreClient['send'],
  props: Partial<Parameters<typeof CustomerForm>[0]> = {},
) {
  const core = { send, on: () => () => {}, close() {} } as CoreClient;
  const host = { send: vi.fn(), on: () => () => {}, close() {} } as unknown as HostClient;
  const onClose = vi.fn();
  render(
    <ServicesProvider
      services={{
        core,
        host,
        customerList: createCustomerListStore(core),
        vault: createVaultStore(host),
        fileSettings: createFileSettingsStore(core),
      }}
    >
      <CustomerForm onClose={onClose} {...props} />
    </ServicesProvider>,
  );
  return { onClose };
}

beforeEach(() => useLanguageStore.getState().setLanguage('en'));

describe('CustomerForm', () => {
  it('shows the rule under the field and sends nothing while a field is wrong', async () => {
    const send = vi.fn();
    renderForm(send);
    await userEvent.type(screen.getByLabelText('Email'), 'marie@');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('This is not a valid email address.')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Email')).toHaveFocus();
    expect(send).not.toHaveBeenCalled();
  });

  it('creates the customer with cleaned values and closes', async () => {
    const send = vi.fn().mockResolvedValue({});
    const { onClose } = renderForm(send as CoreClient['send']);
    await userEvent.type(screen.getByLabelText('First name'), '  Marie ');
    await userEvent.type(screen.getByLabelText('Last name'), 'Curie');
    await userEvent.type(screen.getByLabelText('Tags'), 'vip,  nobel{Enter}');
    expect(send).toHaveBeenCalledWith('customers.create', {
      customer: {
        ...EMPTY_CUSTOMER_FIELDS,
        consent: { email: null, sms: null, post: null, phone: null },
        firstName: 'Marie',
        lastName: 'Curie',
        tags: ['vip', 'nobel'],
        source: 'counter',
      },
    });
    expect(onClose).toHaveBeenCalled();
  });

  it('puts a VALIDATION error from the store under its field, in French too', async () => {
    useLanguageStore.getState().setLanguage('fr');
    const send = vi
      .fn()
      .mockRejectedValue(
        new AppError('VALIDATION', 'bad', [{ path: ['customer', 'city'], rule: 'tooLong' }]),
      );
    const { onClose } = renderForm(send as CoreClient['send']);
    await userEvent.type(screen.getByLabelText('Nom'), 'Curie');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('C’est trop long.')).toBeInTheDocument();
    expect(screen.getByLabelText('Ville')).toHaveAttribute('aria-invalid', 'true');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('edits an existing customer against the version it was opened at', async () => {
    const send = vi.fn().mockResolvedValue({});
    const customer = testCustomer('c1', {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: '',
      phone: '',
      city: 'London',
      tags: [],
      createdAt: 1,
      updatedAt: 1,
      version: 4,
    });
    renderForm(send as CoreClient['send'], { customer });
    expect(screen.getByRole('heading', { name: 'Edit customer' })).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('City'));
    await userEvent.type(screen.getByLabelText('City'), 'Paris{Enter}');
    expect(send).toHaveBeenCalledWith('customers.update', {
      id: 'c1',
      patch: expect.objectContaining({ city: 'Paris', lastName: 'Lovelace' }),
      expectedVersion: 4,
    });
    // Only what the form shows: fields set on the customer page are left alone.
    const patch = (send.mock.calls[0]![1] as { patch: object }).patch;
    expect(Object.keys(patch).sort()).toEqual([
      'city',
      'email',
      'firstName',
      'lastName',
      'phone',
      'tags',
    ]);
  });
});
