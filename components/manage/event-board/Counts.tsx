import type { Group, TallyView } from '../../../contracts/tally';
import { FREE, HELD } from '../../../contracts/statuses';
import styles from './event-board.module.css';
import { statusOrder, type StatusStyle } from './status-style';

const number = new Intl.NumberFormat('en-IE');

/** A group's places as one bar, a segment per status (free last, so the bar fills from the left as sales go). */
function StatusBar({ group, style }: { group: Pick<Group, 'total' | 'byStatus'>; style: StatusStyle }) {
  const statuses = Object.keys(group.byStatus)
    .filter((s) => s !== FREE)
    .sort(statusOrder);
  return (
    <div className={styles.bar} aria-hidden="true">
      {statuses.map((status) => (
        <span
          key={status}
          className={status === HELD ? styles.heldSegment : undefined}
          style={{
            width: `${group.total ? (group.byStatus[status]! / group.total) * 100 : 0}%`,
            background: status === HELD ? undefined : style.colour(status),
          }}
        />
      ))}
    </div>
  );
}

function GroupTable({ caption, groups, statuses, style }: { caption: string; groups: Group[]; statuses: string[]; style: StatusStyle }) {
  return (
    <table className={styles.counts}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{caption === 'By category' ? 'Category' : 'Section'}</th>
          <th scope="col" className={styles.barColumn}>
            <span className={styles.visuallyHidden}>Share taken</span>
          </th>
          {statuses.map((s) => (
            <th key={s} scope="col" className={styles.number}>
              {style.name(s)}
            </th>
          ))}
          <th scope="col" className={styles.number}>
            Capacity
          </th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.key}>
            <th scope="row">{g.label}</th>
            <td className={styles.barColumn}>
              <StatusBar group={g} style={style} />
            </td>
            {statuses.map((s) => (
              <td key={s} className={styles.number}>
                {number.format(g.byStatus[s] ?? 0)}
              </td>
            ))}
            <td className={styles.number}>{number.format(g.total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Places by status, then by category and by section, each with its bar. */
export function Counts({ tally, style }: { tally: TallyView; style: StatusStyle }) {
  const statuses = Object.keys(tally.byStatus).sort(statusOrder);
  return (
    <div className={styles.countsBlock}>
      <ul className={styles.statusList} aria-label="Places by status">
        {statuses.map((status) => (
          <li key={status} data-status={status}>
            <span className={status === HELD ? styles.heldSwatch : styles.swatch} style={status === HELD ? undefined : { background: style.colour(status) }} />
            <span>{style.name(status)}</span>
            <strong>{number.format(tally.byStatus[status]!)}</strong>
            <small>{tally.total ? Math.round((tally.byStatus[status]! / tally.total) * 100) : 0}%</small>
          </li>
        ))}
      </ul>
      {tally.categories.length > 0 && <GroupTable caption="By category" groups={tally.categories} statuses={statuses} style={style} />}
      {tally.sections.length > 0 && <GroupTable caption="By section" groups={tally.sections} statuses={statuses} style={style} />}
    </div>
  );
}
