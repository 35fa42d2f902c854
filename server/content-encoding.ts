import type { IncomingHttpHeaders } from 'node:http';

/** A request, or anything that carries its headers (the API router's requests). */
type WithHeaders = { headers: IncomingHttpHeaders };

/** The compressions Tessera answers in, best first. */
export type Encoding = 'br' | 'gzip';

/** The best compression the client accepts (brotli, then gzip); undefined for none. */
export function acceptedEncoding(req: WithHeaders): Encoding | undefined {
  const accepted = String(req.headers['accept-encoding'] ?? '');
  return /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : undefined;
}

/** Of a document prepared in every encoding, the one for this client, and its `content-encoding` (none: identity). */
export function preparedFor(req: WithHeaders, doc: { identity: Buffer; br: Buffer; gzip: Buffer }): { encoding: Encoding | undefined; body: Buffer } {
  const encoding = acceptedEncoding(req);
  return { encoding, body: encoding ? doc[encoding] : doc.identity };
}
