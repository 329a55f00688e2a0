import { PURPOSES } from '../core/purposes.js';

/** At most this many vendors in one receipt (a site configures far fewer). */
export const MAX_VENDORS = 500;

/**
 * The JSON schema of `POST /receipts`: exactly what the widget sends (src/standards/receipts.ts),
 * nothing more. Patterns are anchored and free of nested quantifiers.
 */
export const receiptSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['consentId', 'timestamp', 'revision', 'vendors', 'purposes', 'method', 'gpc', 'language', 'textsHash'],
  properties: {
    consentId: { type: 'string', pattern: '^[0-9A-Za-z_-]{8,64}$' },
    // What Date.prototype.toISOString() writes: one spelling per instant, so retries deduplicate.
    timestamp: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$' },
    revision: { type: 'integer', minimum: 0, maximum: 2147483647 },
    vendors: {
      type: 'object',
      maxProperties: MAX_VENDORS,
      propertyNames: { pattern: '^[a-z0-9-]{1,64}$' },
      additionalProperties: { type: 'boolean' },
    },
    purposes: {
      type: 'object',
      propertyNames: { enum: [...PURPOSES] },
      additionalProperties: { type: 'boolean' },
    },
    method: { enum: ['banner', 'dialog', 'placeholder', 'api'] },
    gpc: { type: 'boolean' },
    language: { type: 'string', pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$' },
    textsHash: { type: 'string', pattern: '^[0-9a-f]{8}$' },
  },
} as const;
