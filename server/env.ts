import { z } from 'zod';
import { parseTrustProxy } from './api/client-address';
import { fieldIssues } from './field-issues';

/** A web origin as a browser sends it: scheme, host and port. */
const origin = z.url({ protocol: /^https?$/ }).refine((o) => URL.canParse(o) && new URL(o).origin === o, 'an origin: scheme, host and port, no path');

/** A comma-separated setting, each entry checked with `item`. */
function commaList<T extends z.ZodType<unknown, string>>(item: T, fallback: string) {
  return z
    .string()
    .default(fallback)
    .transform((list) =>
      list
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item));
}

/** The environment, validated once at start. The only reader of process.env. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().min(1).default('file:./data/tessera.db'),
  /** `redis://host:6379`: broadcast to the sockets of every instance through Redis (several instances). */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'a redis:// or rediss:// URL')
    .optional(),
  /** What an acknowledged booking survives: `power-loss` (synced to disk before it is answered) or `process-crash`. */
  DURABILITY: z.enum(['power-loss', 'process-crash']).default('power-loss'),
  TESSERA_SECRET_KEY: z.string().min(8).optional(),
  /** The company admin key (manages every workspace); generated (and shown once) on first start when unset. */
  TESSERA_ADMIN_KEY: z.string().min(16).optional(),
  /** The organisers' password for /manage; generated (and shown once) on first start when unset. */
  ADMIN_PASSWORD: z.string().min(8).optional(),
  TESSERA_PUBLIC_KEY: z.string().min(8).optional(),
  /** Places an anonymous client may ask to hold per minute, and at once. */
  HOLD_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  HOLD_RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(30),
  /** Places one anonymous client may hold at one event, across its hold tokens. */
  HOLD_PLACES_PER_CLIENT: z.coerce.number().int().min(1).default(50),
  /** Whose X-Forwarded-For to believe: `false`, a number of proxy hops, or addresses and CIDRs. */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((setting, ctx) => {
      const trust = parseTrustProxy(setting);
      if ('error' in trust) {
        ctx.addIssue({ code: 'custom', message: trust.error });
        return z.NEVER;
      }
      return trust;
    }),
  /** Who may frame the pages (CSP frame-ancestors): `'self'`, `'none'`, or comma-separated origins. */
  FRAME_ANCESTORS: commaList(z.union([z.enum(["'self'", "'none'"]), origin]), "'self'"),
  /** Comma-separated origins (`https://shop.example.com`) whose pages may call the buyer API besides this server's. */
  ALLOWED_ORIGINS: commaList(origin, ''),
  /** Let webhooks go to loopback and private addresses: for tests and closed networks only. */
  WEBHOOK_ALLOW_PRIVATE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export type Env = z.infer<typeof schema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = fieldIssues(parsed.error)
      .map((i) => `  ${i.path}: ${i.message}`)
      .join('\n');
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return parsed.data;
}
