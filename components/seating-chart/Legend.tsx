import type { ChartDefinition } from '../../contracts/chart';
import styles from './legend.module.css';

type LegendProps = {
  chart: ChartDefinition;
  categoryPrice: (categoryKey: string) => string | undefined;
  /** Whether some places are taken off sale or in a status of the venue's own (shown to buyers as unavailable). */
  unavailable: boolean;
};

/**
 * The chart's categories with their prices, then what the marks mean: your selection, wheelchair spaces, companion
 * seats and restricted views (where the venue has them), held, and sold (or unavailable, when some places are).
 */
export function Legend({ chart, categoryPrice, unavailable }: LegendProps) {
  const bookable = chart.objects.filter((o) => o.bookable);
  const has = (feature: 'accessible' | 'companionSeat' | 'restrictedView') => bookable.some((o) => o[feature]);
  // What the marks mean, each with the swatch that looks like it; a venue's feature only where it has one.
  const marks: [shown: boolean, swatch: string | undefined, text: string][] = [
    [true, styles.selectedSwatch, 'Your selection'],
    [has('accessible'), styles.accessibleSwatch, 'Wheelchair space'],
    [has('companionSeat'), styles.companionSwatch, 'Companion seat'],
    [has('restrictedView'), styles.restrictedSwatch, 'Restricted view'],
    [true, styles.heldSwatch, 'Held by others'],
    [true, styles.soldSwatch, unavailable ? 'Sold or unavailable' : 'Sold'],
  ];
  return (
    <ul className={styles.legend} aria-label="Legend">
      {chart.categories.map((c) => (
        <li key={String(c.key)}>
          <span className={styles.swatch} style={{ background: c.color }} aria-hidden="true" />
          {c.label}
          {categoryPrice(String(c.key)) && <span className={styles.price}>{categoryPrice(String(c.key))}</span>}
        </li>
      ))}
      {marks
        .filter(([shown]) => shown)
        .map(([, swatch, text]) => (
          <li key={text}>
            <span className={`${styles.swatch} ${swatch}`} aria-hidden="true" />
            {text}
          </li>
        ))}
    </ul>
  );
}
