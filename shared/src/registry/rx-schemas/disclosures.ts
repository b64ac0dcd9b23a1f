// Written by scripts/generate-rx-schemas.ts from the zod schemas: do not edit by hand.
import type { RxPartitionSchema } from '../partition-rx-schema.ts';

/** The `disclosures` partition as the device opens it (from `partitionRxSchema('disclosures')`). */
export const DISCLOSURES_RX_SCHEMA: RxPartitionSchema = {
  title: 'disclosures',
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
    patientId: {
      type: 'string',
      minLength: 36,
      maxLength: 36,
      pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
    },
    requester: {
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 120 },
        organisation: { type: 'string', maxLength: 160 },
        address: { type: 'string', maxLength: 400 },
      },
      required: ['name', 'address'],
      additionalProperties: false,
    },
    recordsRequested: { type: 'string', minLength: 1, maxLength: 300 },
    purpose: {
      type: 'string',
      enum: [
        'treatment',
        'payment',
        'health-care-operations',
        'to-the-patient',
        'incident-to-permitted',
        'patient-authorization',
        'directory-or-involved-persons',
        'national-security',
        'correctional-custody',
        'limited-data-set',
        'court-order-or-subpoena',
        'law-enforcement',
        'public-health',
        'health-oversight',
        'abuse-neglect',
        'research-without-authorization',
        'decedent-coroner',
        'workers-compensation',
        'required-by-law',
        'serious-threat',
      ],
    },
    basis: {
      anyOf: [
        {
          type: 'object',
          properties: {
            authorization: {
              type: 'object',
              properties: {
                signedOn: {
                  type: 'string',
                  format: 'date',
                  pattern:
                    '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
                },
                expires: {
                  anyOf: [
                    {
                      type: 'object',
                      properties: {
                        on: {
                          type: 'string',
                          format: 'date',
                          pattern:
                            '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
                        },
                      },
                      required: ['on'],
                      additionalProperties: false,
                    },
                    {
                      type: 'object',
                      properties: {
                        event: { type: 'string', minLength: 1, maxLength: 200 },
                        occurredOn: {
                          type: 'string',
                          format: 'date',
                          pattern:
                            '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
                        },
                      },
                      required: ['event'],
                      additionalProperties: false,
                    },
                  ],
                },
                revokedOn: {
                  type: 'string',
                  format: 'date',
                  pattern:
                    '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
                },
                signedByRepresentative: { type: 'boolean' },
                coreElements: {
                  type: 'object',
                  properties: {
                    description: { type: 'boolean' },
                    whoMayDisclose: { type: 'boolean' },
                    recipients: { type: 'boolean' },
                    purpose: { type: 'boolean' },
                    expiration: { type: 'boolean' },
                    signatureAndDate: { type: 'boolean' },
                    representativeAuthority: { type: 'boolean' },
                  },
                  required: [
                    'description',
                    'whoMayDisclose',
                    'recipients',
                    'purpose',
                    'expiration',
                    'signatureAndDate',
                  ],
                  additionalProperties: false,
                },
                requiredStatements: {
                  type: 'object',
                  properties: {
                    rightToRevoke: { type: 'boolean' },
                    conditioning: { type: 'boolean' },
                    redisclosure: { type: 'boolean' },
                  },
                  required: ['rightToRevoke', 'conditioning', 'redisclosure'],
                  additionalProperties: false,
                },
              },
              required: ['signedOn', 'expires', 'coreElements', 'requiredStatements'],
              additionalProperties: false,
            },
          },
          required: ['authorization'],
          additionalProperties: false,
        },
        {
          type: 'object',
          properties: { legalBasis: { type: 'string', minLength: 1, maxLength: 300 } },
          required: ['legalBasis'],
          additionalProperties: false,
        },
      ],
    },
    receivedOn: {
      type: 'string',
      format: 'date',
      pattern:
        '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
    },
    respondBy: {
      type: 'string',
      format: 'date',
      pattern:
        '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
    },
    status: { type: 'string', enum: ['received', 'in-progress', 'released', 'denied'] },
    recorded: {
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
    extension: {
      type: 'object',
      properties: {
        notifiedOn: {
          type: 'string',
          format: 'date',
          pattern:
            '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
        },
        reason: { type: 'string', minLength: 1, maxLength: 300 },
        days: { type: 'integer', minimum: 1, maximum: 30 },
      },
      required: ['notifiedOn', 'reason'],
      additionalProperties: false,
    },
    answeredOn: {
      type: 'string',
      format: 'date',
      pattern:
        '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
    },
    denial: {
      type: 'object',
      properties: {
        reason: { type: 'string', minLength: 1, maxLength: 500 },
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
      required: ['reason', 'at', 'by'],
      additionalProperties: false,
    },
    notes: { type: 'string', maxLength: 2000 },
    kind: {
      type: 'string',
      enum: ['releaseRequest', 'disclosure', 'releaseLetterhead'],
      maxLength: 17,
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
    requestId: {
      type: 'string',
      minLength: 36,
      maxLength: 36,
      pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
    },
    recipient: {
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 120 },
        organisation: { type: 'string', maxLength: 160 },
        address: { type: 'string', maxLength: 400 },
      },
      required: ['name', 'address'],
      additionalProperties: false,
    },
    description: { type: 'string', minLength: 1, maxLength: 300 },
    purposeStatement: { type: 'string', maxLength: 300 },
    documents: {
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
          versionId: {
            type: 'string',
            minLength: 36,
            maxLength: 36,
            pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
          },
          sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
          pageCount: { type: 'integer', minimum: 1, maximum: 2000 },
        },
        required: ['versionId', 'sha256', 'pageCount'],
        additionalProperties: false,
      },
    },
    releasePackage: {
      type: 'object',
      properties: {
        sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
        pageCount: { type: 'integer', minimum: 1, maximum: 20000 },
      },
      required: ['sha256', 'pageCount'],
      additionalProperties: false,
    },
    disclosedOn: {
      type: 'string',
      format: 'date',
      pattern:
        '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
    },
    delivery: {
      type: 'object',
      properties: {
        method: {
          type: 'string',
          enum: [
            'mail',
            'fax',
            'secure-email',
            'portal',
            'in-person',
            'electronic-media',
            'courier',
          ],
        },
        detail: { type: 'string', maxLength: 200 },
      },
      required: ['method'],
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
    accountable: { type: 'boolean' },
    practiceName: { type: 'string', minLength: 1, maxLength: 160 },
    practiceAddress: { type: 'string', maxLength: 400 },
    practicePhone: { type: 'string', minLength: 1, maxLength: 40 },
  },
  required: ['id', 'kind', 'createdAt', 'updatedAt'],
  indexes: ['kind'],
};
