import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOOKED, HELD } from '../../contracts/statuses';
import { openWitness, testDatabase, testDatabases, type TestDatabase } from '../testing/databases';
import { smallVenue } from '../testing/test-server';
import { openBooking, openPostgresBooking, type Booking, type CommittedChanges, type SqliteBooking } from './booking';
import type { StatusChangeRequest } from './change-status';

/*
 * The one transaction shell (decision 002), through the booking layer's operations over a real database (a file,
 * or a fresh PostgreSQL database). A connection of its own is the witness of what was committed.
 */

let booking: Booking;
let workspaceId: number;
let cleanup: () => Promise<void>;
/** Each onCommit call, with the event's seq as the witness read it at that moment. */
let commits: { batches: CommittedChanges[]; committedSeq: Promise<number> }[];
/** The witness: rows of a query, through its own connection. */
let query: <Row>(sql: string) => Promise<Row[]>;

const seqOf = async (eventKey: string) => (await query<{ seq: number }>(`select seq from events where key = '${eventKey}'`))[0]!.seq;
const statusOf = async (label: string) =>
  (
    await query<{ status: string }>(`select o.status from event_objects o join events e on e.id = o.event_id where e.key = 'shell' and o.label = '${label}'`)
  )[0]!.status;
const statusesOf = (labels: string[]) => Promise.all(labels.map(statusOf));
const logSize = async () => Number((await query<{ n: number | string }>('select count(*) as n from status_changes'))[0]!.n);
const onCommit = (batches: CommittedChanges[]) => void commits.push({ batches, committedSeq: seqOf(batches[0]!.eventKey) });

/** The booking layer over a fresh database of the kind, and the witness. */
async function open(kind: TestDatabase): Promise<void> {
  commits = [];
  const database = await testDatabase(kind);
  booking = kind === 'postgres' ? await openPostgresBooking({ databaseUrl: database.url, onCommit }) : openBooking({ databaseUrl: database.url, onCommit });
  const witness = openWitness(database.url);
  query = witness.query;
  cleanup = async () => {
    await witness.close();
    await booking.close();
    await database.drop();
  };
  workspaceId = (await booking.ensureDefaultWorkspace({})).workspace.id;
  const venue = await booking.importChart(workspaceId, smallVenue(), { key: 'small', events: [{ key: 'shell' }] });
  if (!venue.ok) throw new Error(venue.reason);
}

async function newToken(): Promise<string> {
  const token = await booking.createHoldToken(workspaceId, 15);
  if (!token.ok) throw new Error(token.reason);
  return token.holdToken.token;
}

const book = (labels: string[], extra: Partial<StatusChangeRequest> = {}): StatusChangeRequest => ({
  eventKeys: ['shell'],
  objects: labels.map((label) => ({ label })),
  kind: 'status',
  status: BOOKED,
  ...extra,
});

describe.each(await testDatabases('the transaction shell tests'))('on %s', (database) => {
  beforeEach(() => open(database));
  afterEach(() => cleanup());

  describe('changeObjectStatus', () => {
    it('writes nothing when a label in the middle of a batch fails, and names every failure', async () => {
      expect((await booking.changeObjectStatus(workspaceId, [book(['B-1'])])).ok).toBe(true);
      const before = { seq: await seqOf('shell'), log: await logSize(), commits: commits.length };

      const result = await booking.changeObjectStatus(workspaceId, [book(['A-3']), book(['A-1', 'Z-9', 'A-2', 'B-1', 'A-4'])]);

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
      expect(await statusesOf(['A-1', 'A-2', 'A-3', 'A-4'])).toEqual(['free', 'free', 'free', 'free']);
      expect({ seq: await seqOf('shell'), log: await logSize(), commits: commits.length }).toEqual(before);
    });

    it('lets later requests of a batch see what earlier ones changed', async () => {
      const holdToken = await newToken();

      // A hold and the booking that needs it, in one batch: the booking sees the hold.
      const held = await booking.changeObjectStatus(workspaceId, [book(['A-5'], { status: HELD, holdToken }), book(['A-5'], { holdToken, orderId: 'o-1' })]);
      expect(held.ok).toBe(true);
      expect(await statusOf('A-5')).toBe(BOOKED);
      expect(await query('select seq, label, status from status_changes order by seq')).toEqual([
        { seq: 1, label: 'A-5', status: HELD },
        { seq: 2, label: 'A-5', status: BOOKED },
      ]);

      // Two bookings of one seat in one batch: the second sees the first, so the batch fails whole.
      const twice = await booking.changeObjectStatus(workspaceId, [book(['A-6']), book(['A-6'])]);
      expect(twice.ok).toBe(false);
      expect(await statusOf('A-6')).toBe('free');
    });

    it('hands the numbered changes to onCommit after the commit, and never for a refused change', async () => {
      const before = Date.now();
      await booking.changeObjectStatus(workspaceId, [book(['A-7', 'A-8'])]);
      const at = commits[0]!.batches[0]!.entries[0]!.at;
      expect(at >= before && at <= Date.now()).toBe(true);
      expect(commits.map((c) => c.batches)).toEqual([
        [
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
      ]);
      // Another connection, asked while onCommit ran, already saw the new seq: the transaction had committed.
      expect(await commits[0]!.committedSeq).toBe(2);
      await booking.changeObjectStatus(workspaceId, [book(['A-7'])]);
      expect(commits).toHaveLength(1);
    });
  });

  describe('the transaction shell', () => {
    it('rolls back a failure returned inside it: a chart whose event key is taken is not stored', async () => {
      const result = await booking.importChart(workspaceId, smallVenue(), { key: 'second', events: [{ key: 'fresh' }, { key: 'shell' }] });
      expect(result).toEqual({ ok: false, reason: 'key_taken', key: 'shell' });
      expect(await booking.chartByKey(workspaceId, 'second')).toBeUndefined();
      expect(await query("select key from events where key = 'fresh'")).toEqual([]);
    });
  });
});

describe('grouped changes on SQLite (one commit for the changes of a turn of the event loop)', () => {
  // Group commit is SQLite's: its transactions run at once, on its one connection.
  let sqlite: SqliteBooking;
  beforeEach(async () => {
    await open('sqlite');
    sqlite = booking as SqliteBooking;
  });
  afterEach(() => cleanup());
  const hold = (labels: string[], holdToken: string): StatusChangeRequest => book(labels, { status: HELD, holdToken });

  it('commits the changes of a turn together, each all or nothing, and announces each after the commit', async () => {
    const [first, second] = [await newToken(), await newToken()];
    const before = await logSize();
    // Three changes in one turn: one holds, one asks for A-2 (taken by then) and A-3, one books B-1.
    const results = Promise.all([
      sqlite.grouped(() => sqlite.changeObjectStatus(workspaceId, [hold(['A-1', 'A-2'], first)])),
      sqlite.grouped(() => sqlite.changeObjectStatus(workspaceId, [hold(['A-3', 'A-2'], second)])),
      sqlite.grouped(() => sqlite.changeObjectStatus(workspaceId, [book(['B-1'])])),
    ]);
    // Nothing is written until the turn ends.
    expect(await logSize()).toBe(before);
    const [held, refused, booked] = await results;
    expect([held.ok, refused.ok, booked.ok]).toEqual([true, false, true]);
    // The refused change wrote nothing, not even its A-3: its savepoint was rolled back, the others committed.
    expect(await statusesOf(['A-1', 'A-2', 'A-3', 'B-1'])).toEqual([HELD, HELD, 'free', BOOKED]);
    expect(await logSize()).toBe(before + 3);
    // Announced after the one commit, in order, each with the seq another connection already sees.
    expect(commits.map((c) => c.batches[0]!.entries.map((e) => e.label))).toEqual([['A-1', 'A-2'], ['B-1']]);
    expect(await Promise.all(commits.map((c) => c.committedSeq))).toEqual([3, 3]);
  });

  it('settles a change that throws with its error, and the others with theirs', async () => {
    const token = await newToken();
    const results = await Promise.allSettled([
      sqlite.grouped(() => sqlite.changeObjectStatus(workspaceId, [hold(['A-5'], token)])),
      sqlite.grouped(() => {
        sqlite.changeObjectStatus(workspaceId, [book(['A-6'])]);
        throw new Error('the route failed');
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(await statusesOf(['A-5', 'A-6'])).toEqual([HELD, 'free']);
    // The booking of A-6, rolled back with its call, is never announced.
    expect(commits.flatMap((c) => c.batches[0]!.entries.map((e) => e.label))).toEqual(['A-5']);
  });
});
