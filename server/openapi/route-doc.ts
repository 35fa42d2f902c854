import type { ZodObject, ZodType } from 'zod';

/*
 * What the API reference says about one route, written beside its handler (`router.on(…, doc)`). Requests are
 * described by the zod schemas the handlers validate with, replies by the schemas their types come from.
 */

/**
 * Who may call a route: anyone, only with a workspace secret key (or the company admin key acting on a workspace),
 * either (a buyer with a hold token), or only the company admin key.
 */
export type Access = 'anyone' | 'secretKey' | 'anyoneOrSecretKey' | 'adminKey';

export type ReplyDoc = {
  description: string;
  /** The JSON body's schema; none for empty answers (204) and bodies described in words only. */
  schema?: ZodType;
  /** For answers that are not JSON (a CSV export, a chart document). */
  contentType?: string;
};

export type RouteDoc = {
  summary: string;
  description?: string;
  access: Access;
  body?: ZodType;
  query?: ZodObject;
  /** Path parameters that are not what their name usually means, or whose values are a closed set. */
  params?: Record<string, ZodType>;
  /** The answers by status; every route may also answer with its dialect's error shape. */
  responses: Record<number, ReplyDoc>;
};
