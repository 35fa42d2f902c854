import { describe, expect, it } from 'vitest';
import { ChangeFeed, TICK_MS } from './change-feed';
import type { ObjectsChanged } from '../../contracts/realtime';

const batch = (eventKey: string, seq: number, label: string) => ({ eventKey, fromSeq: seq, toSeq: seq, changes: [{ label, status: 'booked' }] });

describe('ChangeFeed', () => {
  it('coalesces the batches of one turn into one contiguous message per event', async () => {
    const sent: ObjectsChanged[] = [];
    const feed = new ChangeFeed((m) => sent.push(m));
    feed.publish([batch('a', 1, 'A-1')]);
    feed.publish([batch('a', 2, 'A-2'), batch('b', 7, 'B-1')]);
    feed.publish([batch('a', 3, 'A-3')]);
    expect(sent).toEqual([]);
    await new Promise((r) => setImmediate(r));
    expect(sent).toEqual([
      { eventKey: 'a', fromSeq: 1, toSeq: 3, changes: ['A-1', 'A-2', 'A-3'].map((label) => ({ label, status: 'booked' })) },
      { eventKey: 'b', fromSeq: 7, toSeq: 7, changes: [{ label: 'B-1', status: 'booked' }] },
    ]);
  });

  it('sends the first change after a quiet spell at once, and later ones at most once per tick', async () => {
    const sent: ObjectsChanged[] = [];
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
    const sent: ObjectsChanged[] = [];
    const feed = new ChangeFeed((m) => sent.push(m));
    feed.publish([batch('a', 1, 'A-1'), batch('a', 5, 'A-5')]);
    feed.flush();
    expect(sent.map((m) => [m.fromSeq, m.toSeq])).toEqual([
      [1, 1],
      [5, 5],
    ]);
  });
});
