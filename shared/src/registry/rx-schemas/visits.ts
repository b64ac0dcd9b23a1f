// Written by scripts/generate-rx-schemas.ts from the zod schemas: do not edit by hand.
import type { RxPartitionSchema } from '../partition-rx-schema.ts';

/** The `visits` partition as the device opens it (from `partitionRxSchema('visits')`). */
export const VISITS_RX_SCHEMA: RxPartitionSchema = {
  title: 'visits',
  version: 1,
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
    visitType: { type: 'string', enum: ['appointment', 'walk-in'] },
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
    kind: { type: 'string', const: 'visit' },
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
  required: ['id', 'patientId', 'day', 'visitType', 'arrived', 'kind', 'createdAt', 'updatedAt'],
  indexes: [['day', 'id']],
};
