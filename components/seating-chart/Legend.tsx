import type { ChartDefinition } from '../../contracts/chart';
import { capitalised } from './messages';
import { useMessages } from './messages-context';
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
  const { t, text } = useMessages();
  const bookable = chart.objects.filter((o) => o.bookable);
  const has = (feature: 'accessible' | 'companionSeat' | 'restrictedView') => bookable.some((o) => o[feature]);
  // What the marks mean, each with the swatch that looks like it; a venue's feature only where it has one.
  const marks: [shown: boolean, swatch: string | undefined, text: string][] = [
    [true, styles.selectedSwatch, t('yourSelection')],
    [has('accessible'), styles.accessibleSwatch, t('wheelchairSpace')],
    [has('companionSeat'), styles.companionSwatch, capitalised(t('companionSeat'))],
    [has('restrictedView'), styles.restrictedSwatch, capitalised(t('restrictedView'))],
    [true, styles.heldSwatch, t('heldByOthers')],
    [true, styles.soldSwatch, unavailable ? t('soldOrUnavailable') : t('sold')],
  ];
  return (
    <ul className={styles.legend} aria-label={t('legend')}>
      {chart.categories.map((c) => (
        <li key={String(c.key)}>
          <span className={styles.swatch} style={{ background: c.color }} aria-hidden="true" />
          {text(c.label)}
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
