'use client';

import { memo, useMemo } from 'react';
import type { Category, ChartDefinition, ChartObject } from '../../server/charts/chart-model';
import { describeObject } from './describe-object';
import { statusOf, type LiveState } from './live-state';
import styles from './seating-chart.module.css';

type Props = { chart: ChartDefinition; state: LiveState | null; live: boolean };

const SEAT_RADIUS = 9;

/** The venue as SVG: one element per place with the DOM hooks of DESIGN.md, coloured by category and status. */
export function SeatingChart({ chart, state, live }: Props) {
  const categories = useMemo(() => new Map(chart.categories.map((c) => [String(c.key), c])), [chart]);
  const padding = 40;
  const viewBox = `${-padding} ${-padding} ${chart.width + 2 * padding} ${chart.height + 2 * padding}`;
  return (
    <svg className={styles.chart} viewBox={viewBox} role="group" aria-label={`${chart.name} seating chart`} data-live={live ? 'true' : 'false'}>
      <defs>
        <pattern id="taken-pattern" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#9ca3af" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#6b7280" strokeWidth="3" />
        </pattern>
      </defs>
      {chart.decorations.map((d, i) => (
        <g key={`d${i}`} className={styles.decoration}>
          <rect x={d.center.x - d.width / 2} y={d.center.y - d.height / 2} width={d.width} height={d.height} rx={8} />
          <text x={d.center.x} y={d.center.y} dominantBaseline="middle" textAnchor="middle">
            {d.label}
          </text>
        </g>
      ))}
      {chart.sections.map((s) => (
        <g key={s.label} className={styles.section}>
          <polygon points={s.points.map((p) => `${p.x},${p.y}`).join(' ')} />
          {s.points[0] && (
            <text x={s.points[0].x + 4} y={s.points[0].y - 8}>
              {s.label}
            </text>
          )}
        </g>
      ))}
      {chart.objects.map((object) => {
        if (!object.bookable) return object.type === 'table' ? <TableShape key={object.label} object={object} /> : null;
        const entry = state?.objects.get(object.label);
        return <Place key={object.label} object={object} category={categories.get(object.categoryKey ?? '')} status={state ? statusOf(state, object.label) : 'free'} numFree={entry?.numFree} />;
      })}
    </svg>
  );
}

function TableShape({ object }: { object: ChartObject }) {
  const shape = object.shape;
  return shape?.kind === 'circle' ? (
    <circle className={styles.table} cx={object.x} cy={object.y} r={shape.radius} />
  ) : (
    <rect className={styles.table} x={object.x - 20} y={object.y - 10} width={40} height={20} />
  );
}

type PlaceProps = { object: ChartObject; category: Category | undefined; status: string; numFree: number | undefined };

/** One place. Memoised on its status, so a change re-renders only the places it touches. */
const Place = memo(function Place({ object, category, status, numFree }: PlaceProps) {
  const free = status === 'free';
  const fill = free ? (category?.color ?? '#64748b') : status === 'reservedByToken' ? 'url(#taken-pattern)' : '#4b5563';
  const common = {
    'data-label': object.label,
    'data-object-type': object.type,
    'data-status': status,
    'aria-label': describeObject(object, category, status, numFree),
    role: 'img',
    fill,
    className: `${styles.place} ${free ? '' : styles.taken}`,
  };
  const shape = object.shape;
  if (object.type === 'seat') return <circle {...common} cx={object.x} cy={object.y} r={SEAT_RADIUS} />;
  if (shape?.kind === 'circle') return <circle {...common} cx={object.x} cy={object.y} r={shape.radius} />;
  if (shape?.kind === 'ellipse') return <ellipse {...common} cx={object.x} cy={object.y} rx={shape.rx} ry={shape.ry} />;
  if (shape?.kind === 'polygon') return <polygon {...common} points={shape.points.map((p) => `${p.x},${p.y}`).join(' ')} />;
  const width = shape?.kind === 'rect' ? shape.width : 30;
  const height = shape?.kind === 'rect' ? shape.height : 30;
  return (
    <g>
      <rect {...common} x={object.x - width / 2} y={object.y - height / 2} width={width} height={height} rx={4} />
      <text className={styles.placeLabel} x={object.x} y={object.y} dominantBaseline="middle" textAnchor="middle" aria-hidden="true">
        {object.type === 'generalAdmission' ? `${object.own} · ${numFree ?? object.capacity} left` : object.own}
      </text>
    </g>
  );
});
