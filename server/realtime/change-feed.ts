import type { CommittedBatch } from '../booking/context';
import type { ObjectsChanged } from './contract';

/** Changes are coalesced for this long before they go out: one message per event per tick. */
export const TICK_MS = 25;

/**
 * Collects committed batches per event and hands them out once per tick as one contiguous
 * `fromSeq..toSeq` message. Commits arrive in seq order (one writer), so batches simply append.
 */
export class ChangeFeed {
  private pending = new Map<string, ObjectsChanged>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private emit: (message: ObjectsChanged) => void) {}

  publish(batches: CommittedBatch[]): void {
    for (const batch of batches) {
      const open = this.pending.get(batch.eventKey);
      if (open && open.toSeq + 1 === batch.fromSeq) {
        open.toSeq = batch.toSeq;
        open.changes.push(...batch.changes);
      } else {
        // Out of order (should not happen with one writer): send what we have, start afresh.
        if (open) this.emit(open);
        this.pending.set(batch.eventKey, { eventKey: batch.eventKey, fromSeq: batch.fromSeq, toSeq: batch.toSeq, changes: [...batch.changes] });
      }
    }
    this.timer ??= setTimeout(() => this.flush(), TICK_MS);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const messages = [...this.pending.values()];
    this.pending.clear();
    for (const message of messages) this.emit(message);
  }
}
