import type { ChartDefinition } from '../../contracts/chart';
import styles from './legend.module.css';

/** The chart's categories with their prices, then the marks: your selection, wheelchair spaces, held, sold. */
export function Legend({ chart, categoryPrice }: { chart: ChartDefinition; categoryPrice: (categoryKey: string) => string | undefined }) {
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
      {chart.objects.some((o) => o.accessible && o.bookable) && (
        <li>
          <span className={`${styles.swatch} ${styles.accessibleSwatch}`} aria-hidden="true" />
          Wheelchair space
        </li>
      )}
      <li>
        <span className={`${styles.swatch} ${styles.heldSwatch}`} aria-hidden="true" />
        Held by others
      </li>
      <li>
        <span className={`${styles.swatch} ${styles.soldSwatch}`} aria-hidden="true" />
        Sold
      </li>
    </ul>
  );
}
