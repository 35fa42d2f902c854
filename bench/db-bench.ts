import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HELD } from '../contracts/statuses';
import { openBooking, type SqliteBooking } from '../server/booking/booking';
import type { StatusChangeRequest } from '../server/booking/change-status';
import { venueWithSeats } from '../server/charts/generate-venue';
import { progress, throughput, type Measurement } from './report';

/*
 * 1. Database: hold transactions per second through the booking layer, against the same transaction written
 * with raw better-sqlite3 prepared statements, in the same process on the same database file.
 * Half of the holds conflict: every seat is asked for twice, by two tokens.
 */

type Setup = { booking: SqliteBooking; workspaceId: number; tokens: [string, string]; labels: string[]; raw: Database.Database; dir: string };

/** The booking layer and, on a connection of its own to the same file, the raw baseline. */
function setup(seats: number, events: number): Setup {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-bench-db-'));
  const file = join(dir, 'bench.db');
  // Like for like with the raw statements (synchronous=NORMAL): this section measures the booking layer's own cost;
  // what syncing each commit costs is the HTTP section's, where group commit pays it once per group.
  const booking = openBooking({ databaseUrl: `file:${file}`, durability: 'process-crash' });
  const { workspace } = booking.ensureDefaultWorkspace({});
  const venue = booking.importChart(workspace.id, venueWithSeats(seats), {
    key: 'bench',
    events: Array.from({ length: events }, (_, i) => ({ key: `bench-${i}` })),
  });
  if (!venue.ok) throw new Error(`bench venue: ${venue.reason}`);
  const token = () => {
    const t = booking.createHoldToken(workspace.id, 120);
    if (!t.ok) throw new Error('token');
    return t.holdToken.token;
  };
  // As the booking layer's connection is set up (db/client.ts), so both sides pay for the same checks.
  const raw = new Database(file);
  for (const pragma of ['synchronous = NORMAL', 'foreign_keys = ON', 'busy_timeout = 5000']) raw.pragma(pragma);
  return { booking, workspaceId: workspace.id, tokens: [token(), token()], labels: venue.definition.objects.map((o) => o.label), raw, dir };
}

/** The same hold written by hand: conditional updates, then seq and log for what changed, in one transaction. */
function rawHold(raw: Database.Database) {
  const event = raw.prepare('select id from events where key = ?').pluck();
  const token = raw.prepare('select expires_at from hold_tokens where token = ? and expired = 0');
  const update = raw.prepare("update event_objects set status = 'reservedByToken', hold_token = ? where event_id = ? and label = ? and status = 'free'");
  const bump = raw.prepare('update events set seq = seq + ? where id = ? returning seq').pluck();
  const log = raw.prepare(
    "insert into status_changes (event_id, seq, label, status, quantity, hold_token, origin, created_at) values (?, ?, ?, 'reservedByToken', 1, ?, 'API_CALL', ?)",
  );
  return raw.transaction((eventKey: string, labels: string[], holdToken: string): boolean => {
    const eventId = event.get(eventKey) as number;
    if (!token.get(holdToken)) return false;
    for (const label of labels) if (update.run(holdToken, eventId, label).changes !== 1) throw new Error('conflict');
    const last = bump.get(labels.length, eventId) as number;
    labels.forEach((label, i) => log.run(eventId, last - labels.length + 1 + i, label, holdToken, Date.now()));
    return true;
  });
}

/** Runs `op` over the seats of one event: each batch twice (second time by the other token, so it conflicts). */
function measure(
  setup: Setup,
  eventKey: string,
  batch: number,
  op: (eventKey: string, labels: string[], token: string) => boolean,
): { perSecond: number; successes: number } {
  let successes = 0;
  let ops = 0;
  const start = performance.now();
  for (let i = 0; i + batch <= setup.labels.length; i += batch) {
    const labels = setup.labels.slice(i, i + batch);
    for (const token of setup.tokens) {
      if (op(eventKey, labels, token)) successes++;
      ops++;
    }
  }
  return { perSecond: (ops / (performance.now() - start)) * 1000, successes };
}

export function dbBench(quick: boolean): Measurement[] {
  const seats = quick ? 10_000 : 100_000;
  const rounds = quick ? 2 : 3;
  progress(`[db] setting up ${seats.toLocaleString('en')} seats × ${4 * rounds} events…`);
  const s = setup(seats, 4 * rounds);
  try {
    const rawTx = rawHold(s.raw);
    const ours = (eventKey: string, labels: string[], holdToken: string) => {
      const request: StatusChangeRequest = { eventKeys: [eventKey], objects: labels.map((label) => ({ label })), kind: 'status', status: HELD, holdToken };
      return s.booking.changeObjectStatus(s.workspaceId, [request]).ok;
    };
    const raw = (eventKey: string, labels: string[], holdToken: string) => {
      try {
        return rawTx.immediate(eventKey, labels, holdToken);
      } catch {
        return false;
      }
    };
    const results: Record<string, number[]> = { ours1: [], raw1: [], ours4: [], raw4: [] };
    let e = 0;
    // Interleaved rounds, each on a fresh event, so drift on a noisy machine hits both sides alike.
    for (let round = 0; round < rounds; round++) {
      for (const [name, op, batch] of [
        ['raw1', raw, 1],
        ['ours1', ours, 1],
        ['raw4', raw, 4],
        ['ours4', ours, 4],
      ] as const) {
        progress(`[db] round ${round + 1}/${rounds}: ${name}`);
        const r = measure(s, `bench-${e++}`, batch, op);
        if (r.successes !== Math.floor(seats / batch)) throw new Error(`${name}: ${r.successes} holds succeeded, expected ${seats / batch}`);
        results[name]!.push(r.perSecond);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const target = { min: 0.5, text: '≥ 0.5× raw' };
    return [
      throughput(
        '1 database',
        'hold, 1 seat (half conflicting)',
        median(results.ours1!),
        'tx/s',
        { name: 'raw prepared', value: median(results.raw1!) },
        target,
      ),
      throughput(
        '1 database',
        'hold, 4-seat batch (half conflicting)',
        median(results.ours4!),
        'tx/s',
        { name: 'raw prepared', value: median(results.raw4!) },
        target,
      ),
    ];
  } finally {
    s.raw.close();
    s.booking.close();
    rmSync(s.dir, { recursive: true, force: true });
  }
}
