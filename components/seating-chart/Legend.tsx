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
  return (
    <ul className={styles.legend} aria-label="Legend">
      {chart.categories.map((c) => (
        <li key={String(c.key)}>
          <span className={styles.swatch} style={{ background: c.color }} aria-hidden="true" />
          {c.label}
          {categoryPrice(String(c.key)) && <span className={styles.price}>{categoryPrice(String(c.key))}</span>}
        </li>
      ))}
      <li>
        <span className={`${styles.swatch} ${styles.selectedSwatch}`} aria-hidden="true" />
        Your selection
      </li>
      {has('accessible') && (
        <li>
          <span className={`${styles.swatch} ${styles.accessibleSwatch}`} aria-hidden="true" />
          Wheelchair space
        </li>
      )}
      {has('companionSeat') && (
        <li>
          <span className={`${styles.swatch} ${styles.companionSwatch}`} aria-hidden="true" />
          Companion seat
        </li>
      )}
      {has('restrictedView') && (
        <li>
          <span className={`${styles.swatch} ${styles.restrictedSwatch}`} aria-hidden="true" />
          Restricted view
        </li>
      )}
      <li>
        <span className={`${styles.swatch} ${styles.heldSwatch}`} aria-hidden="true" />
        Held by others
      </li>
      <li>
        <span className={`${styles.swatch} ${styles.soldSwatch}`} aria-hidden="true" />
        {unavailable ? 'Sold or unavailable' : 'Sold'}
      </li>
    </ul>
  );
}
