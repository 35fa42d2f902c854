import type { IncomingMessage } from 'node:http';
import { ORGANISER_SESSION_COOKIE } from '../contracts/page-services';

/*
 * The organiser's session cookie: sent to the pages, the organiser API and the organisers' socket subscriptions,
 * never readable by scripts.
 */

/** The session id a request's cookie carries, if any. */
export function organiserSessionId(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === ORGANISER_SESSION_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** The session cookie: httpOnly, SameSite=Lax, Secure over https; `maxAgeSeconds` 0 clears it. */
export function sessionCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return `${ORGANISER_SESSION_COOKIE}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
}
