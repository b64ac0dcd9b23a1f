// Written by scripts/generate-rx-schemas.ts from the zod schemas: do not edit by hand.
import type { CollectionName } from './collection-names.ts';

/** A collection's RxDB schema as the device opens it (what the `*RxSchema()` functions return). */
export type RxCollectionSchema = {
  title: string;
  version: number;
  primaryKey: string;
  type: 'object';
  properties: Record<string, unknown>;
  required: string[];
  indexes: (string | string[])[];
};

/**
 * The RxDB (JSON Schema) form of every replicated collection, generated from its zod schema
 * (`patientRxSchema`, `chartMergeRxSchema`, `visitRxSchema`) so that the device's database
 * opens without zod (ADR 14). rx-schemas.test.ts checks that it still equals them.
 */
export const RX_SCHEMAS: Record<CollectionName, RxCollectionSchema> = {
  patients: {
    title: 'patients',
    version: 3,
    primaryKey: 'id',
    type: 'object',
    properties: {
      id: {
        type: 'string',
        minLength: 36,
        maxLength: 36,
        pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
      },
      chartNumber: { type: 'string', pattern: '^[A-Za-z0-9-]{1,20}$' },
      mergedInto: {
        type: 'string',
        minLength: 36,
        maxLength: 36,
        pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
      },
      givenName: {
        type: 'string',
        minLength: 1,
        maxLength: 100,
        pattern: "^[\\p{L}\\p{M}][\\p{L}\\p{M} '’.,-]*$",
      },
      middleName: {
        type: 'string',
        minLength: 1,
        maxLength: 100,
        pattern: "^[\\p{L}\\p{M}][\\p{L}\\p{M} '’.,-]*$",
      },
      familyName: {
        type: 'string',
        minLength: 1,
        maxLength: 100,
        pattern: "^[\\p{L}\\p{M}][\\p{L}\\p{M} '’.,-]*$",
      },
      suffix: { type: 'string', pattern: '^[\\p{L}0-9.]{1,10}$' },
      preferredName: {
        type: 'string',
        minLength: 1,
        maxLength: 100,
        pattern: "^[\\p{L}\\p{M}][\\p{L}\\p{M} '’.,-]*$",
      },
      previousNames: {
        type: 'object',
        propertyNames: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,40}$' },
        additionalProperties: {
          type: 'object',
          properties: {
            givenName: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
              pattern: "^[\\p{L}\\p{M}][\\p{L}\\p{M} '’.,-]*$",
            },
            familyName: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
              pattern: "^[\\p{L}\\p{M}][\\p{L}\\p{M} '’.,-]*$",
            },
            until: {
              type: 'string',
              format: 'date',
              pattern:
                '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
            },
          },
          required: ['familyName'],
          additionalProperties: false,
        },
      },
      dateOfBirth: {
        type: 'string',
        format: 'date',
        pattern:
          '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
      },
      dateOfBirthEstimated: { type: 'boolean' },
      sex: { type: 'string', enum: ['female', 'male', 'other', 'unknown'] },
      genderIdentity: {
        type: 'string',
        enum: [
          'female',
          'male',
          'nonbinary',
          'transgender-female',
          'transgender-male',
          'other',
          'declined',
        ],
      },
      genderIdentityText: { type: 'string', minLength: 1, maxLength: 60 },
      pronouns: { type: 'string', enum: ['she-her', 'he-him', 'they-them', 'other', 'declined'] },
      pronounsText: { type: 'string', minLength: 1, maxLength: 40 },
      race: {
        maxItems: 6,
        type: 'array',
        items: {
          type: 'string',
          enum: [
            'american-indian-alaska-native',
            'asian',
            'black-african-american',
            'native-hawaiian-pacific-islander',
            'white',
            'declined',
          ],
        },
      },
      ethnicity: { type: 'string', enum: ['hispanic-latino', 'not-hispanic-latino', 'declined'] },
      preferredLanguage: { type: 'string', pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' },
      interpreterNeeded: { type: 'boolean' },
      photo: {
        type: 'object',
        properties: {
          sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
          type: {
            type: 'string',
            enum: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
          },
          size: { type: 'integer', minimum: 1, maximum: 15728640 },
        },
        required: ['sha256', 'type', 'size'],
        additionalProperties: false,
      },
      phone: { type: 'string', pattern: '^\\+[1-9]\\d{7,14}$' },
      phoneType: { type: 'string', enum: ['mobile', 'home', 'work'] },
      otherPhones: {
        type: 'object',
        properties: {
          mobile: { type: 'string', pattern: '^\\+[1-9]\\d{7,14}$' },
          home: { type: 'string', pattern: '^\\+[1-9]\\d{7,14}$' },
          work: { type: 'string', pattern: '^\\+[1-9]\\d{7,14}$' },
        },
        additionalProperties: false,
      },
      email: {
        type: 'string',
        maxLength: 254,
        format: 'email',
        pattern:
          "^(?:[A-Za-z0-9_'+\\-]+\\.)*[A-Za-z0-9_'+\\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\\-]*\\.)+[A-Za-z]{2,}$",
      },
      address: {
        type: 'object',
        properties: {
          line1: { type: 'string', minLength: 1, maxLength: 200 },
          line2: { type: 'string', maxLength: 200 },
          city: { type: 'string', minLength: 1, maxLength: 100 },
          state: {
            type: 'string',
            enum: [
              'AL',
              'AK',
              'AZ',
              'AR',
              'CA',
              'CO',
              'CT',
              'DE',
              'DC',
              'FL',
              'GA',
              'HI',
              'ID',
              'IL',
              'IN',
              'IA',
              'KS',
              'KY',
              'LA',
              'ME',
              'MD',
              'MA',
              'MI',
              'MN',
              'MS',
              'MO',
              'MT',
              'NE',
              'NV',
              'NH',
              'NJ',
              'NM',
              'NY',
              'NC',
              'ND',
              'OH',
              'OK',
              'OR',
              'PA',
              'RI',
              'SC',
              'SD',
              'TN',
              'TX',
              'UT',
              'VT',
              'VA',
              'WA',
              'WV',
              'WI',
              'WY',
              'AS',
              'GU',
              'MP',
              'PR',
              'VI',
            ],
          },
          postalCode: { type: 'string', pattern: '^\\d{5}(-\\d{4})?$' },
        },
        required: ['line1', 'city', 'state', 'postalCode'],
        additionalProperties: false,
      },
      mailingAddress: {
        type: 'object',
        properties: {
          line1: { type: 'string', minLength: 1, maxLength: 200 },
          line2: { type: 'string', maxLength: 200 },
          city: { type: 'string', minLength: 1, maxLength: 100 },
          state: {
            type: 'string',
            enum: [
              'AL',
              'AK',
              'AZ',
              'AR',
              'CA',
              'CO',
              'CT',
              'DE',
              'DC',
              'FL',
              'GA',
              'HI',
              'ID',
              'IL',
              'IN',
              'IA',
              'KS',
              'KY',
              'LA',
              'ME',
              'MD',
              'MA',
              'MI',
              'MN',
              'MS',
              'MO',
              'MT',
              'NE',
              'NV',
              'NH',
              'NJ',
              'NM',
              'NY',
              'NC',
              'ND',
              'OH',
              'OK',
              'OR',
              'PA',
              'RI',
              'SC',
              'SD',
              'TN',
              'TX',
              'UT',
              'VT',
              'VA',
              'WA',
              'WV',
              'WI',
              'WY',
              'AS',
              'GU',
              'MP',
              'PR',
              'VI',
            ],
          },
          postalCode: { type: 'string', pattern: '^\\d{5}(-\\d{4})?$' },
        },
        required: ['line1', 'city', 'state', 'postalCode'],
        additionalProperties: false,
      },
      emergencyContacts: {
        type: 'object',
        propertyNames: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,40}$' },
        additionalProperties: {
          type: 'object',
          properties: {
            name: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
              pattern: "^[\\p{L}\\p{M}][\\p{L}\\p{M} '’.,-]*$",
            },
            relationship: {
              type: 'string',
              enum: [
                'spouse',
                'partner',
                'parent',
                'child',
                'sibling',
                'grandparent',
                'legal-guardian',
                'caregiver',
                'friend',
                'other',
              ],
            },
            phone: { type: 'string', pattern: '^\\+[1-9]\\d{7,14}$' },
            otherPhone: { type: 'string', pattern: '^\\+[1-9]\\d{7,14}$' },
          },
          required: ['name', 'relationship', 'phone'],
          additionalProperties: false,
        },
      },
      guarantor: {
        type: 'object',
        properties: {
          givenName: {
            type: 'string',
            minLength: 1,
            maxLength: 100,
            pattern: "^[\\p{L}\\p{M}][\\p{L}\\p{M} '’.,-]*$",
          },
          familyName: {
            type: 'string',
            minLength: 1,
            maxLength: 100,
            pattern: "^[\\p{L}\\p{M}][\\p{L}\\p{M} '’.,-]*$",
          },
          relationship: {
            type: 'string',
            enum: [
              'spouse',
              'partner',
              'parent',
              'child',
              'sibling',
              'grandparent',
              'legal-guardian',
              'caregiver',
              'friend',
              'other',
            ],
          },
          dateOfBirth: {
            type: 'string',
            format: 'date',
            pattern:
              '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
          },
          phone: { type: 'string', pattern: '^\\+[1-9]\\d{7,14}$' },
          address: {
            type: 'object',
            properties: {
              line1: { type: 'string', minLength: 1, maxLength: 200 },
              line2: { type: 'string', maxLength: 200 },
              city: { type: 'string', minLength: 1, maxLength: 100 },
              state: {
                type: 'string',
                enum: [
                  'AL',
                  'AK',
                  'AZ',
                  'AR',
                  'CA',
                  'CO',
                  'CT',
                  'DE',
                  'DC',
                  'FL',
                  'GA',
                  'HI',
                  'ID',
                  'IL',
                  'IN',
                  'IA',
                  'KS',
                  'KY',
                  'LA',
                  'ME',
                  'MD',
                  'MA',
                  'MI',
                  'MN',
                  'MS',
                  'MO',
                  'MT',
                  'NE',
                  'NV',
                  'NH',
                  'NJ',
                  'NM',
                  'NY',
                  'NC',
                  'ND',
                  'OH',
                  'OK',
                  'OR',
                  'PA',
                  'RI',
                  'SC',
                  'SD',
                  'TN',
                  'TX',
                  'UT',
                  'VT',
                  'VA',
                  'WA',
                  'WV',
                  'WI',
                  'WY',
                  'AS',
                  'GU',
                  'MP',
                  'PR',
                  'VI',
                ],
              },
              postalCode: { type: 'string', pattern: '^\\d{5}(-\\d{4})?$' },
            },
            required: ['line1', 'city', 'state', 'postalCode'],
            additionalProperties: false,
          },
          personalRepresentative: { type: 'boolean' },
          authority: { type: 'string', minLength: 1, maxLength: 200 },
        },
        required: ['givenName', 'familyName', 'relationship'],
        additionalProperties: false,
      },
      employer: {
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 120 },
          occupation: { type: 'string', minLength: 1, maxLength: 120 },
          phone: { type: 'string', pattern: '^\\+[1-9]\\d{7,14}$' },
        },
        required: ['name'],
        additionalProperties: false,
      },
      primaryCareProvider: {
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 120 },
          npi: { type: 'string', pattern: '^\\d{10}$' },
          phone: { type: 'string', pattern: '^\\+[1-9]\\d{7,14}$' },
        },
        required: ['name'],
        additionalProperties: false,
      },
      referringProvider: {
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 120 },
          npi: { type: 'string', pattern: '^\\d{10}$' },
          phone: { type: 'string', pattern: '^\\+[1-9]\\d{7,14}$' },
        },
        required: ['name'],
        additionalProperties: false,
      },
      preferredPharmacy: {
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 120 },
          phone: { type: 'string', pattern: '^\\+[1-9]\\d{7,14}$' },
          location: { type: 'string', minLength: 1, maxLength: 200 },
        },
        required: ['name'],
        additionalProperties: false,
      },
      coverage: {
        type: 'object',
        properties: {
          primary: {
            type: 'object',
            properties: {
              payerType: {
                type: 'string',
                enum: ['medicare', 'medicaid', 'commercial', 'self-pay', 'other'],
              },
              payerName: { type: 'string', minLength: 1, maxLength: 120 },
              planName: { type: 'string', minLength: 1, maxLength: 120 },
              memberId: { type: 'string', pattern: '^[A-Za-z0-9-]{1,30}$' },
              groupNumber: { type: 'string', pattern: '^[A-Za-z0-9-]{1,30}$' },
              relationship: { type: 'string', enum: ['self', 'spouse', 'child', 'other'] },
              subscriber: {
                type: 'object',
                properties: {
                  givenName: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 100,
                    pattern: "^[\\p{L}\\p{M}][\\p{L}\\p{M} '’.,-]*$",
                  },
                  familyName: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 100,
                    pattern: "^[\\p{L}\\p{M}][\\p{L}\\p{M} '’.,-]*$",
                  },
                  dateOfBirth: {
                    type: 'string',
                    format: 'date',
                    pattern:
                      '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
                  },
                  sex: { type: 'string', enum: ['female', 'male', 'other', 'unknown'] },
                  address: {
                    type: 'object',
                    properties: {
                      line1: { type: 'string', minLength: 1, maxLength: 200 },
                      line2: { type: 'string', maxLength: 200 },
                      city: { type: 'string', minLength: 1, maxLength: 100 },
                      state: {
                        type: 'string',
                        enum: [
                          'AL',
                          'AK',
                          'AZ',
                          'AR',
                          'CA',
                          'CO',
                          'CT',
                          'DE',
                          'DC',
                          'FL',
                          'GA',
                          'HI',
                          'ID',
                          'IL',
                          'IN',
                          'IA',
                          'KS',
                          'KY',
                          'LA',
                          'ME',
                          'MD',
                          'MA',
                          'MI',
                          'MN',
                          'MS',
                          'MO',
                          'MT',
                          'NE',
                          'NV',
                          'NH',
                          'NJ',
                          'NM',
                          'NY',
                          'NC',
                          'ND',
                          'OH',
                          'OK',
                          'OR',
                          'PA',
                          'RI',
                          'SC',
                          'SD',
                          'TN',
                          'TX',
                          'UT',
                          'VT',
                          'VA',
                          'WA',
                          'WV',
                          'WI',
                          'WY',
                          'AS',
                          'GU',
                          'MP',
                          'PR',
                          'VI',
                        ],
                      },
                      postalCode: { type: 'string', pattern: '^\\d{5}(-\\d{4})?$' },
                    },
                    required: ['line1', 'city', 'state', 'postalCode'],
                    additionalProperties: false,
                  },
                  phone: { type: 'string', pattern: '^\\+[1-9]\\d{7,14}$' },
                  employer: { type: 'string', minLength: 1, maxLength: 120 },
                },
                required: ['givenName', 'familyName', 'dateOfBirth'],
                additionalProperties: false,
              },
              effectiveDate: {
                type: 'string',
                format: 'date',
                pattern:
                  '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
              },
              endDate: {
                type: 'string',
                format: 'date',
                pattern:
                  '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
              },
              copayCents: { type: 'integer', minimum: 0, maximum: 1000000 },
              cardFront: {
                type: 'object',
                properties: {
                  sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
                  type: {
                    type: 'string',
                    enum: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
                  },
                  size: { type: 'integer', minimum: 1, maximum: 15728640 },
                },
                required: ['sha256', 'type', 'size'],
                additionalProperties: false,
              },
              cardBack: {
                type: 'object',
                properties: {
                  sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
                  type: {
                    type: 'string',
                    enum: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
                  },
                  size: { type: 'integer', minimum: 1, maximum: 15728640 },
                },
                required: ['sha256', 'type', 'size'],
                additionalProperties: false,
              },
            },
            required: ['payerType'],
            additionalProperties: false,
          },
          secondary: {
            type: 'object',
            properties: {
              payerType: {
                type: 'string',
                enum: ['medicare', 'medicaid', 'commercial', 'self-pay', 'other'],
              },
              payerName: { type: 'string', minLength: 1, maxLength: 120 },
              planName: { type: 'string', minLength: 1, maxLength: 120 },
              memberId: { type: 'string', pattern: '^[A-Za-z0-9-]{1,30}$' },
              groupNumber: { type: 'string', pattern: '^[A-Za-z0-9-]{1,30}$' },
              relationship: { type: 'string', enum: ['self', 'spouse', 'child', 'other'] },
              subscriber: {
                type: 'object',
                properties: {
                  givenName: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 100,
                    pattern: "^[\\p{L}\\p{M}][\\p{L}\\p{M} '’.,-]*$",
                  },
                  familyName: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 100,
                    pattern: "^[\\p{L}\\p{M}][\\p{L}\\p{M} '’.,-]*$",
                  },
                  dateOfBirth: {
                    type: 'string',
                    format: 'date',
                    pattern:
                      '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
                  },
                  sex: { type: 'string', enum: ['female', 'male', 'other', 'unknown'] },
                  address: {
                    type: 'object',
                    properties: {
                      line1: { type: 'string', minLength: 1, maxLength: 200 },
                      line2: { type: 'string', maxLength: 200 },
                      city: { type: 'string', minLength: 1, maxLength: 100 },
                      state: {
                        type: 'string',
                        enum: [
                          'AL',
                          'AK',
                          'AZ',
                          'AR',
                          'CA',
                          'CO',
                          'CT',
                          'DE',
                          'DC',
                          'FL',
                          'GA',
                          'HI',
                          'ID',
                          'IL',
                          'IN',
                          'IA',
                          'KS',
                          'KY',
                          'LA',
                          'ME',
                          'MD',
                          'MA',
                          'MI',
                          'MN',
                          'MS',
                          'MO',
                          'MT',
                          'NE',
                          'NV',
                          'NH',
                          'NJ',
                          'NM',
                          'NY',
                          'NC',
                          'ND',
                          'OH',
                          'OK',
                          'OR',
                          'PA',
                          'RI',
                          'SC',
                          'SD',
                          'TN',
                          'TX',
                          'UT',
                          'VT',
                          'VA',
                          'WA',
                          'WV',
                          'WI',
                          'WY',
                          'AS',
                          'GU',
                          'MP',
                          'PR',
                          'VI',
                        ],
                      },
                      postalCode: { type: 'string', pattern: '^\\d{5}(-\\d{4})?$' },
                    },
                    required: ['line1', 'city', 'state', 'postalCode'],
                    additionalProperties: false,
                  },
                  phone: { type: 'string', pattern: '^\\+[1-9]\\d{7,14}$' },
                  employer: { type: 'string', minLength: 1, maxLength: 120 },
                },
                required: ['givenName', 'familyName', 'dateOfBirth'],
                additionalProperties: false,
              },
              effectiveDate: {
                type: 'string',
                format: 'date',
                pattern:
                  '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
              },
              endDate: {
                type: 'string',
                format: 'date',
                pattern:
                  '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
              },
              copayCents: { type: 'integer', minimum: 0, maximum: 1000000 },
              cardFront: {
                type: 'object',
                properties: {
                  sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
                  type: {
                    type: 'string',
                    enum: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
                  },
                  size: { type: 'integer', minimum: 1, maximum: 15728640 },
                },
                required: ['sha256', 'type', 'size'],
                additionalProperties: false,
              },
              cardBack: {
                type: 'object',
                properties: {
                  sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
                  type: {
                    type: 'string',
                    enum: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
                  },
                  size: { type: 'integer', minimum: 1, maximum: 15728640 },
                },
                required: ['sha256', 'type', 'size'],
                additionalProperties: false,
              },
            },
            required: ['payerType'],
            additionalProperties: false,
          },
          tertiary: {
            type: 'object',
            properties: {
              payerType: {
                type: 'string',
                enum: ['medicare', 'medicaid', 'commercial', 'self-pay', 'other'],
              },
              payerName: { type: 'string', minLength: 1, maxLength: 120 },
              planName: { type: 'string', minLength: 1, maxLength: 120 },
              memberId: { type: 'string', pattern: '^[A-Za-z0-9-]{1,30}$' },
              groupNumber: { type: 'string', pattern: '^[A-Za-z0-9-]{1,30}$' },
              relationship: { type: 'string', enum: ['self', 'spouse', 'child', 'other'] },
              subscriber: {
                type: 'object',
                properties: {
                  givenName: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 100,
                    pattern: "^[\\p{L}\\p{M}][\\p{L}\\p{M} '’.,-]*$",
                  },
                  familyName: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 100,
                    pattern: "^[\\p{L}\\p{M}][\\p{L}\\p{M} '’.,-]*$",
                  },
                  dateOfBirth: {
                    type: 'string',
                    format: 'date',
                    pattern:
                      '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
                  },
                  sex: { type: 'string', enum: ['female', 'male', 'other', 'unknown'] },
                  address: {
                    type: 'object',
                    properties: {
                      line1: { type: 'string', minLength: 1, maxLength: 200 },
                      line2: { type: 'string', maxLength: 200 },
                      city: { type: 'string', minLength: 1, maxLength: 100 },
                      state: {
                        type: 'string',
                        enum: [
                          'AL',
                          'AK',
                          'AZ',
                          'AR',
                          'CA',
                          'CO',
                          'CT',
                          'DE',
                          'DC',
                          'FL',
                          'GA',
                          'HI',
                          'ID',
                          'IL',
                          'IN',
                          'IA',
                          'KS',
                          'KY',
                          'LA',
                          'ME',
                          'MD',
                          'MA',
                          'MI',
                          'MN',
                          'MS',
                          'MO',
                          'MT',
                          'NE',
                          'NV',
                          'NH',
                          'NJ',
                          'NM',
                          'NY',
                          'NC',
                          'ND',
                          'OH',
                          'OK',
                          'OR',
                          'PA',
                          'RI',
                          'SC',
                          'SD',
                          'TN',
                          'TX',
                          'UT',
                          'VT',
                          'VA',
                          'WA',
                          'WV',
                          'WI',
                          'WY',
                          'AS',
                          'GU',
                          'MP',
                          'PR',
                          'VI',
                        ],
                      },
                      postalCode: { type: 'string', pattern: '^\\d{5}(-\\d{4})?$' },
                    },
                    required: ['line1', 'city', 'state', 'postalCode'],
                    additionalProperties: false,
                  },
                  phone: { type: 'string', pattern: '^\\+[1-9]\\d{7,14}$' },
                  employer: { type: 'string', minLength: 1, maxLength: 120 },
                },
                required: ['givenName', 'familyName', 'dateOfBirth'],
                additionalProperties: false,
              },
              effectiveDate: {
                type: 'string',
                format: 'date',
                pattern:
                  '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
              },
              endDate: {
                type: 'string',
                format: 'date',
                pattern:
                  '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
              },
              copayCents: { type: 'integer', minimum: 0, maximum: 1000000 },
              cardFront: {
                type: 'object',
                properties: {
                  sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
                  type: {
                    type: 'string',
                    enum: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
                  },
                  size: { type: 'integer', minimum: 1, maximum: 15728640 },
                },
                required: ['sha256', 'type', 'size'],
                additionalProperties: false,
              },
              cardBack: {
                type: 'object',
                properties: {
                  sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
                  type: {
                    type: 'string',
                    enum: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
                  },
                  size: { type: 'integer', minimum: 1, maximum: 15728640 },
                },
                required: ['sha256', 'type', 'size'],
                additionalProperties: false,
              },
            },
            required: ['payerType'],
            additionalProperties: false,
          },
        },
        additionalProperties: false,
      },
      privacyNotice: {
        type: 'object',
        properties: {
          status: { type: 'string', enum: ['acknowledged', 'not-obtained'] },
          version: { type: 'string', minLength: 1, maxLength: 40 },
          date: {
            type: 'string',
            format: 'date',
            pattern:
              '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
          },
          method: { type: 'string', enum: ['signed-tablet', 'signed-paper', 'email-receipt'] },
          effort: { type: 'string', minLength: 1, maxLength: 500 },
          reason: { type: 'string', minLength: 1, maxLength: 500 },
        },
        required: ['status', 'version', 'date'],
        additionalProperties: false,
      },
      communication: {
        type: 'object',
        properties: {
          voicemail: { type: 'boolean' },
          sms: { type: 'boolean' },
          email: { type: 'boolean' },
          mail: { type: 'boolean' },
          leaveMessageWith: { type: 'string', minLength: 1, maxLength: 200 },
        },
        additionalProperties: false,
      },
      consents: {
        type: 'object',
        properties: {
          treatment: {
            type: 'object',
            properties: {
              status: { type: 'string', enum: ['granted', 'refused', 'revoked'] },
              version: { type: 'string', minLength: 1, maxLength: 40 },
              date: {
                type: 'string',
                format: 'date',
                pattern:
                  '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
              },
              expires: {
                type: 'string',
                format: 'date',
                pattern:
                  '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
              },
            },
            required: ['status', 'version', 'date'],
            additionalProperties: false,
          },
          'financial-policy': {
            type: 'object',
            properties: {
              status: { type: 'string', enum: ['granted', 'refused', 'revoked'] },
              version: { type: 'string', minLength: 1, maxLength: 40 },
              date: {
                type: 'string',
                format: 'date',
                pattern:
                  '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
              },
              expires: {
                type: 'string',
                format: 'date',
                pattern:
                  '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
              },
            },
            required: ['status', 'version', 'date'],
            additionalProperties: false,
          },
          'assignment-of-benefits': {
            type: 'object',
            properties: {
              status: { type: 'string', enum: ['granted', 'refused', 'revoked'] },
              version: { type: 'string', minLength: 1, maxLength: 40 },
              date: {
                type: 'string',
                format: 'date',
                pattern:
                  '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
              },
              expires: {
                type: 'string',
                format: 'date',
                pattern:
                  '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
              },
            },
            required: ['status', 'version', 'date'],
            additionalProperties: false,
          },
          telehealth: {
            type: 'object',
            properties: {
              status: { type: 'string', enum: ['granted', 'refused', 'revoked'] },
              version: { type: 'string', minLength: 1, maxLength: 40 },
              date: {
                type: 'string',
                format: 'date',
                pattern:
                  '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
              },
              expires: {
                type: 'string',
                format: 'date',
                pattern:
                  '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
              },
            },
            required: ['status', 'version', 'date'],
            additionalProperties: false,
          },
          photography: {
            type: 'object',
            properties: {
              status: { type: 'string', enum: ['granted', 'refused', 'revoked'] },
              version: { type: 'string', minLength: 1, maxLength: 40 },
              date: {
                type: 'string',
                format: 'date',
                pattern:
                  '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
              },
              expires: {
                type: 'string',
                format: 'date',
                pattern:
                  '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
              },
            },
            required: ['status', 'version', 'date'],
            additionalProperties: false,
          },
          'hie-sharing': {
            type: 'object',
            properties: {
              status: { type: 'string', enum: ['granted', 'refused', 'revoked'] },
              version: { type: 'string', minLength: 1, maxLength: 40 },
              date: {
                type: 'string',
                format: 'date',
                pattern:
                  '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
              },
              expires: {
                type: 'string',
                format: 'date',
                pattern:
                  '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
              },
            },
            required: ['status', 'version', 'date'],
            additionalProperties: false,
          },
          'immunization-registry': {
            type: 'object',
            properties: {
              status: { type: 'string', enum: ['granted', 'refused', 'revoked'] },
              version: { type: 'string', minLength: 1, maxLength: 40 },
              date: {
                type: 'string',
                format: 'date',
                pattern:
                  '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
              },
              expires: {
                type: 'string',
                format: 'date',
                pattern:
                  '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
              },
            },
            required: ['status', 'version', 'date'],
            additionalProperties: false,
          },
        },
        additionalProperties: false,
      },
      demographicsConfirmedAt: {
        type: 'string',
        format: 'date-time',
        pattern:
          '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z))$',
      },
      createdAt: {
        type: 'string',
        format: 'date-time',
        pattern:
          '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z))$',
      },
      updatedAt: {
        type: 'string',
        format: 'date-time',
        pattern:
          '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z))$',
      },
      editedBy: {
        type: 'object',
        properties: {
          userId: { type: 'string', minLength: 1, maxLength: 64 },
          name: { type: 'string', minLength: 1, maxLength: 120 },
          deviceId: {
            type: 'string',
            pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
          },
        },
        required: ['userId', 'name', 'deviceId'],
        additionalProperties: false,
      },
      conflicts: {
        type: 'object',
        propertyNames: { type: 'string', minLength: 1, maxLength: 240 },
        additionalProperties: {
          type: 'object',
          properties: {
            path: { type: 'string', minLength: 1, maxLength: 200 },
            base: { type: ['string', 'number', 'boolean', 'null', 'array', 'object'] },
            kept: {
              type: 'object',
              properties: {
                value: { type: ['string', 'number', 'boolean', 'null', 'array', 'object'] },
                at: {
                  type: 'string',
                  format: 'date-time',
                  pattern:
                    '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z))$',
                },
                by: {
                  type: 'object',
                  properties: {
                    userId: { type: 'string', minLength: 1, maxLength: 64 },
                    name: { type: 'string', minLength: 1, maxLength: 120 },
                    deviceId: {
                      type: 'string',
                      pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
                    },
                  },
                  required: ['userId', 'name', 'deviceId'],
                  additionalProperties: false,
                },
              },
              additionalProperties: false,
            },
            other: {
              type: 'object',
              properties: {
                value: { type: ['string', 'number', 'boolean', 'null', 'array', 'object'] },
                at: {
                  type: 'string',
                  format: 'date-time',
                  pattern:
                    '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z))$',
                },
                by: {
                  type: 'object',
                  properties: {
                    userId: { type: 'string', minLength: 1, maxLength: 64 },
                    name: { type: 'string', minLength: 1, maxLength: 120 },
                    deviceId: {
                      type: 'string',
                      pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
                    },
                  },
                  required: ['userId', 'name', 'deviceId'],
                  additionalProperties: false,
                },
              },
              additionalProperties: false,
            },
            status: { type: 'string', enum: ['open', 'settled'] },
            settlement: {
              type: 'object',
              properties: {
                value: { type: ['string', 'number', 'boolean', 'null', 'array', 'object'] },
                at: {
                  type: 'string',
                  format: 'date-time',
                  pattern:
                    '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z))$',
                },
                by: {
                  type: 'object',
                  properties: {
                    userId: { type: 'string', minLength: 1, maxLength: 64 },
                    name: { type: 'string', minLength: 1, maxLength: 120 },
                    deviceId: {
                      type: 'string',
                      pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
                    },
                  },
                  required: ['userId', 'name', 'deviceId'],
                  additionalProperties: false,
                },
              },
              required: ['at', 'by'],
              additionalProperties: false,
            },
          },
          required: ['path', 'kept', 'other', 'status'],
          additionalProperties: false,
        },
      },
    },
    required: ['id', 'givenName', 'familyName', 'dateOfBirth', 'sex', 'createdAt', 'updatedAt'],
    indexes: [['familyName', 'givenName', 'id']],
  },
  chartMerges: {
    title: 'chartMerges',
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: {
      id: {
        type: 'string',
        minLength: 36,
        maxLength: 36,
        pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
      },
      survivorId: {
        type: 'string',
        minLength: 36,
        maxLength: 36,
        pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
      },
      mergedId: {
        type: 'string',
        minLength: 36,
        maxLength: 36,
        pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
      },
      survivorChartNumber: { type: 'string', maxLength: 20 },
      mergedChartNumber: { type: 'string', maxLength: 20 },
      choices: {
        type: 'object',
        propertyNames: { type: 'string', minLength: 1, maxLength: 80 },
        additionalProperties: { type: 'string', enum: ['survivor', 'merged', 'both'] },
      },
      createdAt: {
        type: 'string',
        format: 'date-time',
        pattern:
          '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z))$',
      },
      updatedAt: {
        type: 'string',
        format: 'date-time',
        pattern:
          '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z))$',
      },
      editedBy: {
        type: 'object',
        properties: {
          userId: { type: 'string', minLength: 1, maxLength: 64 },
          name: { type: 'string', minLength: 1, maxLength: 120 },
          deviceId: {
            type: 'string',
            pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
          },
        },
        required: ['userId', 'name', 'deviceId'],
        additionalProperties: false,
      },
      conflicts: {
        type: 'object',
        propertyNames: { type: 'string', minLength: 1, maxLength: 240 },
        additionalProperties: {
          type: 'object',
          properties: {
            path: { type: 'string', minLength: 1, maxLength: 200 },
            base: { type: ['string', 'number', 'boolean', 'null', 'array', 'object'] },
            kept: {
              type: 'object',
              properties: {
                value: { type: ['string', 'number', 'boolean', 'null', 'array', 'object'] },
                at: {
                  type: 'string',
                  format: 'date-time',
                  pattern:
                    '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z))$',
                },
                by: {
                  type: 'object',
                  properties: {
                    userId: { type: 'string', minLength: 1, maxLength: 64 },
                    name: { type: 'string', minLength: 1, maxLength: 120 },
                    deviceId: {
                      type: 'string',
                      pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
                    },
                  },
                  required: ['userId', 'name', 'deviceId'],
                  additionalProperties: false,
                },
              },
              additionalProperties: false,
            },
            other: {
              type: 'object',
              properties: {
                value: { type: ['string', 'number', 'boolean', 'null', 'array', 'object'] },
                at: {
                  type: 'string',
                  format: 'date-time',
                  pattern:
                    '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z))$',
                },
                by: {
                  type: 'object',
                  properties: {
                    userId: { type: 'string', minLength: 1, maxLength: 64 },
                    name: { type: 'string', minLength: 1, maxLength: 120 },
                    deviceId: {
                      type: 'string',
                      pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
                    },
                  },
                  required: ['userId', 'name', 'deviceId'],
                  additionalProperties: false,
                },
              },
              additionalProperties: false,
            },
            status: { type: 'string', enum: ['open', 'settled'] },
            settlement: {
              type: 'object',
              properties: {
                value: { type: ['string', 'number', 'boolean', 'null', 'array', 'object'] },
                at: {
                  type: 'string',
                  format: 'date-time',
                  pattern:
                    '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z))$',
                },
                by: {
                  type: 'object',
                  properties: {
                    userId: { type: 'string', minLength: 1, maxLength: 64 },
                    name: { type: 'string', minLength: 1, maxLength: 120 },
                    deviceId: {
                      type: 'string',
                      pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
                    },
                  },
                  required: ['userId', 'name', 'deviceId'],
                  additionalProperties: false,
                },
              },
              required: ['at', 'by'],
              additionalProperties: false,
            },
          },
          required: ['path', 'kept', 'other', 'status'],
          additionalProperties: false,
        },
      },
    },
    required: ['id', 'survivorId', 'mergedId', 'choices', 'createdAt', 'updatedAt'],
    indexes: ['survivorId', 'mergedId'],
  },
  visits: {
    title: 'visits',
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: {
      id: {
        type: 'string',
        maxLength: 60,
        pattern: '^v-\\d{4}-\\d{2}-\\d{2}-\\d{1,2}-[0-9a-f-]{36}$',
      },
      patientId: {
        type: 'string',
        minLength: 36,
        maxLength: 36,
        pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
      },
      day: {
        type: 'string',
        minLength: 10,
        maxLength: 10,
        format: 'date',
        pattern:
          '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
      },
      kind: { type: 'string', enum: ['appointment', 'walk-in'] },
      appointmentTime: { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' },
      reason: { type: 'string', minLength: 1, maxLength: 200 },
      arrived: {
        type: 'object',
        properties: {
          at: {
            type: 'string',
            format: 'date-time',
            pattern:
              '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z))$',
          },
          by: {
            type: 'object',
            properties: {
              userId: { type: 'string', minLength: 1, maxLength: 64 },
              name: { type: 'string', minLength: 1, maxLength: 120 },
              deviceId: {
                type: 'string',
                pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
              },
            },
            required: ['userId', 'name', 'deviceId'],
            additionalProperties: false,
          },
        },
        required: ['at', 'by'],
        additionalProperties: false,
      },
      roomed: {
        type: 'object',
        properties: {
          at: {
            type: 'string',
            format: 'date-time',
            pattern:
              '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z))$',
          },
          by: {
            type: 'object',
            properties: {
              userId: { type: 'string', minLength: 1, maxLength: 64 },
              name: { type: 'string', minLength: 1, maxLength: 120 },
              deviceId: {
                type: 'string',
                pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
              },
            },
            required: ['userId', 'name', 'deviceId'],
            additionalProperties: false,
          },
        },
        required: ['at', 'by'],
        additionalProperties: false,
      },
      room: { type: 'string', minLength: 1, maxLength: 40 },
      checkedOut: {
        type: 'object',
        properties: {
          at: {
            type: 'string',
            format: 'date-time',
            pattern:
              '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z))$',
          },
          by: {
            type: 'object',
            properties: {
              userId: { type: 'string', minLength: 1, maxLength: 64 },
              name: { type: 'string', minLength: 1, maxLength: 120 },
              deviceId: {
                type: 'string',
                pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
              },
            },
            required: ['userId', 'name', 'deviceId'],
            additionalProperties: false,
          },
        },
        required: ['at', 'by'],
        additionalProperties: false,
      },
      cancelled: {
        type: 'object',
        properties: {
          at: {
            type: 'string',
            format: 'date-time',
            pattern:
              '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z))$',
          },
          by: {
            type: 'object',
            properties: {
              userId: { type: 'string', minLength: 1, maxLength: 64 },
              name: { type: 'string', minLength: 1, maxLength: 120 },
              deviceId: {
                type: 'string',
                pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
              },
            },
            required: ['userId', 'name', 'deviceId'],
            additionalProperties: false,
          },
        },
        required: ['at', 'by'],
        additionalProperties: false,
      },
      cancelReason: { type: 'string', enum: ['left-without-being-seen', 'entered-in-error'] },
      createdAt: {
        type: 'string',
        format: 'date-time',
        pattern:
          '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z))$',
      },
      updatedAt: {
        type: 'string',
        format: 'date-time',
        pattern:
          '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z))$',
      },
      editedBy: {
        type: 'object',
        properties: {
          userId: { type: 'string', minLength: 1, maxLength: 64 },
          name: { type: 'string', minLength: 1, maxLength: 120 },
          deviceId: {
            type: 'string',
            pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
          },
        },
        required: ['userId', 'name', 'deviceId'],
        additionalProperties: false,
      },
      conflicts: {
        type: 'object',
        propertyNames: { type: 'string', minLength: 1, maxLength: 240 },
        additionalProperties: {
          type: 'object',
          properties: {
            path: { type: 'string', minLength: 1, maxLength: 200 },
            base: { type: ['string', 'number', 'boolean', 'null', 'array', 'object'] },
            kept: {
              type: 'object',
              properties: {
                value: { type: ['string', 'number', 'boolean', 'null', 'array', 'object'] },
                at: {
                  type: 'string',
                  format: 'date-time',
                  pattern:
                    '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z))$',
                },
                by: {
                  type: 'object',
                  properties: {
                    userId: { type: 'string', minLength: 1, maxLength: 64 },
                    name: { type: 'string', minLength: 1, maxLength: 120 },
                    deviceId: {
                      type: 'string',
                      pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
                    },
                  },
                  required: ['userId', 'name', 'deviceId'],
                  additionalProperties: false,
                },
              },
              additionalProperties: false,
            },
            other: {
              type: 'object',
              properties: {
                value: { type: ['string', 'number', 'boolean', 'null', 'array', 'object'] },
                at: {
                  type: 'string',
                  format: 'date-time',
                  pattern:
                    '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z))$',
                },
                by: {
                  type: 'object',
                  properties: {
                    userId: { type: 'string', minLength: 1, maxLength: 64 },
                    name: { type: 'string', minLength: 1, maxLength: 120 },
                    deviceId: {
                      type: 'string',
                      pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
                    },
                  },
                  required: ['userId', 'name', 'deviceId'],
                  additionalProperties: false,
                },
              },
              additionalProperties: false,
            },
            status: { type: 'string', enum: ['open', 'settled'] },
            settlement: {
              type: 'object',
              properties: {
                value: { type: ['string', 'number', 'boolean', 'null', 'array', 'object'] },
                at: {
                  type: 'string',
                  format: 'date-time',
                  pattern:
                    '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z))$',
                },
                by: {
                  type: 'object',
                  properties: {
                    userId: { type: 'string', minLength: 1, maxLength: 64 },
                    name: { type: 'string', minLength: 1, maxLength: 120 },
                    deviceId: {
                      type: 'string',
                      pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
                    },
                  },
                  required: ['userId', 'name', 'deviceId'],
                  additionalProperties: false,
                },
              },
              required: ['at', 'by'],
              additionalProperties: false,
            },
          },
          required: ['path', 'kept', 'other', 'status'],
          additionalProperties: false,
        },
      },
    },
    required: ['id', 'patientId', 'day', 'kind', 'arrived', 'createdAt', 'updatedAt'],
    indexes: [['day', 'id']],
  },
};
