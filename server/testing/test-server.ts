import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Region, SeatsioClient } from 'seatsio';
import { createApplication, type Application, type ApplicationOptions } from '../app';
import { openWitness, testDatabase } from './databases';

export const TEST_SECRET_KEY = 'test-secret-key-0000';
export const TEST_ADMIN_PASSWORD = 'test-admin-password';
export const TEST_ADMIN_KEY = 'test-company-admin-key-0000';

export type TestServer = {
  app: Application;
  baseUrl: string;
  databaseUrl: string;
  client: SeatsioClient;
  /** fetch against the API with the default workspace's secret key. */
  api: (path: string, init?: RequestInit & { json?: unknown; secretKey?: string | null }) => Promise<Response>;
  /**
   * A read-only connection of its own to the server's SQLite database: a witness that reads what was committed with
   * plain SQL, independent of the code under test. (On PostgreSQL: `query`.)
   */
  witness: Database.Database;
  /** The witness on either database: the rows of a query in the SQL both understand, through a connection of its own. */
  query: <Row = Record<string, unknown>>(sql: string) => Promise<Row[]>;
  /** Everything a request could change, as the witness reads it: equal before and after a refused request. */
  fingerprint: () => Promise<unknown>;
  /** Signs in as the organiser: the session cookie (`name=value`) and the session's CSRF token. */
  loginOrganiser: (headers?: Record<string, string>) => Promise<{ response: Response; session: string; csrfToken: string }>;
  stop: () => Promise<void>;
};

/** In the SQL both databases understand: each list in a fixed order, numbers and flags as text. */
const FINGERPRINT = `select
  (select string_agg(key || ':' || seq || ':' || checkout_mode || ':' || coalesce(checkout_url, '') || ':' || max_places_per_order || ':'
     || hold_minutes || ':' || max_hold_minutes || ':' || coalesce(name, '') || ':' || coalesce(pricing, ''), ',' order by id) from events) as events,
  (select count(*) || ':' || coalesce(max(id), 0) from status_changes) as changes,
  (select count(*) || ':' || coalesce(sum(expires_at), 0) || ':' || coalesce(sum(case when expired then 1 else 0 end), 0) from hold_tokens) as tokens,
  (select string_agg(event_id || ':' || label || ':' || status || ':' || coalesce(hold_token, '') || ':' || coalesce(order_id, '') || ':'
     || coalesce(extra_data_id || '', ''), ',' order by event_id, label)
     from event_objects where status <> 'free' or extra_data_id is not null) as objects,
  (select count(*) from extra_data) as "extraData",
  (select string_agg(event_id || ':' || label || ':' || status || ':' || coalesce(hold_token, '') || ':' || quantity, ',' order by event_id, label, status, hold_token)
     from ga_allocations) as ga,
  (select string_agg(event_id || ':' || key || ':' || name || ':' || coalesce(color, '') || ':' || coalesce("index" || '', ''), ',' order by event_id, key)
     from event_channels) as channels,
  (select string_agg(event_id || ':' || label || ':' || channel_key, ',' order by event_id, label) from channel_objects) as "channelObjects",
  (select string_agg(key || ':' || name || ':' || length(definition) || ':' || coalesce(draft, ''), ',' order by id) from charts) as charts,
  (select count(*) from workspaces) as workspaces`;

/**
 * A real server on a random port over a real database: one of its own (a temporary SQLite file, or a fresh PostgreSQL
 * database with `postgres`), or `databaseUrl`'s (of testDatabase, shared by servers or kept across a restart; not
 * removed at stop).
 */
export async function startTestServer(
  options: Partial<
    Pick<
      ApplicationOptions,
      'now' | 'sweepIntervalMs' | 'holdRateLimit' | 'allowedOrigins' | 'placesPerClient' | 'trustProxy' | 'secretKey' | 'webhookAllowPrivate' | 'redisUrl'
    >
  > & {
    databaseUrl?: string;
    /** A fresh PostgreSQL database of its own (TEST_POSTGRES_URL's server) instead of a SQLite file. */
    postgres?: boolean;
  } = {},
): Promise<TestServer> {
  const { databaseUrl: given, postgres, ...appOptions } = options;
  const own = given === undefined ? await testDatabase(postgres ? 'postgres' : 'sqlite') : undefined;
  const databaseUrl = given ?? own!.url;
  const app = await createApplication({ databaseUrl, secretKey: TEST_SECRET_KEY, ...appOptions });
  await app.booking.ensureOrganiserPassword(TEST_ADMIN_PASSWORD);
  await app.booking.ensureAdminKey(TEST_ADMIN_KEY);
  const { query, sqlite, close } = openWitness(databaseUrl);
  const witness = () => sqlite ?? unavailable('the SQLite witness (use query on PostgreSQL)');
  const port = await app.listen(0);
  const baseUrl = `http://127.0.0.1:${port}`;
  const client = new SeatsioClient(new Region(`${baseUrl}/api`), TEST_SECRET_KEY);
  const api: TestServer['api'] = (path, init = {}) => {
    const { json, secretKey = TEST_SECRET_KEY, headers, ...rest } = init;
    return fetch(`${baseUrl}/api${path}`, {
      ...rest,
      ...(json !== undefined ? { body: JSON.stringify(json), method: rest.method ?? 'POST' } : {}),
      headers: {
        ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(secretKey ? { authorization: `Basic ${Buffer.from(`${secretKey}:`).toString('base64')}` } : {}),
        ...(headers as Record<string, string> | undefined),
      },
    });
  };
  return {
    app,
    baseUrl,
    databaseUrl,
    client,
    api,
    get witness() {
      return witness();
    },
    query,
    fingerprint: async () => (await query(FINGERPRINT))[0],
    loginOrganiser: async (headers = {}) => {
      const response = await api('/manage/login', { json: { password: TEST_ADMIN_PASSWORD }, secretKey: null, headers });
      if (response.status !== 200) throw new Error(`login failed: ${response.status}`);
      const { csrfToken } = (await response.clone().json()) as { csrfToken: string };
      return { response, session: response.headers.get('set-cookie')!.split(';')[0]!, csrfToken };
    },
    stop: async () => {
      await close();
      await app.close();
      await own?.drop();
    },
  };
}

function unavailable(what: string): never {
  throw new Error(`${what} is not there on this test server`);
}

/** A temporary directory for database files, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A small venue for tests: row A (seats 1-10), row B (1-10), tables, a booth, a GA area of `gaCapacity`. */
export function smallVenue(gaCapacity = 10): Record<string, unknown> {
  const seat = (label: string, x: number, y: number, extra: Record<string, unknown> = {}) => ({ label, x, y, ...extra });
  return {
    name: 'Small venue',
    categories: {
      list: [
        { key: 1, label: 'Front', color: '#ff0000', accessible: false },
        { key: 'back', label: 'Back', color: '#0000ff', accessible: false },
      ],
    },
    subChart: {
      focalPoint: { x: 120, y: 0 },
      rows: [
        { label: 'A', seats: Array.from({ length: 10 }, (_, i) => seat(String(i + 1), 10 + i * 24, 40, { categoryKey: 1, accessible: i === 0 })) },
        { label: 'B', seats: Array.from({ length: 10 }, (_, i) => seat(String(i + 1), 10 + i * 24, 70, { categoryKey: 'back' })) },
      ],
      tables: [
        { label: 'T1', center: { x: 300, y: 50 }, radius: 20, categoryKey: 1, seats: [seat('1', 300, 20), seat('2', 300, 80)] },
        { label: 'T2', center: { x: 380, y: 50 }, radius: 20, bookAsAWhole: true, categoryKey: 1, seats: [seat('1', 380, 20), seat('2', 380, 80)] },
      ],
      booths: [{ label: 'B1', center: { x: 450, y: 50 }, width: 30, height: 30, categoryKey: 'back' }],
      generalAdmissionAreas: [{ label: 'GA1', capacity: gaCapacity, categoryKey: 'back', center: { x: 120, y: 150 }, width: 200, height: 60 }],
    },
  };
}

/** Stores `smallVenue` as chart `small` and creates `eventKeys` for it, straight through the booking layer. */
export async function seedSmallVenue(app: Application, eventKeys: string[], gaCapacity = 10): Promise<void> {
  const result = await app.booking.importChart(app.defaultWorkspace.id, smallVenue(gaCapacity), { key: 'small', events: eventKeys.map((key) => ({ key })) });
  if (!result.ok) throw new Error(`could not seed the small venue: ${JSON.stringify(result)}`);
}
