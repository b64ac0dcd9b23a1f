// Written by scripts/generate-rx-schemas.ts from the zod schemas: do not edit by hand.
import type { RxPartitionSchema } from '../partition-rx-schema.ts';

/** The `chartMerges` partition as the device opens it (from `partitionRxSchema('chartMerges')`). */
export const CHART_MERGES_RX_SCHEMA: RxPartitionSchema = {
  title: 'chartMerges',
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
    kind: { type: 'string', const: 'chartMerge' },
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
  required: ['id', 'survivorId', 'mergedId', 'choices', 'kind', 'createdAt', 'updatedAt'],
  indexes: ['survivorId', 'mergedId'],
};
