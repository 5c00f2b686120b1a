import { foldText } from '../../domain/fold';
import type { TargetId } from './importTargets';

/** What a header suggests: a target, how sure (higher wins), and where it goes if it loses. */
export interface HeaderGuess {
  target: TargetId;
  score: number;
  /** A many-valued target taken when another column wins `target` (a second phone, say). */
  orElse?: TargetId;
}

/** A header reduced to letters and digits: accents, case, spaces and punctuation don't count. */
export function headerKey(header: string): string {
  return foldText(header).replace(/[^a-z0-9]/g, '');
}

// Scores: 100 the plain name of the field; above it, a name that says "primary" or "code";
// below it, qualified variants: billing/default/home 80-95, shipping/work/business 50-60,
// other 40. Within one export the best-scoring column wins and the rest drop (or go `orElse`).
type Group = [target: TargetId, score: number, headers: string[], orElse?: TargetId];
const P = 'additionalPhone';
const E = 'additionalEmail';

const GROUPS: Group[] = [
  // Names
  ['firstName', 100, ['First Name', 'Given Name', 'Prénom', 'Forename']],
  ['lastName', 100, ['Last Name', 'Family Name', 'Surname', 'Nom', 'Nom de famille']],
  ['fullName', 100, ['Full Name', 'Nom complet', 'Nom et prénom', 'Prénom et nom', 'Nom prénom']],
  ['fullName', 100, ['Prénom nom', 'Contact Name', 'Customer Name', 'Nom du client', 'Client']],
  ['fullName', 80, ['Billing Name']],
  ['fullName', 70, ['Display Name']],
  ['fullName', 60, ['Shipping Name']],
  // Shopify orders' "Name" is the order number: it loses to "Billing Name" when both are there.
  ['fullName', 40, ['Name']],
  // Emails
  ['email', 110, ['Primary Email', 'Email principal']],
  ['email', 100, ['Email', 'Email Address', 'Courriel', 'Adresse email', 'Adresse mail', 'Mail']],
  ['email', 100, ['Adresse électronique', 'Emails', 'Email 1'], E],
  ['email', 60, ['Home Email', 'Personal Email', 'Email perso', 'Email personnel'], E],
  ['email', 40, ['Work Email', 'Business Email', 'Email professionnel', 'Email pro'], E],
  [E, 100, ['Secondary Email', 'Other Email', 'Email 2', 'Email 3', 'Autre email']],
  [E, 100, ['Email secondaire', 'Additional Email', 'Additional Emails']],
  [E, 100, ['Other emails', 'Autres e-mails']],
  // Phones: the first one wins `phone`, the others become additional phones.
  ['phone', 110, ['Primary Phone', 'Téléphone principal'], P],
  ['phone', 100, ['Phone', 'Téléphone', 'Tél', 'Telephone Number', 'Phone Number'], P],
  ['phone', 100, ['Numéro de téléphone', 'Tel Number', 'Phone 1'], P],
  ['phone', 95, ['Mobile', 'Mobile Phone', 'Mobile Number', 'Mobile Phone Number', 'Cell'], P],
  ['phone', 95, ['Cell Phone', 'Portable', 'Tél portable', 'Téléphone portable'], P],
  ['phone', 95, ['Téléphone mobile', 'Tél mobile', 'Numéro de portable', 'GSM'], P],
  ['phone', 80, ['Home Phone', 'Téléphone fixe', 'Tél fixe', 'Fixe', 'Tél domicile'], P],
  ['phone', 60, ['Default Address Phone'], P],
  ['phone', 60, ['Work Phone', 'Business Phone', 'Téléphone professionnel', 'Tél bureau'], P],
  // A billing or shipping phone may be someone else's (a gift): dropped when it loses.
  ['phone', 70, ['Billing Phone']],
  ['phone', 50, ['Shipping Phone']],
  [P, 100, ['Other Phone', 'Home Phone 2', 'Business Phone 2', 'Phone 2', 'Phone 3']],
  [P, 100, ['Autre téléphone', 'Téléphone 2', 'Tél 2', 'Additional Phone', 'Additional Phones']],
  [P, 100, ['Other phones', 'Autres téléphones']],
  // Address
  ['street', 100, ['Address', 'Adresse', 'Street', 'Rue', 'Address1', 'Address Line 1']],
  ['street', 100, ['Adresse 1', 'Adresse ligne 1', 'Street Address', 'Adresse postale']],
  ['street', 90, ['Billing Address1', 'Default Address Address1', 'Home Street', 'Home Address']],
  ['street', 80, ['Billing Street', 'Billing Address']],
  ['street', 60, ['Shipping Address1', 'Business Street', 'Work Address', 'Business Address']],
  ['street', 50, ['Shipping Street', 'Shipping Address']],
  ['street', 40, ['Other Street', 'Other Address']],
  ['address2', 100, ['Address2', 'Address Line 2', 'Adresse 2', 'Adresse ligne 2']],
  ['address2', 100, ["Complément d'adresse", 'Complément', 'Complément adresse']],
  ['address2', 90, ['Billing Address2', 'Default Address Address2', 'Home Address 2']],
  ['address2', 90, ['Home Street 2']],
  ['address2', 60, ['Shipping Address2', 'Work Address 2', 'Business Street 2']],
  ['postalCode', 100, ['Zip', 'Zip Code', 'Postal Code', 'Postcode', 'Code postal']],
  ['postalCode', 100, ['CP', 'Code postale']],
  ['postalCode', 90, ['Billing Zip', 'Default Address Zip', 'Home Postal Code', 'Home ZipCode']],
  ['postalCode', 60, ['Shipping Zip', 'Business Postal Code', 'Work ZipCode']],
  ['postalCode', 40, ['Other Postal Code']],
  ['city', 100, ['City', 'Ville', 'Town', 'Commune', 'Localité']],
  ['city', 90, ['Billing City', 'Default Address City', 'Home City']],
  ['city', 60, ['Shipping City', 'Business City', 'Work City']],
  ['city', 40, ['Other City']],
  // An ISO code beats a country name in the same file.
  ['country', 105, ['Country Code', 'Code pays']],
  ['country', 100, ['Country', 'Pays']],
  ['country', 95, ['Default Address Country Code']],
  ['country', 90, ['Billing Country', 'Home Country']],
  ['country', 60, ['Shipping Country', 'Business Country', 'Work Country']],
  ['country', 40, ['Other Country']],
  // Person
  ['birthDate', 100, ['Birthday', 'Birth Date', 'Date of Birth', 'DOB', 'Date de naissance']],
  ['birthDate', 100, ['Naissance', 'Anniversaire']],
  ['gender', 100, ['Gender', 'Sex', 'Sexe', 'Genre', 'Civilité', 'Salutation']],
  ['language', 100, ['Language', 'Langue', 'Preferred Language', 'Langue préférée']],
  ['company', 100, ['Company', 'Company Name', 'Organization', 'Organisation', 'Société']],
  ['company', 100, ['Organization Name', 'Entreprise', 'Raison sociale', 'Employeur']],
  ['company', 90, ['Default Address Company', 'Associated Company']],
  ['company', 80, ['Billing Company']],
  ['company', 50, ['Shipping Company']],
  ['jobTitle', 100, ['Job Title', 'Organization Title', 'Fonction', 'Poste', 'Position']],
  ['jobTitle', 80, ['Occupation', 'Profession', 'Métier']],
  // Relationship
  ['status', 100, ['Status', 'Statut', 'Customer Status', 'Statut client']],
  ['status', 90, ['Lifecycle Stage']],
  ['tags', 100, ['Tags', 'Tag', 'Étiquettes', 'Étiquette', 'Mots-clés']],
  ['interests', 100, ['Interests', "Centres d'intérêt", "Centre d'intérêt", 'Intérêts']],
  ['notes', 100, ['Notes', 'Note', 'Comment', 'Comments', 'Commentaire', 'Commentaires']],
  ['notes', 100, ['Remarque', 'Remarques', 'Observations', 'Memo']],
  ['sourceDetail', 100, ['Source', 'Origine', 'Provenance', 'Original Source', 'Lead Source']],
  ['externalId', 100, ['Customer ID', 'Record ID', 'Contact ID', 'Client ID', 'ID client']],
  ['externalId', 100, ['Identifiant client', 'Numéro client', 'N° client', 'Code client']],
  ['externalId', 100, ['External ID', 'Customer Number']],
  // Consent
  ['consentEmail', 100, ['Accepts Email Marketing', 'Accepts Marketing', 'Email Marketing']],
  ['consentEmail', 100, ['Email Opt-in', 'Newsletter', 'Opt-in', 'Accepte les emails']],
  ['consentEmail', 100, ['Accepte les mails', 'Accepte la newsletter', 'Abonné newsletter']],
  ['consentEmail', 100, ['Inscrit newsletter', 'Consentement email', 'Email Consent']],
  ['consentSms', 100, ['Accepts SMS Marketing', 'SMS Marketing', 'SMS Opt-in', 'Accepte les SMS']],
  ['consentSms', 100, ['Consentement SMS', 'SMS Consent']],
  // Comptoir's own export, in English and in French: it reads back what it wrote.
  // ("Consentement : e-mail" and "Consentement : SMS" are the aliases above, once folded.)
  ['consentEmail', 100, ['Consent: email']],
  ['consentSms', 100, ['Consent: SMS']],
  ['consentPost', 100, ['Consent: post', 'Consentement : courrier', 'Accepte le courrier']],
  ['consentPhone', 100, ['Consent: phone calls', 'Consentement : appels', 'Accepte les appels']],
  // Comptoir's own names, so that one of its exports comes back as it went out.
  ['sourceDetail', 100, ['sourceDetail']],
];

/** Each header key with its guess; a key given twice is a mistake the tests catch. */
export const HEADER_ALIASES: ReadonlyMap<string, HeaderGuess> = new Map(
  GROUPS.flatMap(([target, score, headers, orElse]) =>
    headers.map((header) => [
      headerKey(header),
      orElse ? { target, score, orElse } : { target, score },
    ]),
  ),
);

/** Every alias as written, for the test that no key is claimed twice. */
export const ALIAS_HEADERS: readonly string[] = GROUPS.flatMap(([, , headers]) => headers);

const ADDRESS_PARTS: Record<string, TargetId> = {
  street: 'street',
  extendedaddress: 'address2',
  city: 'city',
  postalcode: 'postalCode',
  country: 'country',
};

/**
 * Numbered groups of Google Contacts ("E-mail 1 - Value", "Address 2 - City") and Outlook
 * ("E-mail 2 Address"): the first of a kind is the primary, later ones additional or weaker.
 */
export function numberedGuess(key: string): HeaderGuess | null {
  let m = /^email(\d+)(?:value|address)$/.exec(key);
  if (m)
    return Number(m[1]) === 1
      ? { target: 'email', score: 100, orElse: E }
      : { target: E, score: 100 };
  m = /^phone(\d+)value$/.exec(key);
  if (m)
    return Number(m[1]) === 1
      ? { target: 'phone', score: 100, orElse: P }
      : { target: P, score: 100 };
  m = /^address(\d+)(street|extendedaddress|city|postalcode|country)$/.exec(key);
  if (m) return { target: ADDRESS_PARTS[m[2]!]!, score: weaker(100, m[1]!) };
  m = /^organization(\d+)(name|title)$/.exec(key);
  if (m) return { target: m[2] === 'name' ? 'company' : 'jobTitle', score: weaker(100, m[1]!) };
  return null;
}

/** Group 1 keeps the score, each later group is 10 weaker. */
const weaker = (score: number, group: string) => score - 10 * (Math.max(1, Number(group)) - 1);
