import { emptyConsent } from '../domain/consent';
import { EMPTY_CUSTOMER_FIELDS, type CustomerInput, type CustomerStatus } from '../domain/customer';
import {
  DEMO_TAGS,
  ENGLISH_CITIES,
  ENGLISH_EMAIL_DOMAINS,
  ENGLISH_FIRST_NAMES,
  ENGLISH_LAST_NAMES,
  FRENCH_CITIES,
  FRENCH_EMAIL_DOMAINS,
  FRENCH_FIRST_NAMES,
  FRENCH_LAST_NAMES,
} from './names';
import { digits, pick, seededRandom } from './random';

/** The part of an email made from a name: accents folded, spaces and quotes dropped. */
function emailPart(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

const FRENCH_MOBILE_STARTS = [
  '60',
  '61',
  '62',
  '64',
  '65',
  '66',
  '67',
  '68',
  '73',
  '75',
  '76',
  '78',
];

function frenchPhone(random: () => number): string {
  // Ranges allocated to mainland France (063x and 069x belong to overseas regions; 070-072 are free).
  const mobile = `${pick(random, FRENCH_MOBILE_STARTS)}${digits(random, 7)}`;
  const pairs = mobile.slice(1).match(/../g)!.join(' ');
  return random() < 0.7 ? `0${mobile[0]} ${pairs}` : `+33 ${mobile[0]} ${pairs}`;
}

function britishPhone(random: () => number): string {
  const rest = digits(random, 6);
  const prefix = pick(random, ['7400', '7500', '7800', '7900']);
  // Written the international way: the demo file's default country is France.
  return random() < 0.6 ? `+44 ${prefix} ${rest}` : `+44 (0)${prefix} ${rest}`;
}

const DEMO_STATUSES: readonly CustomerStatus[] = [
  'customer',
  'customer',
  'customer',
  'lead',
  'prospect',
  'inactive',
];

/**
 * Deterministic demo customers, about two thirds French and one third British. Every one has
 * a name or an email, and every one passes the customer schema.
 */
export function generateDemoCustomers(count: number, seed: number): CustomerInput[] {
  const random = seededRandom(seed);
  const customers: CustomerInput[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const french = random() < 0.66;
    const firstName = pick(random, french ? FRENCH_FIRST_NAMES : ENGLISH_FIRST_NAMES);
    const lastName = pick(random, french ? FRENCH_LAST_NAMES : ENGLISH_LAST_NAMES);
    const separator = pick(random, ['.', '', '_', '-']);
    const domain = pick(random, french ? FRENCH_EMAIL_DOMAINS : ENGLISH_EMAIL_DOMAINS);
    // A running number keeps emails distinct enough to look like real, different people.
    const suffix = random() < 0.5 ? '' : String(Math.floor(random() * 100));
    const email =
      random() < 0.9
        ? `${emailPart(firstName)}${separator}${emailPart(lastName)}${suffix}@${domain}`
        : '';
    const tags: string[] = [];
    while (random() < 0.35 && tags.length < 3) {
      const tag = pick(random, DEMO_TAGS);
      if (!tags.includes(tag)) tags.push(tag);
    }
    const consent = emptyConsent();
    if (email && random() < 0.7) consent.email = { granted: random() < 0.8, at: 0, source: 'demo' };
    customers[i] = {
      ...EMPTY_CUSTOMER_FIELDS,
      firstName: random() < 0.03 ? '' : firstName,
      lastName,
      email,
      phone: random() < 0.8 ? (french ? frenchPhone(random) : britishPhone(random)) : '',
      city: random() < 0.9 ? pick(random, french ? FRENCH_CITIES : ENGLISH_CITIES) : '',
      country: french ? 'FR' : 'GB',
      language: french ? 'fr' : 'en',
      status: pick(random, DEMO_STATUSES),
      source: pick(random, ['counter', 'counter', 'web', 'event', 'import'] as const),
      tags,
      consent,
    };
  }
  return customers;
}
