import { describe, expect, it } from 'vitest';
import { ChangeFeed, TICK_MS } from './change-feed';
import type { CommittedChanges } from '../booking/booking';

const entry = (seq: number, label: string) => ({
  seq,
  at: 1,
  origin: 'BUYER' as const,
  label,
  status: 'booked',
  quantity: 1,
  orderId: null,
  object: { label, status: 'booked' },
});
const batch = (eventKey: string, seq: number, label: string): CommittedChanges => ({
  eventId: eventKey.charCodeAt(0),
  eventKey,
  fromSeq: seq,
  toSeq: seq,
  changes: [{ label, status: 'booked' }],
  entries: [entry(seq, label)],
});

describe('ChangeFeed', () => {
  it('coalesces the batches of one turn into one contiguous message per event', async () => {
    const sent: CommittedChanges[] = [];
    const feed = new ChangeFeed((m) => sent.push(m));
    feed.publish([batch('a', 1, 'A-1')]);
    feed.publish([batch('a', 2, 'A-2'), batch('b', 7, 'B-1')]);
    feed.publish([batch('a', 3, 'A-3')]);
    expect(sent).toEqual([]);
    await new Promise((r) => setImmediate(r));
    expect(sent).toEqual([
      {
        ...batch('a', 1, 'A-1'),
        toSeq: 3,
        changes: ['A-1', 'A-2', 'A-3'].map((label) => ({ label, status: 'booked' })),
        entries: [entry(1, 'A-1'), entry(2, 'A-2'), entry(3, 'A-3')],
      },
      batch('b', 7, 'B-1'),
    ]);
  });

  it('sends the first change after a quiet spell at once, and later ones at most once per tick', async () => {
    const sent: CommittedChanges[] = [];
    const feed = new ChangeFeed((m) => sent.push(m));
    feed.publish([batch('a', 1, 'A-1')]);
    await new Promise((r) => setImmediate(r));
    expect(sent).toHaveLength(1);
    feed.publish([batch('a', 2, 'A-2')]);
    await new Promise((r) => setImmediate(r));
    feed.publish([batch('a', 3, 'A-3')]);
    expect(sent).toHaveLength(1);
    await new Promise((r) => setTimeout(r, TICK_MS + 5));
    expect(sent.map((m) => [m.fromSeq, m.toSeq])).toEqual([
      [1, 1],
      [2, 3],
    ]);
  });

  it('never merges across a gap: what it holds goes out first', () => {
    const sent: CommittedChanges[] = [];
    const feed = new ChangeFeed((m) => sent.push(m));
    feed.publish([batch('a', 1, 'A-1'), batch('a', 5, 'A-5')]);
    feed.flush();
    expect(sent.map((m) => [m.fromSeq, m.toSeq])).toEqual([
      [1, 1],
      [5, 5],
    ]);
  });
});
