// Written by scripts/generate-rx-schemas.ts from the zod schemas: do not edit by hand.
import type { RxPartitionSchema } from '../partition-rx-schema.ts';

/** The `filing` partition as the device opens it (from `partitionRxSchema('filing')`). */
export const FILING_RX_SCHEMA: RxPartitionSchema = {
  title: 'filing',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: {
      type: 'string',
      minLength: 36,
      maxLength: 36,
      pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
    },
    title: { type: 'string', minLength: 1, maxLength: 200 },
    documentDate: {
      type: 'string',
      format: 'date',
      pattern:
        '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
    },
    patientId: {
      type: 'string',
      minLength: 36,
      maxLength: 36,
      pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
    },
    categoryId: {
      type: 'string',
      minLength: 36,
      maxLength: 36,
      pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
    },
    documentTypeId: {
      type: 'string',
      minLength: 36,
      maxLength: 36,
      pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
    },
    correspondentId: {
      type: 'string',
      minLength: 36,
      maxLength: 36,
      pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
    },
    tags: {
      type: 'object',
      propertyNames: {
        type: 'string',
        minLength: 36,
        maxLength: 36,
        pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
      },
      additionalProperties: { type: 'boolean', const: true },
    },
    notes: { type: 'string', maxLength: 4000 },
    fields: {
      type: 'object',
      propertyNames: {
        type: 'string',
        minLength: 36,
        maxLength: 36,
        pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
      },
      additionalProperties: {
        anyOf: [
          { type: 'string', maxLength: 500 },
          { type: 'number', minimum: -1000000000000, maximum: 1000000000000 },
          { type: 'boolean' },
        ],
      },
    },
    source: { type: 'string', enum: ['scan', 'upload', 'generated'] },
    versions: {
      type: 'object',
      propertyNames: {
        type: 'string',
        minLength: 36,
        maxLength: 36,
        pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
      },
      additionalProperties: {
        type: 'object',
        properties: {
          file: {
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
          pageCount: { type: 'integer', minimum: 1, maximum: 2000 },
          label: { type: 'string', maxLength: 120 },
          fileName: { type: 'string', maxLength: 200 },
          added: {
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
        },
        required: ['file', 'pageCount', 'added'],
        additionalProperties: false,
      },
    },
    text: {
      type: 'object',
      properties: {
        versionId: {
          type: 'string',
          minLength: 36,
          maxLength: 36,
          pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
        },
        source: { type: 'string', enum: ['pdf', 'device-recognition', 'server-recognition'] },
        pages: { maxItems: 2000, type: 'array', items: { type: 'string', maxLength: 40000 } },
        confidence: { type: 'number', minimum: 0, maximum: 100 },
      },
      required: ['versionId', 'source', 'pages'],
      additionalProperties: false,
    },
    captured: {
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
    filed: {
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
    moves: {
      type: 'object',
      propertyNames: {
        type: 'string',
        minLength: 36,
        maxLength: 36,
        pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
      },
      additionalProperties: {
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
          fromPatientId: {
            type: 'string',
            minLength: 36,
            maxLength: 36,
            pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
          },
          toPatientId: {
            type: 'string',
            minLength: 36,
            maxLength: 36,
            pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
          },
          fromCategoryId: {
            type: 'string',
            minLength: 36,
            maxLength: 36,
            pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
          },
          toCategoryId: {
            type: 'string',
            minLength: 36,
            maxLength: 36,
            pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
          },
        },
        required: ['at', 'by'],
        additionalProperties: false,
      },
    },
    trashed: {
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
    expiresOn: {
      type: 'string',
      format: 'date',
      pattern:
        '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
    },
    kind: {
      type: 'string',
      enum: [
        'filedDocument',
        'category',
        'documentType',
        'customField',
        'correspondent',
        'tag',
        'retentionRule',
        'legalHold',
        'filingSettings',
      ],
      maxLength: 14,
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
    name: { type: 'string', minLength: 1, maxLength: 120 },
    parentId: {
      type: 'string',
      minLength: 36,
      maxLength: 36,
      pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
    },
    description: { type: 'string', maxLength: 300 },
    readRoles: {
      maxItems: 5,
      type: 'array',
      items: {
        type: 'string',
        enum: ['front-desk', 'billing', 'clinician', 'office-manager', 'admin'],
      },
    },
    order: { type: 'integer', minimum: 0, maximum: 1000000 },
    archived: { type: 'boolean' },
    matching: {
      type: 'object',
      properties: {
        algorithm: { type: 'string', enum: ['none', 'any', 'all', 'exact', 'regex', 'fuzzy'] },
        pattern: { type: 'string', maxLength: 500 },
        caseSensitive: { type: 'boolean' },
      },
      required: ['algorithm', 'pattern', 'caseSensitive'],
      additionalProperties: false,
    },
    expires: { type: 'boolean' },
    fieldType: {
      type: 'string',
      enum: ['text', 'date', 'number', 'money', 'yes-no', 'choice', 'document-link'],
    },
    choices: {
      maxItems: 50,
      type: 'array',
      items: { type: 'string', minLength: 1, maxLength: 80 },
    },
    correspondentType: {
      type: 'string',
      enum: [
        'payer',
        'lab',
        'hospital',
        'practice',
        'vendor',
        'attorney',
        'agency',
        'patient',
        'other',
      ],
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
    phone: { type: 'string', pattern: '^\\+[1-9]\\d{7,14}$' },
    basis: { type: 'string', enum: ['document-date', 'last-visit', 'age-of-majority'] },
    years: { type: 'integer', minimum: 0, maximum: 100 },
    majorityAge: { type: 'integer', minimum: 14, maximum: 25 },
    citation: { type: 'string', maxLength: 300 },
    documentId: {
      type: 'string',
      minLength: 36,
      maxLength: 36,
      pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
    },
    reason: { type: 'string', minLength: 1, maxLength: 300 },
    matter: { type: 'string', maxLength: 200 },
    placed: {
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
    released: {
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
    offlineBudgetMb: { type: 'integer', minimum: 50, maximum: 20000 },
    recentDocumentDays: { type: 'integer', minimum: 1, maximum: 3650 },
    trashDays: { type: 'integer', minimum: 1, maximum: 365 },
  },
  required: ['id', 'kind', 'createdAt', 'updatedAt'],
  indexes: ['kind'],
};
