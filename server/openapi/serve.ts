import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Dialect } from '../api/pipeline';
import { openApiDocument, type DocumentedApi } from './document';

/** A dialect as the reference shows it; private dialects (no `reference`) are left out. */
export function documented<C>(dialect: Dialect<C>): DocumentedApi[] {
  return dialect.reference ? [{ prefix: dialect.prefix, routes: dialect.router.list(), ...dialect.reference }] : [];
}

/**
 * `GET /api/openapi.json`, open to anyone: the document is generated on the first request and kept, since the
 * routes do not change while the server runs.
 */
export function serveOpenApi(apis: DocumentedApi[], version: string): (req: IncomingMessage, res: ServerResponse) => void {
  let body: string | undefined;
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    body ??= JSON.stringify(openApiDocument(apis, version));
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'cache-control': 'no-cache',
      'access-control-allow-origin': '*',
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
