import { z } from 'zod';
import { sunshineV2Contract } from '../support/openapi';

/**
 * Schemas the Sunshine contract tests need beyond the operations of `tests/support/openapi.ts`:
 * - v2 component schemas by name: the operation-level check validates integrations against the
 *   base `integration` schema only (its discriminator is dropped), so the type-specific shapes
 *   (`whatsapp`, `twilio`, …) are checked by name, write-only fields forbidden;
 * - zod schemas for the v1.1 message-template endpoints and the v1.1 error body, which no spec
 *   documents (written from reference §1.5 and §1.6).
 */

/** Errors of `value` against the v2 component schema `name`, as a response; empty when valid. */
export function v2SchemaErrors(name: string, value: unknown): string[] {
  return sunshineV2Contract().checkSchema(name, value).errors;
}

// --- v1.1 message templates (Meta's shape, reference §1.5 and §2) ---

const buttonText = z.string().min(1).max(25);

const templateButton = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('QUICK_REPLY'), text: buttonText }),
  z.strictObject({ type: z.literal('URL'), text: buttonText, url: z.string().regex(/^https?:\/\//), example: z.array(z.string()).length(1).optional() }),
  z.strictObject({ type: z.literal('PHONE_NUMBER'), text: buttonText, phone_number: z.string().regex(/^\+[1-9][0-9]{6,14}$/) }),
]);

const templateComponent = z.union([
  z.strictObject({
    type: z.literal('HEADER'),
    format: z.literal('TEXT'),
    text: z.string().min(1).max(60),
    example: z.strictObject({ header_text: z.array(z.string()).length(1) }).optional(),
  }),
  z.strictObject({
    type: z.literal('HEADER'),
    format: z.enum(['IMAGE', 'DOCUMENT', 'VIDEO']),
    example: z.strictObject({ header_handle: z.array(z.string().min(1)).length(1) }),
  }),
  z.strictObject({
    type: z.literal('BODY'),
    text: z.string().min(1).max(1024),
    example: z.strictObject({ body_text: z.array(z.array(z.string())).length(1) }).optional(),
  }),
  z.strictObject({ type: z.literal('FOOTER'), text: z.string().min(1).max(60) }),
  z.strictObject({ type: z.literal('BUTTONS'), buttons: z.array(templateButton).min(1).max(10) }),
]);

export const messageTemplateSchema = z
  .strictObject({
    id: z.string().regex(/^[0-9]+$/),
    name: z.string().regex(/^[a-z0-9_]{1,512}$/),
    language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/),
    status: z.enum(['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED']),
    category: z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION']),
    components: z.array(templateComponent).min(1),
    rejected_reason: z.enum(['ABUSIVE_CONTENT', 'INCORRECT_CATEGORY', 'INVALID_FORMAT', 'PROMOTIONAL', 'SCAM', 'TAG_CONTENT_MISMATCH']).optional(),
  })
  .refine((template) => (template.status === 'REJECTED') === (template.rejected_reason !== undefined), {
    message: 'rejected_reason is given exactly on REJECTED templates',
  })
  .refine((template) => template.components.filter((component) => component.type === 'BODY').length === 1, {
    message: 'a template has exactly one BODY',
  });

/** What an app posts to create a template: Meta's shape without the fields Meta assigns. */
export const templateCreateRequestSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9_]{1,512}$/),
  language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/),
  category: z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION']),
  components: z.array(templateComponent).min(1),
});

export const templateListResponseSchema = z.strictObject({
  messageTemplates: z.array(messageTemplateSchema),
  after: z.string().min(1).optional(),
  before: z.string().min(1).optional(),
});

export const templateCreatedResponseSchema = z.strictObject({
  messageTemplate: z.strictObject({
    id: z.string().regex(/^[0-9]+$/),
    name: z.string(),
    language: z.string(),
    status: z.literal('PENDING'),
    category: z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION']),
    components: z.array(templateComponent).min(1),
  }),
});

export const templateDeletedResponseSchema = z.strictObject({});

/** The v1.1 error body the reference infers (§1.6): `{"error":{"code","description"}}`. */
export const legacyErrorResponseSchema = z.strictObject({
  error: z.strictObject({ code: z.string().min(1), description: z.string().min(1) }),
});
