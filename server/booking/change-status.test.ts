import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOOKED, HELD } from '../../contracts/statuses';
import { smallVenue, tempDir } from '../testing/test-server';
import { openBooking, type SqliteBooking, type CommittedChanges } from './booking';
import type { StatusChangeRequest } from './change-status';

/*
 * The one transaction shell (decision 002), through the booking layer's operations over a real database file.
 * A second, read-only connection is the witness of what was committed.
 */

let booking: SqliteBooking;
let witness: Database.Database;
let workspaceId: number;
let cleanup: () => void;
/** Each onCommit call, with the event's seq as the witness saw it at that moment. */
let commits: { batches: CommittedChanges[]; committedSeq: number }[];

const seqOf = (eventKey: string) => (witness.prepare('select seq from events where key = ?').get(eventKey) as { seq: number }).seq;
const statusOf = (label: string) =>
  (
    witness.prepare("select o.status from event_objects o join events e on e.id = o.event_id where e.key = 'shell' and o.label = ?").get(label) as {
      status: string;
    }
  ).status;
const logSize = () => (witness.prepare('select count(*) as n from status_changes').get() as { n: number }).n;

beforeEach(() => {
  const temp = tempDir();
  const file = join(temp.dir, 'shell.db');
  commits = [];
  booking = openBooking({
    databaseUrl: `file:${file}`,
    onCommit: (batches) => commits.push({ batches, committedSeq: seqOf(batches[0]!.eventKey) }),
  });
  witness = new Database(file, { readonly: true });
  cleanup = () => {
    witness.close();
    booking.close();
    temp.cleanup();
  };
  workspaceId = booking.ensureDefaultWorkspace({}).workspace.id;
  const venue = booking.importChart(workspaceId, smallVenue(), { key: 'small', events: [{ key: 'shell' }] });
  if (!venue.ok) throw new Error(venue.reason);
});
afterEach(() => cleanup());

const book = (labels: string[], extra: Partial<StatusChangeRequest> = {}): StatusChangeRequest => ({
  eventKeys: ['shell'],
  objects: labels.map((label) => ({ label })),
  kind: 'status',
  status: BOOKED,
  ...extra,
});

describe('changeObjectStatus', () => {
  it('writes nothing when a label in the middle of a batch fails, and names every failure', () => {
    expect(booking.changeObjectStatus(workspaceId, [book(['B-1'])]).ok).toBe(true);
    const before = { seq: seqOf('shell'), log: logSize(), commits: commits.length };

    const result = booking.changeObjectStatus(workspaceId, [book(['A-3']), book(['A-1', 'Z-9', 'A-2', 'B-1', 'A-4'])]);

    expect(result).toEqual({
      ok: false,
      failure: {
        kind: 'objects',
        failures: [
          { eventKey: 'shell', label: 'Z-9', reason: 'object_not_found' },
          { eventKey: 'shell', label: 'B-1', reason: 'already_taken', status: BOOKED },
        ],
      },
    });
    for (const label of ['A-1', 'A-2', 'A-3', 'A-4']) expect(statusOf(label)).toBe('free');
    expect({ seq: seqOf('shell'), log: logSize(), commits: commits.length }).toEqual(before);
  });

  it('lets later requests of a batch see what earlier ones changed', () => {
    const token = booking.createHoldToken(workspaceId, 15);
    if (!token.ok) throw new Error(token.reason);
    const holdToken = token.holdToken.token;

    // A hold and the booking that needs it, in one batch: the booking sees the hold.
    const held = booking.changeObjectStatus(workspaceId, [book(['A-5'], { status: HELD, holdToken }), book(['A-5'], { holdToken, orderId: 'o-1' })]);
    expect(held.ok).toBe(true);
    expect(statusOf('A-5')).toBe(BOOKED);
    const log = witness.prepare('select seq, label, status from status_changes order by seq').all();
    expect(log).toEqual([
      { seq: 1, label: 'A-5', status: HELD },
      { seq: 2, label: 'A-5', status: BOOKED },
    ]);

    // Two bookings of one seat in one batch: the second sees the first, so the batch fails whole.
    const twice = booking.changeObjectStatus(workspaceId, [book(['A-6']), book(['A-6'])]);
    expect(twice.ok).toBe(false);
    expect(statusOf('A-6')).toBe('free');
  });

  it('hands the numbered changes to onCommit after the commit, and never for a refused change', () => {
    const before = Date.now();
    booking.changeObjectStatus(workspaceId, [book(['A-7', 'A-8'])]);
    const at = commits[0]!.batches[0]!.entries[0]!.at;
    expect(at >= before && at <= Date.now()).toBe(true);
    expect(commits).toEqual([
      {
        batches: [
          {
            eventId: expect.any(Number),
            eventKey: 'shell',
            fromSeq: 1,
            toSeq: 2,
            changes: [
              { label: 'A-7', status: BOOKED },
              { label: 'A-8', status: BOOKED },
            ],
            // The organisers' version of the same changes: with the time of the change and its origin.
            entries: ['A-7', 'A-8'].map((label, i) => ({
              seq: i + 1,
              at,
              origin: 'API_CALL',
              label,
              status: BOOKED,
              quantity: 1,
              orderId: null,
              object: { label, status: BOOKED },
            })),
          },
        ],
        // Another connection already sees the new seq while onCommit runs: the transaction has committed.
        committedSeq: 2,
      },
    ]);
    booking.changeObjectStatus(workspaceId, [book(['A-7'])]);
    expect(commits).toHaveLength(1);
  });
});

describe('the transaction shell', () => {
  it('rolls back a failure returned inside it: a chart whose event key is taken is not stored', () => {
    const result = booking.importChart(workspaceId, smallVenue(), { key: 'second', events: [{ key: 'fresh' }, { key: 'shell' }] });
    expect(result).toEqual({ ok: false, reason: 'key_taken', key: 'shell' });
    expect(booking.chartByKey(workspaceId, 'second')).toBeUndefined();
    expect(witness.prepare("select count(*) as n from events where key = 'fresh'").get()).toEqual({ n: 0 });
  });
});

describe('grouped changes (one commit for the changes of a turn of the event loop)', () => {
  const hold = (labels: string[], holdToken: string): StatusChangeRequest => book(labels, { status: HELD, holdToken });
  const newToken = () => {
    const token = booking.createHoldToken(workspaceId, 15);
    if (!token.ok) throw new Error(token.reason);
    return token.holdToken.token;
  };

  it('commits the changes of a turn together, each all or nothing, and announces each after the commit', async () => {
    const [first, second] = [newToken(), newToken()];
    const before = logSize();
    // Three changes in one turn: one holds, one asks for A-2 (taken by then) and A-3, one books B-1.
    const results = Promise.all([
      booking.grouped(() => booking.changeObjectStatus(workspaceId, [hold(['A-1', 'A-2'], first)])),
      booking.grouped(() => booking.changeObjectStatus(workspaceId, [hold(['A-3', 'A-2'], second)])),
      booking.grouped(() => booking.changeObjectStatus(workspaceId, [book(['B-1'])])),
    ]);
    // Nothing is written until the turn ends.
    expect(logSize()).toBe(before);
    const [held, refused, booked] = await results;
    expect([held.ok, refused.ok, booked.ok]).toEqual([true, false, true]);
    // The refused change wrote nothing, not even its A-3: its savepoint was rolled back, the others committed.
    expect([statusOf('A-1'), statusOf('A-2'), statusOf('A-3'), statusOf('B-1')]).toEqual([HELD, HELD, 'free', BOOKED]);
    expect(logSize()).toBe(before + 3);
    // Announced after the one commit, in order, each with the seq another connection already sees.
    expect(commits.map((c) => c.batches[0]!.entries.map((e) => e.label))).toEqual([['A-1', 'A-2'], ['B-1']]);
    expect(commits.every((c) => c.committedSeq === 3)).toBe(true);
  });

  it('settles a change that throws with its error, and the others with theirs', async () => {
    const token = newToken();
    const results = await Promise.allSettled([
      booking.grouped(() => booking.changeObjectStatus(workspaceId, [hold(['A-5'], token)])),
      booking.grouped(() => {
        booking.changeObjectStatus(workspaceId, [book(['A-6'])]);
        throw new Error('the route failed');
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect([statusOf('A-5'), statusOf('A-6')]).toEqual([HELD, 'free']);
    // The booking of A-6, rolled back with its call, is never announced.
    expect(commits.flatMap((c) => c.batches[0]!.entries.map((e) => e.label))).toEqual(['A-5']);
  });
});
