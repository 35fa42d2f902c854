import { z } from 'zod';
import { problem } from '../problems';
import type { RateLimiter } from '../rate-limit';
import type { Router } from '../router';
import { sessionCookie } from '../../organiser-cookie';
import { signedIn, type ManageContext } from './context';
import { parse } from './parse';

const loginRequest = z.object({ password: z.string().min(1).max(200) }).strict();

/** `/login` and `/logout`. Login attempts are rate-limited per client: guessing the password takes forever. */
export function sessionRoutes(router: Router<ManageContext>, loginLimiter: RateLimiter): void {
  router
    .on('POST', '/login', async (req, c) => {
      const allowed = loginLimiter.take(req.client);
      if (!allowed.ok) {
        return {
          ...problem(429, `Too many login attempts. Try again in ${allowed.retryAfterSeconds} s.`),
          headers: { 'retry-after': String(allowed.retryAfterSeconds) },
        };
      }
      const body = parse(loginRequest, req.body);
      if (!body.ok) return body.response;
      const session = await c.booking.organiserLogin(body.value.password);
      if (session === 'wrong_password') return problem(401, 'Wrong password');
      const maxAge = Math.round((session.expiresAt - c.booking.now()) / 1000);
      return { status: 200, body: { csrfToken: session.csrfToken }, headers: { 'set-cookie': sessionCookie(session.id, maxAge, req.secure) } };
    })
    .on(
      'POST',
      '/logout',
      signedIn(async (req, c) => {
        await c.booking.organiserLogout(c.session.id);
        return { status: 204, headers: { 'set-cookie': sessionCookie('', 0, req.secure) } };
      }),
    );
}
