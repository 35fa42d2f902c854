import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Region, SeatsioClient } from 'seatsio';
import { openDatabase } from '../../db/client';
import { createApplication, type Application, type ApplicationOptions } from '../app';
import { importSeatsioChart } from '../charts/import-seatsio-chart';
import { storeChart } from '../booking/charts';
import { createEvents } from '../booking/events';

export const TEST_SECRET_KEY = 'test-secret-key-0000';

export type TestServer = {
  app: Application;
  baseUrl: string;
  client: SeatsioClient;
  /** fetch against the API with the default workspace's secret key. */
  api: (path: string, init?: RequestInit & { json?: unknown; secretKey?: string | null }) => Promise<Response>;
  stop: () => Promise<void>;
};

/** A real server on a random port over a real database (in memory unless a file is given). */
export async function startTestServer(
  options: Partial<Pick<ApplicationOptions, 'now' | 'sweepIntervalMs' | 'publicCheckout' | 'holdRateLimit'>> & { databaseFile?: string } = {},
): Promise<TestServer> {
  const db = openDatabase(options.databaseFile ?? ':memory:');
  const { databaseFile: _file, ...appOptions } = options;
  const app = createApplication({ db, secretKey: TEST_SECRET_KEY, ...appOptions });
  const port = await app.listen(0);
  const baseUrl = `http://127.0.0.1:${port}`;
  const client = new SeatsioClient(new Region(`${baseUrl}/api`), TEST_SECRET_KEY);
  const api: TestServer['api'] = (path, init = {}) => {
    const { json, secretKey = TEST_SECRET_KEY, headers, ...rest } = init;
    return fetch(`${baseUrl}/api${path}`, {
      ...rest,
      ...(json !== undefined ? { body: JSON.stringify(json), method: rest.method ?? 'POST' } : {}),
      headers: {
        ...(secretKey ? { authorization: `Basic ${Buffer.from(`${secretKey}:`).toString('base64')}` } : {}),
        ...(headers as Record<string, string> | undefined),
      },
    });
  };
  return {
    app,
    baseUrl,
    client,
    api,
    stop: async () => {
      await app.close();
      db.$client.close();
    },
  };
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
export function seedSmallVenue(app: Application, eventKeys: string[], gaCapacity = 10): void {
  const imported = importSeatsioChart(smallVenue(gaCapacity));
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
  const stored = storeChart(app.booking, app.defaultWorkspace.id, imported.chart, 'small');
  if (!stored.ok) throw new Error('chart key taken');
  const created = createEvents(
    app.booking,
    app.defaultWorkspace.id,
    'small',
    eventKeys.map((key) => ({ key })),
  );
  if (!created.ok) throw new Error(created.reason);
}
