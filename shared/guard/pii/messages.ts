// The plain-English warning per type for the as-you-type UI, as data: the
// renderer gets a message key and the type, and looks the sentence up in its
// own language table. English lives here as the default table.
import type { PiiPolicy } from './policy';
import type { PiiType } from './types';

export interface PiiMessage {
  /** e.g. "pii.PHONE.redact" */
  key: string;
  type: PiiType;
  policy: PiiPolicy;
}

export const piiMessage = (type: PiiType, policy: PiiPolicy): PiiMessage => ({
  key: `pii.${type}.${policy}`,
  type,
  policy,
});

const what: Record<PiiType, string> = {
  EMAIL: 'an email address',
  PHONE: 'a phone number',
  CREDIT_CARD: 'a payment card number',
  IBAN: 'a bank account number (IBAN)',
  SSN: 'a Social Security number',
  IP_ADDRESS: 'an IP address',
  STREET_ADDRESS: 'a home or street address',
  DATE_OF_BIRTH: 'a date of birth',
  API_KEY: 'a password-like key for an online service',
  PRIVATE_KEY: 'a private key',
  SECRET: 'a password or secret code',
};

const then: Record<PiiPolicy, string> = {
  warn: 'The model will see it. Only send it if you are sure.',
  redact: 'Airlock will hide it from the model.',
  block: 'Personal details like this can’t be sent. Please take it out first.',
};

/** English sentences by key: "This looks like a phone number. Airlock will hide it from the model." */
export const piiMessagesEn: Readonly<Record<string, string>> = Object.fromEntries(
  (Object.keys(what) as PiiType[]).flatMap((type) =>
    (Object.keys(then) as PiiPolicy[]).map((policy) => [
      piiMessage(type, policy).key,
      `This looks like ${what[type]}. ${then[policy]}`,
    ]),
  ),
);
