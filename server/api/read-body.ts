import type { IncomingMessage } from 'node:http';

export type BodyResult = { ok: true; body: unknown } | { ok: false; reason: 'too_large' | 'malformed_json' };

/**
 * Reads the body as JSON whatever its Content-Type (seats.io clients do not always send one).
 * An empty body is `undefined`. Stops reading past `limit` bytes.
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  // Without a length or a chunked encoding, HTTP/1.1 has no body (a GET): nothing to wait for.
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) return { ok: true, body: undefined };
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return { ok: false, reason: 'too_large' };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      req.resume();
      return { ok: false, reason: 'too_large' };
    }
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return { ok: true, body: undefined };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, reason: 'malformed_json' };
  }
}
