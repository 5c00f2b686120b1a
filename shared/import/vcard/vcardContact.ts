/** The vCard versions read; '' when a card does not say (its properties are read all the same). */
export type VcardVersion = '2.1' | '3.0' | '4.0' | '';

/** An email or a phone number with its TYPE values (lower case, 'pref' left out) and preference. */
export interface VcardTypedValue {
  value: string;
  types: string[];
  /** 1 is the most preferred (vCard 4.0 PREF=1; TYPE=pref or a bare PREF in 2.1/3.0); null if not said. */
  pref: number | null;
}

/** The N property: family;given;additional;prefix;suffix. */
export interface VcardName {
  family: string;
  given: string;
  additional: string;
  prefix: string;
  suffix: string;
}

/** The ADR property: po box;extended;street;locality;region;postal code;country. */
export interface VcardAddress {
  poBox: string;
  extended: string;
  street: string;
  locality: string;
  region: string;
  postalCode: string;
  country: string;
  types: string[];
  pref: number | null;
}

/** BDAY as written, and as a full date when it has a year, a month and a day. */
export interface VcardBirthday {
  raw: string;
  /** YYYY-MM-DD, or '' for a date without year (--MMDD), a text value or anything unreadable. */
  date: string;
}

/** One card of a .vcf file, in plain values: what Comptoir can use of it, nothing encoded. */
export interface VcardContact {
  /** 1-based line of the file where BEGIN:VCARD stands. */
  line: number;
  version: VcardVersion;
  /** FN, the name as displayed. */
  formattedName: string;
  /** N, or null when the card has no N property. */
  name: VcardName | null;
  emails: VcardTypedValue[];
  phones: VcardTypedValue[];
  addresses: VcardAddress[];
  /** ORG: the organisation's name, then its units; [] when absent. */
  organization: string[];
  title: string;
  birthday: VcardBirthday | null;
  notes: string[];
  /** CATEGORIES of every such property, without duplicates. */
  categories: string[];
  /** vCard 4.0 GENDER sex letter (M, F, O, N, U), upper case; '' when absent. */
  gender: string;
  /** LANG values, most preferred first. */
  languages: string[];
  uid: string;
}

/** Something in the file that could not be read as written, at its 1-based line. */
export interface VcardProblem {
  line: number;
  message: string;
}
