import type { IncomingMessage } from 'node:http';
import { problem } from './problems';
import type { ApiResponse } from './router';

/*
 * Who may call an API from a browser: pages of this server, and the origins allowed besides (for the buyer API,
 * ALLOWED_ORIGINS: a chart embedded in a venue's shop). Anything else is refused before it is routed, so another
 * website's page cannot act in its visitors' names. Requests without an Origin (servers, curl) pass: the rule is
 * about browsers. Bodies must be JSON, which a page on another site cannot send without a preflight.
 */

export type Admission = { answer: ApiResponse } | { headers: Record<string, string> };

const PREFLIGHT_HEADERS = {
  'access-control-allow-methods': 'GET, POST',
  'access-control-allow-headers': 'content-type, authorization',
  'access-control-max-age': '600',
};

/** Whether a browser's Origin is the server's own (the Host it was asked for). */
export function sameOrigin(origin: string, req: IncomingMessage): boolean {
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export function admitBrowser(allowedOrigins: ReadonlySet<string>) {
  return (req: IncomingMessage): Admission => {
    const origin = req.headers.origin;
    const allowed = origin !== undefined && allowedOrigins.has(origin);
    if (origin !== undefined && !allowed && !sameOrigin(origin, req)) {
      req.resume();
      return { answer: problem(403, `Requests from ${origin.slice(0, 200)} are not allowed`) };
    }
    // An allowed origin reads the answers, errors included; the server's own pages need no CORS.
    const cors: Record<string, string> = allowed ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {};
    if (req.method === 'OPTIONS') {
      req.resume();
      return { answer: { status: 204, headers: { ...cors, ...(allowed ? PREFLIGHT_HEADERS : {}) } } };
    }
    if (req.method === 'POST' && !/^application\/json(\s*;|$)/i.test(req.headers['content-type'] ?? '')) {
      req.resume();
      return { answer: { ...problem(415, 'Send the request body as application/json'), headers: cors } };
    }
    return { headers: cors };
  };
}
