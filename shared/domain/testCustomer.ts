import type { Customer } from './customer';

/** TESTS ONLY: a stored customer with every field empty but those given. */
export function testCustomer(id: string, fields: Partial<Customer> = {}): Customer {
  return {
    id,
    firstName: '',
    lastName: '',
    email: '',
    phone: '',
    city: '',
    tags: [],
    createdAt: 0,
    updatedAt: 0,
    version: 1,
    ...fields,
  };
}
