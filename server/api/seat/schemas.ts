import { z } from 'zod';

const label = z.string().trim().min(1).max(200);
const token = z.string().min(1).max(100);

const MAX_TTL_SECONDS = 2 * 60 * 60;

const objectLabels = z
  .array(label)
  .min(1)
  .max(200)
  .refine((labels) => new Set(labels).size === labels.length, 'labels must be unique');

/** Places of general-admission areas: `{ "GA1": 3 }`. Tessera's extension; a GA label alone means 1 place. */
const quantities = z.record(label, z.number().int().min(1).max(1000)).optional();

const ttlSeconds = z.number().int().min(1).max(MAX_TTL_SECONDS).optional();

export const holdBody = z.object({ objectLabels, quantities, ttlSeconds, holdToken: token.optional() }).strict();

/** Tessera's extension: hold the best available adjacent seats instead of named ones. */
export const holdBestAvailableBody = z
  .object({
    bestAvailable: z.object({ number: z.number().int().min(1).max(50), categories: z.array(z.string().max(100)).max(50).optional() }).strict(),
    ttlSeconds,
    holdToken: token.optional(),
  })
  .strict();

export const bookBody = z
  .object({
    objectLabels,
    quantities,
    holdToken: token,
    extraData: z.record(z.string(), z.unknown()).optional(),
    orderId: z.string().min(1).max(100).optional(),
  })
  .strict();

export const releaseBody = z.object({ objectLabels, quantities, holdToken: token.optional() }).strict();

export const extendBody = z.object({ ttlSeconds: z.number().int().min(1).max(MAX_TTL_SECONDS) }).strict();

/** `{"objectLabels.3": ["…"]}`: which field is wrong, in the dialect's validation shape. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues.slice(0, 20)) {
    const field = issue.path.length ? issue.path.map(String).join('.') : 'body';
    (errors[field] ??= []).push(issue.message);
  }
  return errors;
}
