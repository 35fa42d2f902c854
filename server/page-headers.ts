import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { PageHandler } from './app';

/*
 * Security headers of every page. The Content-Security-Policy allows only scripts that carry this response's nonce
 * (Next reads it from the request's CSP header and stamps its own scripts with it) and whatever they load, styles
 * of our own (inline ones included: the chart sets colours in style attributes), and connections to this origin
 * (the API and Socket.IO). `form-action` stays open: a handoff posts the buyer's hold to the venue's checkout page.
 */

export type PageSecurity = {
  /** Who may frame the pages: `'self'` by default; an embedding shop adds its origin. */
  frameAncestors: string[];
  /** Next's development server needs eval for fast refresh. */
  dev: boolean;
};

function contentSecurityPolicy(nonce: string, security: PageSecurity): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${security.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `frame-ancestors ${security.frameAncestors.join(' ')}`,
  ].join('; ');
}

/** Serves pages with a fresh nonce and the security headers on every response. */
export function securePages(pages: PageHandler, security: PageSecurity): PageHandler {
  return (req, res) => {
    const policy = contentSecurityPolicy(randomBytes(16).toString('base64'), security);
    req.headers['content-security-policy'] = policy;
    res.setHeader('content-security-policy', policy);
    res.setHeader('x-content-type-options', 'nosniff');
    // Confirmation URLs carry an access key: never send them to another site as a referrer.
    res.setHeader('referrer-policy', 'same-origin');
    return pages(req, res);
  };
}

/** The nonce securePages gave this request's page (undefined for requests it did not see). */
export function nonceOf(req: IncomingMessage): string | undefined {
  return /'nonce-([^']+)'/.exec(String(req.headers['content-security-policy'] ?? ''))?.[1];
}
