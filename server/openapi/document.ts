import { z, type ZodType } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import type { ListedRoute } from '../api/router';
import type { Access, RouteDoc } from './route-doc';

/*
 * The OpenAPI 3.1 document of the public APIs, generated from their routers: every route's documentation sits
 * beside its handler, its schemas are the zod schemas the handler validates with. A route without documentation
 * stops the generation, so the reference cannot silently miss one (the tests build it).
 */

/** One API as the reference shows it: where it is mounted, its routes, and its error shape. */
export type DocumentedApi = { prefix: string; tag: string; description: string; routes: ListedRoute[]; error: ZodType };

/** What path parameters are, by name, across both APIs. */
const PARAM_DESCRIPTIONS: Record<string, string> = {
  key: 'The key of an event',
  token: 'A hold token',
  id: 'A webhook subscription id',
  messageId: 'A webhook message id (its `webhook-id` header)',
  ref: 'A chart version reference, as the buyer page receives it',
  label: "An object's label",
  filter: 'The value to report on',
};

const SECURITY: Record<Access, ZodOpenApiOperationObject['security']> = {
  anyone: [],
  secretKey: [{ secretKey: [] }],
  // An empty requirement: the route also answers without credentials.
  anyoneOrSecretKey: [{}, { secretKey: [] }],
  adminKey: [{ adminKey: [] }],
};

function pathParameters(path: string, doc: RouteDoc): z.ZodObject | undefined {
  const names = [...path.matchAll(/:([a-zA-Z]+)/g)].map((m) => m[1]!);
  if (!names.length) return undefined;
  return z.object(Object.fromEntries(names.map((name) => [name, doc.params?.[name] ?? z.string().meta({ description: PARAM_DESCRIPTIONS[name] ?? name })])));
}

function responses(doc: RouteDoc, error: ZodType): ZodOpenApiResponsesObject {
  const documented = Object.entries(doc.responses).map(([status, reply]) => [
    status,
    {
      description: reply.description,
      ...(reply.schema || reply.contentType ? { content: { [reply.contentType ?? 'application/json']: reply.schema ? { schema: reply.schema } : {} } } : {}),
    },
  ]);
  return { ...Object.fromEntries(documented), default: { description: 'An error', content: { 'application/json': { schema: error } } } };
}

function operation(api: DocumentedApi, route: ListedRoute): ZodOpenApiOperationObject {
  const { doc } = route;
  if (!doc) throw new Error(`${route.method} ${api.prefix}${route.path} has no documentation`);
  const path = pathParameters(route.path, doc);
  return {
    operationId: `${route.method.toLowerCase()}${(api.prefix + route.path).replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string = '') => c.toUpperCase())}`,
    tags: [api.tag],
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    security: SECURITY[doc.access],
    ...(path || doc.query ? { requestParams: { ...(path ? { path } : {}), ...(doc.query ? { query: doc.query } : {}) } } : {}),
    ...(doc.body ? { requestBody: { required: true, content: { 'application/json': { schema: doc.body } } } } : {}),
    responses: responses(doc, api.error),
  };
}

export function openApiDocument(apis: DocumentedApi[], version: string): ReturnType<typeof createDocument> {
  const paths: ZodOpenApiPathsObject = {};
  for (const api of apis) {
    for (const route of api.routes) {
      const path = (api.prefix + route.path).replace(/:([a-zA-Z]+)/g, '{$1}');
      paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(api, route) };
    }
  }
  return createDocument(
    {
      openapi: '3.1.0',
      info: {
        title: 'Tessera API',
        version,
        description: 'The seats.io-compatible API (`/api`), driven with the official seats.io clients, and the buyer API (`/api/v1`) with webhooks.',
      },
      tags: apis.map((api) => ({ name: api.tag, description: api.description })),
      paths,
      components: {
        securitySchemes: {
          secretKey: {
            type: 'http',
            scheme: 'basic',
            description:
              "The workspace's secret key as the user name, no password (as seats.io's clients send it). The company admin key works too, on the workspace `X-Workspace-Key` names (the default one without it).",
          },
          adminKey: {
            type: 'http',
            scheme: 'basic',
            description: 'The company admin key as the user name (TESSERA_ADMIN_KEY, or printed once on first start).',
          },
        },
      },
    },
    // The one custom schema (extra data) describes itself through `.meta()`; its unadorned base is left empty.
    { allowEmptySchema: { custom: true } },
  );
}
