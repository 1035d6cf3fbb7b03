// Hand-written sentences for the PII tests (CI has no ../shared/eval data).
// Numbers are test values: Luhn-valid test cards, registry example IBANs,
// SSNs in issued ranges but not real people's, reserved documentation IPs.
import type { PiiType } from './types';

/** Sentence, and the values in it the filter must find with their types. */
export const positives: [string, [PiiType, string][]][] = [
  ['Write to me at jane.doe+family@example.co.uk please.', [['EMAIL', 'jane.doe+family@example.co.uk']]],
  ['Call me on +44 20 7946 0958 tonight', [['PHONE', '+44 20 7946 0958']]],
  ['my cell is (415) 555-0132, text me', [['PHONE', '(415) 555-0132']]],
  ['Ring 030 12345678 if you get lost', [['PHONE', '030 12345678']]],
  ['Office: +1-202-555-0178 x204', [['PHONE', '+1-202-555-0178 x204']]],
  ['Her number is 06 12 34 56 78.', [['PHONE', '06 12 34 56 78']]],
  ['Card 4111 1111 1111 1111 exp 04/27', [['CREDIT_CARD', '4111 1111 1111 1111']]],
  ['use 5555-5555-5555-4444 for the booking', [['CREDIT_CARD', '5555-5555-5555-4444']]],
  ['IBAN: DE89 3704 0044 0532 0130 00 thanks', [['IBAN', 'DE89 3704 0044 0532 0130 00']]],
  ['pay GB82WEST12345698765432 today', [['IBAN', 'GB82WEST12345698765432']]],
  ['SSN 123-45-6789 on the form', [['SSN', '123-45-6789']]],
  ['my social security number is 123456789', [['SSN', '123456789']]],
  ['the server is at 192.0.2.44, port 22', [['IP_ADDRESS', '192.0.2.44']]],
  ['ping 2001:db8:85a3::8a2e:370:7334 now', [['IP_ADDRESS', '2001:db8:85a3::8a2e:370:7334']]],
  [
    'We live at 742 Evergreen Terrace, Springfield.',
    [['STREET_ADDRESS', '742 Evergreen Terrace, Springfield']],
  ],
  [
    'Send it to 10 Downing Street, London SW1A 2AA',
    [['STREET_ADDRESS', '10 Downing Street, London SW1A 2AA']],
  ],
  ['Meine Adresse: Hauptstraße 12, 10115 Berlin', [['STREET_ADDRESS', 'Hauptstraße 12, 10115 Berlin']]],
  ['post it to P.O. Box 4471', [['STREET_ADDRESS', 'P.O. Box 4471']]],
  ['flat is 12 Rue de la Paix\n75002 Paris', [['STREET_ADDRESS', '12 Rue de la Paix\n75002 Paris']]],
  ['She was born on 14 March 2012 in Leeds.', [['DATE_OF_BIRTH', '14 March 2012']]],
  ['DOB: 2012-03-14', [['DATE_OF_BIRTH', '2012-03-14']]],
];

/** Sentences that look like personal data and are not. */
export const negatives: string[] = [
  'The meeting is on 2024-05-17 at 14:30.',
  'Version 10.0.19041.1 fixed it; see v1.2.3.4 notes.',
  'Pi is 3.14159265 and e is 2.7182818.',
  'The population grew to 1 000 000 by 1990.',
  'Order number 4111111111111112 was shipped.',
  'My driver licence number is 425700624.',
  'We scored 3 points in 5 minutes.',
  'Commit 3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39 fixed the build.',
  'Request id 123e4567-e89b-12d3-a456-426614174000 failed.',
  'In C++ write std::vector<int> and a::b::c.',
  'The score was 21-14 and the time 1:45:30.',
  'Use sk-learn for machine learning, and the internationalization guide.',
  'Chapter 12 covers pages 100-150.',
  'It cost $1,299.99 in 2023.',
];
