'use client';

import { memo, useCallback, useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Category, ChartDefinition, ChartObject } from '../../server/charts/chart-model';
import { describeObject, placeFlags, placeName, statusWord } from './describe-object';
import { boundsOfPoints, chartBounds, nearestInDirection, SEAT_RADIUS, type Direction } from './geometry';
import { statusOf, type LiveState } from './live-state';
import styles from './seating-chart.module.css';
import { useViewport } from './use-viewport';

export type SeatingChartProps = {
  chart: ChartDefinition;
  state: LiveState | null;
  /** False while offline: the chart is greyed and places cannot be chosen. */
  live: boolean;
  selected: ReadonlyMap<string, number>;
  /** Formatted price of a category, if the event has prices. */
  priceOf?: (categoryKey: string | undefined) => string | undefined;
  onActivate?: (object: ChartObject) => void;
};

const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/** Below this many screen pixels per seat radius a click zooms into the section instead of choosing a seat. */
const MIN_CLICKABLE_RADIUS_PX = 3;

/**
 * The venue as SVG. One element per place with the DOM hooks of DESIGN.md; zoom and pan with wheel, drag, pinch
 * and buttons; arrow keys move between places, Enter or Space chooses one. Places are memoised on their own
 * status, so a change re-renders only the places it touches.
 */
export function SeatingChart({ chart, state, live, selected, priceOf, onActivate }: SeatingChartProps) {
  const fit = useMemo(() => chartBounds(chart), [chart]);
  const viewport = useViewport(fit);
  const categories = useMemo(() => new Map(chart.categories.map((c) => [String(c.key), c])), [chart]);
  const places = useMemo(() => chart.objects.filter((o) => o.bookable), [chart]);
  const byLabel = useMemo(() => new Map(places.map((o) => [o.label, o])), [places]);
  const sectionBoxes = useMemo(() => new Map(chart.sections.filter((s) => s.points.length).map((s) => [s.label, boundsOfPoints(s.points, 30)])), [chart]);
  const nearest = useMemo(() => [...places].sort((a, b) => a.y - b.y || a.x - b.x)[0], [places]);
  const [focusLabel, setFocusLabel] = useState<string | undefined>(undefined);
  const [hoverLabel, setHoverLabel] = useState<string | undefined>(undefined);
  const tabbable = focusLabel ?? nearest?.label;

  const activate = useCallback(
    (object: ChartObject) => {
      if (!live) return;
      const tiny = SEAT_RADIUS / viewport.unitsPerPixel() < MIN_CLICKABLE_RADIUS_PX;
      const section = object.section ? sectionBoxes.get(object.section) : undefined;
      if (tiny && section) return viewport.zoomTo(section);
      onActivate?.(object);
    },
    [live, onActivate, sectionBoxes, viewport],
  );

  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    if (viewport.dragged()) return;
    const target = (e.target as Element).closest('[data-label],[data-section]');
    const label = target?.getAttribute('data-label');
    const object = label ? byLabel.get(label) : undefined;
    if (object) return activate(object);
    const section = target?.getAttribute('data-section');
    const box = section ? sectionBoxes.get(section) : undefined;
    if (box) viewport.zoomTo(box);
  };

  const focusPlace = (object: ChartObject) => {
    setFocusLabel(object.label);
    const element = viewport.svgRef.current?.querySelector<SVGElement>(`[data-label="${CSS.escape(object.label)}"]`);
    element?.focus();
    const { box } = viewport;
    const inView = object.x > box.x && object.x < box.x + box.width && object.y > box.y && object.y < box.y + box.height;
    if (!inView) viewport.panTo(object);
  };

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const current = byLabel.get((e.target as Element).getAttribute('data-label') ?? '');
    if (e.key === '+' || e.key === '=') return viewport.zoomIn();
    if (e.key === '-') return viewport.zoomOut();
    if (!current) return;
    const direction = ARROWS[e.key];
    if (direction) {
      e.preventDefault();
      const next = nearestInDirection(current, places, direction);
      if (next) focusPlace(next);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (live) onActivate?.(current);
    }
  };

  const { box } = viewport;
  const shown = hoverLabel ?? focusLabel;
  const shownObject = shown ? byLabel.get(shown) : undefined;
  return (
    <div className={styles.frame}>
      <svg
        ref={viewport.svgRef}
        className={styles.chart}
        viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}
        preserveAspectRatio="xMidYMid meet"
        role="group"
        aria-label={`${chart.name} seating chart. Use the arrow keys to move between places and Enter to choose one.`}
        data-live={live ? 'true' : 'false'}
        onClick={onClick}
        onKeyDown={onKeyDown}
        onFocus={(e) => setFocusLabel((e.target as Element).getAttribute('data-label') ?? undefined)}
        onPointerOver={(e) => setHoverLabel((e.target as Element).getAttribute('data-label') ?? undefined)}
        onPointerLeave={() => setHoverLabel(undefined)}
        {...viewport.pointerHandlers}
      >
        <defs>
          <pattern id="held-pattern" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="5" height="5" fill="#cbd5e1" />
            <line x1="0" y1="0" x2="0" y2="5" stroke="#64748b" strokeWidth="2.5" />
          </pattern>
        </defs>
        {chart.decorations.map((d, i) => (
          <g key={`d${i}`} className={styles.decoration} aria-hidden="true">
            <rect x={d.center.x - d.width / 2} y={d.center.y - d.height / 2} width={d.width} height={d.height} rx={10} />
            <text x={d.center.x} y={d.center.y} dominantBaseline="middle" textAnchor="middle">
              {d.label}
            </text>
          </g>
        ))}
        {chart.sections.map((s) => (
          <g key={s.label} className={styles.section} data-section={s.label} aria-hidden="true">
            <polygon points={s.points.map((p) => `${p.x},${p.y}`).join(' ')} />
            {s.points[0] && (
              <text x={s.points[0].x + 6} y={s.points[0].y - 10}>
                {s.label}
              </text>
            )}
          </g>
        ))}
        <RowLabels chart={chart} byLabel={byLabel} />
        {chart.objects.map((object) =>
          object.bookable ? (
            <Place
              key={object.label}
              object={object}
              category={categories.get(object.categoryKey ?? '')}
              price={priceOf?.(object.categoryKey)}
              status={state ? statusOf(state, object.label) : 'free'}
              numFree={state?.objects.get(object.label)?.numFree}
              selected={selected.get(object.label)}
              tabbable={object.label === tabbable}
            />
          ) : (
            <Fixture key={object.label} object={object} />
          ),
        )}
      </svg>
      <div className={styles.zoomControls}>
        <button type="button" onClick={viewport.zoomIn} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={viewport.zoomOut} aria-label="Zoom out">
          −
        </button>
        <button type="button" onClick={viewport.reset} aria-label="Show the whole venue">
          ⤢
        </button>
      </div>
      {shownObject && (
        <PlaceCard
          object={shownObject}
          category={categories.get(shownObject.categoryKey ?? '')}
          price={priceOf?.(shownObject.categoryKey)}
          status={state ? statusOf(state, shownObject.label) : 'free'}
          numFree={state?.objects.get(shownObject.label)?.numFree}
          selected={selected.has(shownObject.label)}
        />
      )}
    </div>
  );
}

/** Row names at both ends of every row, beside its end seats and in the row's direction. */
const RowLabels = memo(function RowLabels({ chart, byLabel }: { chart: ChartDefinition; byLabel: Map<string, ChartObject> }) {
  return (
    <g className={styles.rowLabel} aria-hidden="true">
      {chart.rows.map((row) => {
        const first = byLabel.get(row.seats[0] ?? '');
        const second = byLabel.get(row.seats[1] ?? '');
        const last = byLabel.get(row.seats[row.seats.length - 1] ?? '');
        const before = byLabel.get(row.seats[row.seats.length - 2] ?? '');
        if (!first || !last) return null;
        const name = row.section ? row.label.slice(row.section.length + 1) : row.label;
        // One seat spacing beyond each end, along the row.
        const out = (end: ChartObject, inner: ChartObject | undefined) =>
          inner ? { x: 2 * end.x - inner.x, y: 2 * end.y - inner.y } : { x: end.x - 20, y: end.y };
        const a = out(first, second);
        const b = out(last, before);
        return (
          <g key={row.label}>
            <text x={a.x} y={a.y} textAnchor="middle" dominantBaseline="central">
              {name}
            </text>
            <text x={b.x} y={b.y} textAnchor="middle" dominantBaseline="central">
              {name}
            </text>
          </g>
        );
      })}
    </g>
  );
});

/** What cannot be chosen on its own: a table sold per seat, the seats of a table sold whole. */
function Fixture({ object }: { object: ChartObject }) {
  if (object.type === 'seat') return <circle className={styles.fixtureSeat} cx={object.x} cy={object.y} r={SEAT_RADIUS * 0.8} aria-hidden="true" />;
  const shape = object.shape;
  if (shape?.kind === 'circle') return <circle className={styles.table} cx={object.x} cy={object.y} r={shape.radius} aria-hidden="true" />;
  const width = shape?.kind === 'rect' ? shape.width : 40;
  const height = shape?.kind === 'rect' ? shape.height : 20;
  return <rect className={styles.table} x={object.x - width / 2} y={object.y - height / 2} width={width} height={height} rx={4} aria-hidden="true" />;
}

type PlaceProps = {
  object: ChartObject;
  category: Category | undefined;
  price: string | undefined;
  status: string;
  numFree: number | undefined;
  selected: number | undefined;
  tabbable: boolean;
};

/** One place. Memoised: it re-renders only when its own status, selection or focus changes. */
const Place = memo(function Place({ object, category, price, status, numFree, selected, tabbable }: PlaceProps) {
  const isSelected = selected !== undefined;
  const available = numFree !== undefined ? numFree > 0 : status === 'free';
  const fill = isSelected ? '#0f172a' : available ? (category?.color ?? '#64748b') : status === 'reservedByToken' ? 'url(#held-pattern)' : '#94a3b8';
  const common = {
    'data-label': object.label,
    'data-object-type': object.type,
    'data-status': status,
    ...(isSelected ? { 'data-selected': 'true' } : {}),
    'aria-label': describeObject(object, category, price, status, isSelected, numFree),
    'aria-pressed': isSelected,
    'aria-disabled': !available && !isSelected,
    role: 'button',
    tabIndex: tabbable ? 0 : -1,
    fill,
    className: `${styles.place} ${available || isSelected ? styles.available : styles.unavailable} ${isSelected ? styles.selected : ''}`,
  };
  const shape = object.shape;
  let body;
  if (object.type === 'seat') body = <circle {...common} cx={object.x} cy={object.y} r={SEAT_RADIUS} />;
  else if (shape?.kind === 'circle') body = <circle {...common} cx={object.x} cy={object.y} r={shape.radius} />;
  else if (shape?.kind === 'ellipse') body = <ellipse {...common} cx={object.x} cy={object.y} rx={shape.rx} ry={shape.ry} />;
  else if (shape?.kind === 'polygon') body = <polygon {...common} points={shape.points.map((p) => `${p.x},${p.y}`).join(' ')} />;
  else {
    const width = shape?.kind === 'rect' ? shape.width : 30;
    const height = shape?.kind === 'rect' ? shape.height : 30;
    body = <rect {...common} x={object.x - width / 2} y={object.y - height / 2} width={width} height={height} rx={4} />;
  }
  // Marks that do not rely on colour: a cross on sold places, a tick on selected ones, a wheelchair dot.
  const r = object.type === 'seat' ? SEAT_RADIUS * 0.5 : 6;
  return (
    <>
      {body}
      {!available && !isSelected && status !== 'reservedByToken' && (
        <path
          className={styles.mark}
          d={`M${object.x - r} ${object.y - r}L${object.x + r} ${object.y + r}M${object.x + r} ${object.y - r}L${object.x - r} ${object.y + r}`}
          aria-hidden="true"
        />
      )}
      {isSelected && <path className={styles.tick} d={`M${object.x - r} ${object.y}l${r * 0.7} ${r * 0.7}l${r * 1.3} ${-r * 1.4}`} aria-hidden="true" />}
      {object.accessible && available && !isSelected && (
        <circle className={styles.accessibleMark} cx={object.x} cy={object.y} r={SEAT_RADIUS * 0.35} aria-hidden="true" />
      )}
      {object.type !== 'seat' && (
        <text
          className={styles.placeLabel}
          x={object.x}
          y={object.type === 'generalAdmission' ? object.y : object.y + 1}
          dominantBaseline="middle"
          textAnchor="middle"
          aria-hidden="true"
        >
          {object.type === 'generalAdmission' ? `${object.own} · ${isSelected ? `${selected} selected` : `${numFree ?? object.capacity} left`}` : object.own}
        </text>
      )}
    </>
  );
});

function PlaceCard({
  object,
  category,
  price,
  status,
  numFree,
  selected,
}: {
  object: ChartObject;
  category: Category | undefined;
  price: string | undefined;
  status: string;
  numFree: number | undefined;
  selected: boolean;
}) {
  const availability = selected ? 'Selected' : numFree !== undefined ? (numFree > 0 ? `${numFree} places left` : 'Sold out') : statusWord(status);
  return (
    <div className={styles.card} role="tooltip" data-testid="place-card">
      <strong>{placeName(object)}</strong>
      {category && (
        <span>
          <span className={styles.cardSwatch} style={{ background: category.color }} aria-hidden="true" />
          {category.label}
          {price ? ` · ${price}` : ''}
        </span>
      )}
      {placeFlags(object).map((flag) => (
        <span key={flag} className={styles.cardFlag}>
          {flag}
        </span>
      ))}
      <span className={styles.cardStatus}>{availability[0]!.toUpperCase() + availability.slice(1)}</span>
    </div>
  );
}
