import type { Row } from '../../contracts/chart';

/**
 * Free seats a selection would leave stranded: a single free seat whose neighbours in the row are both
 * unavailable, at least one of them selected by this buyer. Such seats rarely sell, so checkout waits until
 * the buyer moves their selection.
 */
export function strandedSeats(rows: readonly Row[], isFree: (label: string) => boolean, isSelected: (label: string) => boolean): string[] {
  const stranded: string[] = [];
  for (const { seats } of rows) {
    for (let i = 1; i < seats.length - 1; i++) {
      const [left, seat, right] = [seats[i - 1]!, seats[i]!, seats[i + 1]!];
      if (!isFree(seat) || isSelected(seat)) continue;
      const blocked = (l: string) => isSelected(l) || !isFree(l);
      if (blocked(left) && blocked(right) && (isSelected(left) || isSelected(right))) stranded.push(seat);
    }
  }
  return stranded;
}
