import { upgradeCustomer, type Customer } from './customer';

/** TESTS ONLY: a stored customer with every field empty but those given. */
export function testCustomer(id: string, fields: Partial<Customer> = {}): Customer {
  return upgradeCustomer({ id, ...fields });
}
