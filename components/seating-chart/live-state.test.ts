import { describe, expect, it } from 'vitest';
import { applyChanges, fromSnapshot, statusOf } from './live-state';

describe('applyChanges', () => {
  const snapshot = fromSnapshot(5, [{ label: 'A-1', status: 'booked' }]);

  it('applies the next message and advances the seq', () => {
    const result = applyChanges(snapshot, {
      eventKey: 'e',
      fromSeq: 6,
      toSeq: 7,
      changes: [
        { label: 'A-2', status: 'reservedByToken' },
        { label: 'A-1', status: 'free' },
      ],
    });
    expect(result.kind).toBe('applied');
    if (result.kind !== 'applied') return;
    expect(result.state.seq).toBe(7);
    expect(statusOf(result.state, 'A-1')).toBe('free');
    expect(statusOf(result.state, 'A-2')).toBe('reservedByToken');
  });

  it('ignores a message the snapshot already contains', () => {
    expect(applyChanges(snapshot, { eventKey: 'e', fromSeq: 4, toSeq: 5, changes: [{ label: 'A-1', status: 'free' }] }).kind).toBe('stale');
  });

  it('reports a gap when a message was missed', () => {
    expect(applyChanges(snapshot, { eventKey: 'e', fromSeq: 7, toSeq: 7, changes: [] }).kind).toBe('gap');
  });

  it('applies a message that overlaps the snapshot: every label ends on its latest change', () => {
    const result = applyChanges(snapshot, {
      eventKey: 'e',
      fromSeq: 5,
      toSeq: 6,
      changes: [
        { label: 'A-1', status: 'booked' },
        { label: 'A-1', status: 'free' },
      ],
    });
    expect(result.kind === 'applied' && statusOf(result.state, 'A-1')).toBe('free');
  });
});
