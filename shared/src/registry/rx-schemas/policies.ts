// Written by scripts/generate-rx-schemas.ts from the zod schemas: do not edit by hand.
import type { RxPartitionSchema } from '../partition-rx-schema.ts';

/** The `policies` partition as the device opens it (from `partitionRxSchema('policies')`). */
export const POLICIES_RX_SCHEMA: RxPartitionSchema = {
  title: 'policies',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 120, pattern: '^[a-z0-9][a-z0-9-]{0,119}$' },
    title: { type: 'string', minLength: 1, maxLength: 160 },
    slug: { type: 'string', maxLength: 60, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
    description: { type: 'string', minLength: 1, maxLength: 500 },
    order: { type: 'integer', minimum: 0, maximum: 100000 },
    readableSignedOut: { type: 'boolean' },
    approvers: {
      maxItems: 12,
      type: 'array',
      items: { type: 'string', maxLength: 64, pattern: '^[a-z0-9][a-z0-9-]{0,63}$' },
    },
    kind: {
      type: 'string',
      enum: ['manual', 'policy', 'policyVersion', 'policyApproval', 'policyReview'],
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
    manualId: { type: 'string', maxLength: 120, pattern: '^[a-z0-9][a-z0-9-]{0,119}$' },
    number: { type: 'string', maxLength: 30, pattern: '^[A-Z0-9]+(-[A-Z0-9]+)*$' },
    ownerStaffId: { type: 'string', maxLength: 64, pattern: '^[a-z0-9][a-z0-9-]{0,63}$' },
    area: { type: 'string', minLength: 1, maxLength: 80 },
    legalReferences: {
      maxItems: 20,
      type: 'array',
      items: { type: 'string', minLength: 1, maxLength: 80 },
    },
    reviewIntervalMonths: { type: 'integer', minimum: 1, maximum: 60 },
    reviewOn: {
      type: 'string',
      format: 'date',
      pattern:
        '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
    },
    reviewWarningDays: { type: 'integer', minimum: 0, maximum: 365 },
    publishedVersionId: { type: 'string', maxLength: 120, pattern: '^[a-z0-9][a-z0-9-]{0,119}$' },
    privacyNotice: { type: 'boolean' },
    retired: { type: 'boolean' },
    retiredOn: {
      type: 'string',
      format: 'date',
      pattern:
        '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
    },
    policyId: { type: 'string', maxLength: 120, pattern: '^[a-z0-9][a-z0-9-]{0,119}$' },
    versionNumber: { type: 'integer', minimum: 1, maximum: 999 },
    status: {
      type: 'string',
      enum: ['draft', 'in-review', 'approved', 'published', 'superseded', 'retired'],
    },
    effectiveOn: {
      type: 'string',
      format: 'date',
      pattern:
        '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
    },
    changeSummary: { type: 'string', minLength: 1, maxLength: 500 },
    materialChange: { type: 'boolean' },
    text: { type: 'string', maxLength: 4000000, pattern: '^[A-Za-z0-9+/]*={0,2}$' },
    contentHash: { type: 'string', minLength: 64, maxLength: 64, pattern: '^[0-9a-f]{64}$' },
    reviewRound: { type: 'integer', minimum: 0, maximum: 999 },
    authors: {
      maxItems: 12,
      type: 'array',
      items: { type: 'string', maxLength: 64, pattern: '^[a-z0-9][a-z0-9-]{0,63}$' },
    },
    quiz: {
      maxItems: 20,
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string', pattern: '^[a-z0-9-]{1,20}$' },
          prompt: { type: 'string', minLength: 1, maxLength: 300 },
          choices: {
            minItems: 2,
            maxItems: 6,
            type: 'array',
            items: { type: 'string', minLength: 1, maxLength: 200 },
          },
          correct: { type: 'integer', minimum: 0, maximum: 5 },
        },
        required: ['id', 'prompt', 'choices', 'correct'],
        additionalProperties: false,
      },
    },
    versionLabel: { type: 'string', minLength: 1, maxLength: 40 },
    approvedAt: {
      type: 'string',
      format: 'date-time',
      pattern:
        '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z))$',
    },
    publishedAt: {
      type: 'string',
      format: 'date-time',
      pattern:
        '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z))$',
    },
    supersededOn: {
      type: 'string',
      format: 'date',
      pattern:
        '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
    },
    versionId: { type: 'string', maxLength: 120, pattern: '^[a-z0-9][a-z0-9-]{0,119}$' },
    approverStaffId: { type: 'string', maxLength: 64, pattern: '^[a-z0-9][a-z0-9-]{0,63}$' },
    round: { type: 'integer', minimum: 0, maximum: 999 },
    step: { type: 'integer', minimum: 0, maximum: 11 },
    decision: { type: 'string', enum: ['approved', 'rejected'] },
    meaning: { type: 'string', minLength: 1, maxLength: 200 },
    comment: { type: 'string', minLength: 1, maxLength: 500 },
    signedAt: {
      type: 'string',
      format: 'date-time',
      pattern:
        '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z))$',
    },
    signedBy: {
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
    reviewedOn: {
      type: 'string',
      format: 'date',
      pattern:
        '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$',
    },
    outcome: { type: 'string', enum: ['no-change', 'revise'] },
    byStaffId: { type: 'string', maxLength: 64, pattern: '^[a-z0-9][a-z0-9-]{0,63}$' },
    note: { type: 'string', minLength: 1, maxLength: 500 },
  },
  required: ['id', 'kind', 'createdAt', 'updatedAt'],
  indexes: ['kind'],
};
