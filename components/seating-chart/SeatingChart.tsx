'use client';

import {
  memo,
  useCallback,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type Ref,
} from 'react';
import type { Category, ChartDefinition, ChartObject } from '../../contracts/chart';
import { availability, placeFlags, placeName } from './describe-object';
import { capitalised } from './messages';
import { useMessages } from './messages-context';
import { boundsOfPoints, chartBounds, nameInside, nearestInDirection, SEAT_RADIUS, seatPitch, topLeftOf, type Direction, type NameInside } from './geometry';
import { statusOf, type LiveState } from './live-state';
import { PlacesLayer, type PlaceClasses, type PlaceLooks } from './places-layer';
import styles from './seating-chart.module.css';
import { useViewport } from './use-viewport';

export type SeatingChartProps = {
  chart: ChartDefinition;
  state: LiveState | null;
  /** False while offline: the chart is greyed and places cannot be chosen. */
  live: boolean;
  selected: ReadonlyMap<string, number>;
  /** Formatted price of a place, if the event has prices. */
  priceOf?: (object: ChartObject) => string | undefined;
  onActivate?: (object: ChartObject) => void;
  /** The organisers' plan: every place can be chosen, custom statuses have colours, the card says more. */
  organiser?: { statusColors: ReadonlyMap<string, string>; cardDetails: (label: string) => ReactNode };
  /** Filled with what a host may ask of the view (an embedded chart's `zoomToObjects`, `resetView`). */
  view?: Ref<ChartView>;
  /** A host's own colours, labels and notes for places, and which it lets buyers choose (an embedded chart's config). */
  looks?: PlaceLooks;
};

export type { PlaceLooks };

/** What a host may ask of the view: bring places into view, or show the whole venue. */
export type ChartView = { showPlaces: (labels: string[]) => void; showAll: () => void };

const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/** From this many places, the middle zoom level (`seats`) is painted on a canvas rather than drawn as elements. */
const CANVAS_MIN_PLACES = 5_000;

/** Below this many screen pixels per seat radius a click zooms into the section instead of choosing a seat. */
const MIN_CLICKABLE_RADIUS_PX = 3;

/**
 * How much to draw at a zoom level, by the size of a seat on screen: sections only when seats would be specks
 * (a 100,000-seat venue at full view), seats without their marks (wheelchair, companion, restricted view) while the
 * marks would be smudges, and everything when zoomed in. Seats are first drawn when they first become visible; row
 * names whenever rows are far enough apart on screen to hold them.
 */
type Detail = 'sections' | 'seats' | 'full';
/**
 * No text is drawn smaller than this on screen: section, row and stage names grow to it as the view zooms out
 * (`--min-text`, in chart units), and the labels inside tables, booths and standing areas, which cannot grow
 * without spilling out, are hidden until the view is close enough to draw them at this size.
 */
const MIN_TEXT_PX = 11;
/** The font size of labels inside places, in chart units (seating-chart.module.css, .placeLabel). */
const PLACE_LABEL_UNITS = 13;
/** The font size of seat numbers inside seats, in chart units (seating-chart.module.css, .seatNumber). */
const SEAT_NUMBER_UNITS = 9;
/** The largest font of section names beside their sections, in chart units (seating-chart.module.css, .section text). */
const SECTION_NAME_MAX_UNITS = 48;
/** Section names inside their sections at overview are drawn no larger than this on screen. */
const OVERVIEW_NAME_MAX_PX = 16;

function detailFor(seatRadiusPx: number | undefined): Detail {
  if (seatRadiusPx === undefined || seatRadiusPx < 1.5) return 'sections';
  return seatRadiusPx < 5 ? 'seats' : 'full';
}

/**
 * The venue as SVG: zoom and pan with wheel, drag, pinch and buttons; arrow keys move between places, Enter or
 * Space chooses one. React draws sections, labels, controls and the card; the places themselves are drawn and
 * repainted by PlacesLayer outside React, one element each with the DOM hooks (docs/decisions/003).
 */
export function SeatingChart({ chart, state, live, selected, priceOf, onActivate, organiser, view, looks }: SeatingChartProps) {
  const fit = useMemo(() => chartBounds(chart), [chart]);
  const viewport = useViewport(fit);
  const messages = useMessages();
  const { t, text } = messages;
  const categories = useMemo(() => new Map(chart.categories.map((c) => [String(c.key), c])), [chart]);
  const places = useMemo(() => chart.objects.filter((o) => o.bookable), [chart]);
  const byLabel = useMemo(() => new Map(places.map((o) => [o.label, o])), [places]);
  const sectionBoxes = useMemo(() => new Map(chart.sections.filter((s) => s.points.length).map((s) => [s.label, boundsOfPoints(s.points, 30)])), [chart]);
  const pitch = useMemo(() => seatPitch(chart.rows, (label) => byLabel.get(label)), [chart, byLabel]);
  const namesInside = useMemo(
    () => new Map(chart.sections.filter((s) => s.points.length).map((s) => [s.label, nameInside(text(s.label), s.points)])),
    [chart, text],
  );
  // Where Tab enters the chart: the place nearest the top left.
  const nearest = useMemo(() => topLeftOf(places), [places]);
  useImperativeHandle(
    view,
    () => ({
      showPlaces: (labels) => {
        const points = labels.flatMap((l) => {
          const o = byLabel.get(l);
          return o ? [o] : [];
        });
        if (!points.length) return;
        // Around the places, and never closer than a quarter of the venue: a buyer sees where they are.
        const box = boundsOfPoints(points, 60);
        const [width, height] = [Math.max(box.width, fit.width / 4), Math.max(box.height, fit.height / 4)];
        viewport.zoomTo({ x: box.x + box.width / 2 - width / 2, y: box.y + box.height / 2 - height / 2, width, height });
      },
      showAll: viewport.reset,
    }),
    [byLabel, fit, viewport],
  );
  const [focusLabel, setFocusLabel] = useState<string | undefined>(undefined);
  const [hoverLabel, setHoverLabel] = useState<string | undefined>(undefined);
  const tabbable = focusLabel ?? nearest?.label;
  const detail = detailFor(viewport.pixelsPerUnit && SEAT_RADIUS * viewport.pixelsPerUnit);
  const [placesWanted, setPlacesWanted] = useState(false);
  if (detail !== 'sections' && !placesWanted) setPlacesWanted(true);
  const placesRef = useRef<SVGGElement>(null);
  const organiserColors = organiser?.statusColors;
  const layer = useRef<PlacesLayer | undefined>(undefined);
  // The places are drawn outside React (see places-layer.ts): built once per chart, when first visible, then
  // repainted place by place.
  useLayoutEffect(() => {
    if (!placesWanted) return;
    const created = new PlacesLayer(
      placesRef.current!,
      chart,
      categories,
      priceOf,
      styles as PlaceClasses,
      organiserColors && { statusColors: organiserColors },
      looks,
      messages,
    );
    layer.current = created;
    return () => {
      created.destroy();
      layer.current = undefined;
    };
  }, [chart, categories, priceOf, placesWanted, organiserColors, looks, messages]);
  useLayoutEffect(
    () => layer.current?.update(state, selected, tabbable),
    [chart, categories, priceOf, placesWanted, organiserColors, looks, state, selected, tabbable],
  );
  // Only the tiles of places the view reaches are drawn and shown; at section level none are shown anyway.
  const placesShown = detail !== 'sections';
  const readable = (units: number) => viewport.pixelsPerUnit !== undefined && units * viewport.pixelsPerUnit >= MIN_TEXT_PX;
  const seatNumbers = readable(SEAT_NUMBER_UNITS);
  // Row names whenever seats are drawn and rows are far enough apart on screen for a line of legible text.
  const rowNames = placesShown && pitch !== undefined && viewport.pixelsPerUnit !== undefined && pitch * viewport.pixelsPerUnit >= MIN_TEXT_PX + 1;
  // A large venue's middle zoom level is painted on a canvas (decision 020); its tiles of elements are hidden then.
  const painted = detail === 'seats' && places.length >= CANVAS_MIN_PLACES;
  useLayoutEffect(() => {
    if (painted) layer.current?.hideAll();
    else if (placesShown) layer.current?.show(viewport.box, seatNumbers);
  }, [viewport.box, placesShown, painted, seatNumbers, chart, categories, priceOf, placesWanted, organiserColors, looks]);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (painted && canvas) layer.current?.paintCanvas(canvas, viewport.box);
    // Statuses and selections that change later are repainted place by place (PlacesLayer.update).
  }, [painted, viewport.box, chart, categories, priceOf, placesWanted, organiserColors, looks, messages]);
  /** The place under the pointer where places are painted rather than drawn as elements. */
  const paintedPlaceAt = (clientX: number, clientY: number) => (painted ? layer.current?.placeAt(viewport.toChart(clientX, clientY)) : undefined);

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
    const object = label ? byLabel.get(label) : paintedPlaceAt(e.clientX, e.clientY);
    if (object) {
      // A tap on a place nobody can choose shows its card (on touch there is no hover to show it).
      if (label ? target?.getAttribute('aria-disabled') === 'true' : !layer.current?.isChoosable(object)) setFocusLabel(object.label);
      return activate(object);
    }
    const section = target?.getAttribute('data-section');
    const box = section ? sectionBoxes.get(section) : undefined;
    if (box) viewport.zoomTo(box);
  };

  const focusPlace = (object: ChartObject) => {
    setFocusLabel(object.label);
    layer.current?.ensure(object.label);
    const element = viewport.svgRef.current?.querySelector<SVGElement>(`[data-label="${CSS.escape(object.label)}"]`);
    if (element && !element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
    element?.focus();
    const { box } = viewport;
    const inView = object.x > box.x && object.x < box.x + box.width && object.y > box.y && object.y < box.y + box.height;
    if (!inView) viewport.panTo(object);
  };

  // At overview the sections take the keyboard: Enter zooms into one and moves focus to its first place.
  const atOverview = detail === 'sections';
  const [focusWhenDrawn, setFocusWhenDrawn] = useState<ChartObject | undefined>(undefined);
  const enterSection = (section: string) => {
    const box = sectionBoxes.get(section);
    if (!box) return;
    viewport.zoomTo(box);
    setFocusWhenDrawn(topLeftOf(places.filter((o) => o.section === section)));
  };
  useLayoutEffect(() => {
    if (!focusWhenDrawn || atOverview) return;
    setFocusWhenDrawn(undefined);
    focusPlace(focusWhenDrawn);
  });
  // Places left per section, said by each section's name at overview.
  const leftPerSection = useMemo(() => {
    if (!atOverview) return undefined;
    const left = new Map<string, number>();
    for (const o of places) {
      if (!o.section) continue;
      const now = state?.objects.get(o.label);
      const n = o.type === 'generalAdmission' ? (now?.numFree ?? o.capacity ?? 0) : now ? 0 : 1;
      left.set(o.section, (left.get(o.section) ?? 0) + n);
    }
    return left;
  }, [atOverview, places, state]);

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const current = byLabel.get((e.target as Element).getAttribute('data-label') ?? '');
    if (e.key === '+' || e.key === '=') return viewport.zoomIn();
    if (e.key === '-') return viewport.zoomOut();
    const section = (e.target as Element).getAttribute('data-section');
    if (section && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      return enterSection(section);
    }
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
  const minText = viewport.pixelsPerUnit ? ({ '--min-text': `${MIN_TEXT_PX / viewport.pixelsPerUnit}px` } as CSSProperties) : undefined;
  const shown = hoverLabel ?? focusLabel;
  const shownObject = shown ? byLabel.get(shown) : undefined;
  const frameRef = useRef<HTMLDivElement>(null);
  const [anchor, setAnchor] = useState<CardAnchor | undefined>(undefined);
  // Where the shown place is on screen, for its card to sit beside it; again whenever the view moves.
  useLayoutEffect(() => {
    const element = shown ? placesRef.current?.querySelector(`[data-label="${CSS.escape(shown)}"]`) : null;
    const frame = frameRef.current;
    const matrix = viewport.svgRef.current?.getScreenCTM();
    if (!frame || !shownObject || (!element?.getClientRects().length && !(painted && matrix))) return setAnchor(undefined);
    const within = frame.getBoundingClientRect();
    if (element?.getClientRects().length) {
      const place = element.getBoundingClientRect();
      return setAnchor({ x: place.left + place.width / 2 - within.left, top: place.top - within.top, bottom: place.bottom - within.top });
    }
    // A painted place has no element: its centre and radius through the drawing's transform.
    const centre = new DOMPoint(shownObject.x, shownObject.y).matrixTransform(matrix!);
    const radius = SEAT_RADIUS * matrix!.a;
    setAnchor({ x: centre.x - within.left, top: centre.y - radius - within.top, bottom: centre.y + radius - within.top });
  }, [shown, box, placesWanted, painted]);
  return (
    <div ref={frameRef} className={styles.frame}>
      <div className={styles.surface}>
        <svg
          ref={viewport.svgRef}
          className={styles.chart}
          viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}
          preserveAspectRatio="xMidYMid meet"
          role="group"
          aria-label={t('chartLabel', { name: chart.name })}
          data-live={live ? 'true' : 'false'}
          data-detail={detail}
          data-place-labels={readable(PLACE_LABEL_UNITS) ? 'shown' : 'hidden'}
          data-seat-numbers={seatNumbers ? 'shown' : 'hidden'}
          onClick={onClick}
          onKeyDown={onKeyDown}
          onFocus={(e) => setFocusLabel((e.target as Element).getAttribute('data-label') ?? undefined)}
          onPointerOver={(e) => setHoverLabel((e.target as Element).getAttribute('data-label') ?? undefined)}
          onPointerLeave={() => setHoverLabel(undefined)}
          {...viewport.pointerHandlers}
          onPointerMove={(e) => {
            viewport.pointerHandlers.onPointerMove(e);
            if (painted && e.pointerType === 'mouse' && !e.buttons) setHoverLabel(paintedPlaceAt(e.clientX, e.clientY)?.label);
          }}
        >
          <defs>
            <pattern id="held-pattern" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="5" height="5" fill="#cbd5e1" />
              <line x1="0" y1="0" x2="0" y2="5" stroke="#64748b" strokeWidth="2.5" />
            </pattern>
          </defs>
          {/* Only the names get --min-text: set on the whole chart, every zoom step would restyle every place. */}
          <g style={minText}>
            {chart.decorations.map((d, i) => (
              <g key={`d${i}`} className={styles.decoration} aria-hidden="true">
                <rect x={d.center.x - d.width / 2} y={d.center.y - d.height / 2} width={d.width} height={d.height} rx={10} />
                <text x={d.center.x} y={d.center.y} dominantBaseline="middle" textAnchor="middle">
                  {text(d.label)}
                </text>
              </g>
            ))}
            {chart.sections.map((s) => (
              <g
                key={s.label}
                className={styles.section}
                data-section={s.label}
                {...(leftPerSection
                  ? { tabIndex: 0, role: 'button', 'aria-label': t('sectionLabel', { section: text(s.label), count: leftPerSection.get(s.label) ?? 0 }) }
                  : { 'aria-hidden': true })}
                style={{ '--section-fill': categories.get(s.categoryKey ?? '')?.color ?? '#cbd5e1' } as CSSProperties}
              >
                <polygon points={s.points.map((p) => `${p.x},${p.y}`).join(' ')} />
                {atOverview ? (
                  <SectionNameInside name={namesInside.get(s.label)} pixelsPerUnit={viewport.pixelsPerUnit} />
                ) : (
                  s.points[0] &&
                  readable(SECTION_NAME_MAX_UNITS) && (
                    <text x={s.points[0].x + 6} y={s.points[0].y - 10}>
                      {text(s.label)}
                    </text>
                  )
                )}
              </g>
            ))}
            {rowNames && <RowLabels chart={chart} byLabel={byLabel} />}
          </g>
          <Fixtures chart={chart} />
          <g ref={placesRef} className={styles.places} />
          {/* At overview the places are not drawn: the buyer's own are marked, so they can see where they are. */}
          {atOverview && viewport.pixelsPerUnit && (
            <g className={styles.heldMarkers} aria-hidden="true">
              {[...selected.keys()].map((label) => {
                const o = byLabel.get(label);
                return o && <circle key={label} data-held-marker={label} cx={o.x} cy={o.y} r={6 / viewport.pixelsPerUnit!} />;
              })}
            </g>
          )}
        </svg>
        {/* Over the drawing, letting the pointer through to it: the places a large venue paints at the middle level. */}
        <canvas ref={canvasRef} className={styles.placesCanvas} hidden={!painted} aria-hidden="true" />
      </div>
      <div className={styles.zoomControls}>
        <button type="button" onClick={viewport.zoomIn} aria-label={t('zoomIn')}>
          +
        </button>
        <button type="button" onClick={viewport.zoomOut} aria-label={t('zoomOut')}>
          −
        </button>
        <button type="button" onClick={viewport.reset} aria-label={t('showWholeVenue')}>
          ⤢
        </button>
      </div>
      {shownObject && !atOverview && (
        <PlaceCard
          object={shownObject}
          category={categories.get(shownObject.categoryKey ?? '')}
          price={priceOf?.(shownObject)}
          status={state ? statusOf(state, shownObject.label) : 'free'}
          numFree={state?.objects.get(shownObject.label)?.numFree}
          selected={selected.has(shownObject.label)}
          details={organiser?.cardDetails(shownObject.label) ?? <CardNote text={looks?.note?.(shownObject)} />}
          anchor={anchor}
        />
      )}
    </div>
  );
}

/**
 * At overview, where no places are drawn, a section's name sits inside it, as large as fits (up to a modest size on
 * screen); a section too small on screen to hold it legibly shows none, and a tap zooms into it.
 */
function SectionNameInside({ name, pixelsPerUnit }: { name: NameInside | undefined; pixelsPerUnit: number | undefined }) {
  if (!name || !pixelsPerUnit || name.fontSize * pixelsPerUnit < MIN_TEXT_PX) return null;
  const fontSize = Math.min(name.fontSize, OVERVIEW_NAME_MAX_PX / pixelsPerUnit);
  return (
    <text x={name.x} y={name.y} textAnchor="middle" dominantBaseline="central" style={{ fontSize }}>
      {name.lines.map((line, i) => (
        <tspan key={i} x={name.x} dy={i === 0 ? `${-0.6 * (name.lines.length - 1)}em` : '1.2em'}>
          {line}
        </tspan>
      ))}
    </text>
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

/**
 * What cannot be chosen on its own: a table sold per seat, the seats of a table sold whole. Those seats are drawn
 * as outlines in their category's colour: filled grey, they looked sold.
 */
function Fixture({ object, color }: { object: ChartObject; color: string | undefined }) {
  if (object.type === 'seat')
    return <circle className={styles.fixtureSeat} cx={object.x} cy={object.y} r={SEAT_RADIUS * 0.8} stroke={color ?? '#94a3b8'} aria-hidden="true" />;
  const shape = object.shape;
  if (shape?.kind === 'circle') return <circle className={styles.table} cx={object.x} cy={object.y} r={shape.radius} aria-hidden="true" />;
  const width = shape?.kind === 'rect' ? shape.width : 40;
  const height = shape?.kind === 'rect' ? shape.height : 20;
  return <rect className={styles.table} x={object.x - width / 2} y={object.y - height / 2} width={width} height={height} rx={4} aria-hidden="true" />;
}

/** What cannot be chosen on its own: tables sold per seat, the seats of tables sold whole. */
const Fixtures = memo(function Fixtures({ chart }: { chart: ChartDefinition }) {
  const colors = new Map(chart.categories.map((c) => [String(c.key), c.color]));
  return (
    <g>
      {chart.objects.map((object) => (object.bookable ? null : <Fixture key={object.label} object={object} color={colors.get(object.categoryKey ?? '')} />))}
    </g>
  );
});

/** A host's line about a place on its card, if it has one. */
function CardNote({ text }: { text: string | undefined }) {
  return text ? <span className={styles.cardNote}>{text}</span> : null;
}

/** A place's position in the chart's frame, in CSS pixels: its horizontal centre, top and bottom. */
type CardAnchor = { x: number; top: number; bottom: number };

/** Room kept between the card and its place, and between the card and the frame's edges. */
const CARD_GAP = 8;

/** Above the place when there is room, else below it; never over it, and inside the frame. */
function cardPosition(anchor: CardAnchor, card: { width: number; height: number }, frame: { width: number; height: number }): CSSProperties {
  const above = anchor.top - CARD_GAP - card.height;
  const top = above >= CARD_GAP || anchor.bottom + CARD_GAP + card.height > frame.height ? Math.max(CARD_GAP, above) : anchor.bottom + CARD_GAP;
  const left = Math.min(Math.max(CARD_GAP, anchor.x - card.width / 2), Math.max(CARD_GAP, frame.width - card.width - CARD_GAP));
  return { left, top, bottom: 'auto' };
}

function PlaceCard({
  object,
  category,
  price,
  status,
  numFree,
  selected,
  details,
  anchor,
}: {
  object: ChartObject;
  category: Category | undefined;
  price: string | undefined;
  status: string;
  numFree: number | undefined;
  selected: boolean;
  details: ReactNode;
  /** Where its place is; without (places not drawn at this zoom), the card keeps to the frame's corner. */
  anchor: CardAnchor | undefined;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<CSSProperties | undefined>(undefined);
  useLayoutEffect(() => {
    const card = ref.current;
    const frame = card?.parentElement;
    if (!card || !frame || !anchor) return setPosition(undefined);
    setPosition(cardPosition(anchor, { width: card.offsetWidth, height: card.offsetHeight }, { width: frame.clientWidth, height: frame.clientHeight }));
  }, [anchor, object.label, details]);
  const m = useMessages();
  return (
    <div ref={ref} className={styles.card} style={position} role="tooltip" data-testid="place-card">
      <strong>{placeName(object, m)}</strong>
      {category && (
        <span>
          <span className={styles.cardSwatch} style={{ background: category.color }} aria-hidden="true" />
          {m.text(category.label)}
          {price ? ` · ${price}` : ''}
        </span>
      )}
      {placeFlags(object, m).map((flag) => (
        <span key={flag} className={styles.cardFlag}>
          {flag}
        </span>
      ))}
      <span className={styles.cardStatus}>{capitalised(availability(status, selected, numFree, m))}</span>
      {details}
    </div>
  );
}
