import type { Category, ChartDefinition, ChartObject, Point } from '../../contracts/chart';
import { describeObject } from './describe-object';
import type { Messages } from './messages';
import { boundsOfPoints, extent, SEAT_RADIUS, type Box } from './geometry';
import type { LiveState } from './live-state';
import { PlaceStore, type PlaceView } from './place-store';

const SVG = 'http://www.w3.org/2000/svg';
/** Places held by other buyers: hatched in SVG (the chart's pattern), a light grey on the canvas. */
const HELD_FILL = 'url(#held-pattern)';
const HELD_CANVAS_FILL = '#cbd5e1';
/** The ring of the buyer's own places (seating-chart.module.css, .selected; the legend's swatch). */
const SELECTED_RING = '#f59e0b';
/** The side of a table, booth or standing area the chart gives no shape. */
const DEFAULT_SIDE = 30;

export type PlaceClasses = {
  place: string;
  available: string;
  unavailable: string;
  selected: string;
  mark: string;
  tick: string;
  featureMark: string;
  ringMark: string;
  placeLabel: string;
  seatNumber: string;
  lightFill: string;
};

/**
 * A square of the venue and the places whose centres fall in it: drawn together (one `<g>`) the first time the view
 * reaches it, and hidden while the view is elsewhere, so a 100,000-seat venue costs what is on screen.
 */
type Tile = { objects: ChartObject[]; box: Box; group: SVGGElement | undefined; numbered: boolean };

/** Tiles per side of the venue: few enough to check on every frame, small enough that a zoomed view needs few. */
const TILES_PER_SIDE = 16;
/** How far beyond the view tiles are drawn and shown, in views: a pan shows what is already there. */
const VIEW_MARGIN = 0.5;

/** What a host changes of how places look, and which it lets buyers choose (an embedded chart's config). */
export type PlaceLooks = {
  /** The colour to fill a place with, given the one the chart would use. */
  color?: (object: ChartObject, defaultColor: string) => string;
  /** The text written on a place (a seat's number, a table's or standing area's name), given the chart's. */
  label?: (object: ChartObject, defaultLabel: string) => string;
  /** Whether buyers may choose the place at all (others look unavailable); every place when absent. */
  selectable?: (object: ChartObject) => boolean;
  /** A line of text for the place's card. */
  note?: (object: ChartObject) => string | undefined;
};

type Drawn = {
  object: ChartObject;
  shape: SVGElement;
  mark?: SVGElement;
  tick?: SVGElement;
  feature?: SVGElement;
  text?: SVGTextElement;
  number?: SVGTextElement;
};

/** Longer seat names than this do not fit inside a seat; the place's card still says them. */
const MAX_NUMBER_LENGTH = 3;

/**
 * The places of a chart, drawn with plain DOM calls and repainted one by one as their view changes. React
 * renders everything else; for tens of thousands of seats its per-element work cost more than the drawing
 * (see docs/BENCHMARKS.md). Places are drawn tile by tile as the view reaches them (`show`), and once drawn every
 * place is one element carrying the DOM hooks (`data-label`, `data-object-type`, `data-status`, `data-selected`;
 * docs/ARCHITECTURE.md).
 */
export class PlacesLayer {
  private drawn = new Map<string, Drawn>();
  /** The canvas the places are painted on, while they are (paintCanvas): what it shows, and how. */
  private painting:
    { canvas: HTMLCanvasElement; box: Box; context: CanvasRenderingContext2D; ringWidth: number; squares: boolean; ringed: Set<string> } | undefined;
  private store = new PlaceStore();
  private tiles: Tile[] = [];
  private tileOf = new Map<string, Tile>();

  constructor(
    private root: SVGGElement,
    chart: ChartDefinition,
    private categories: Map<string, Category>,
    private priceOf: ((object: ChartObject) => string | undefined) | undefined,
    private classes: PlaceClasses,
    /** The organisers' plan: every place can be chosen, and custom statuses have their own colours. */
    private organiser: { statusColors: ReadonlyMap<string, string> } | undefined,
    /** A host's own colours and labels, and which places it lets buyers choose. */
    private looks: PlaceLooks | undefined,
    /** What places are called and said to be, in the host's language. */
    private messages: Messages,
  ) {
    const size = Math.max(chart.width, chart.height, 1) / TILES_PER_SIDE;
    const byKey = new Map<string, Tile>();
    for (const object of chart.objects) {
      if (!object.bookable) continue;
      const key = `${Math.floor(object.x / size)},${Math.floor(object.y / size)}`;
      let tile = byKey.get(key);
      if (!tile) byKey.set(key, (tile = { objects: [], box: { x: object.x, y: object.y, width: 0, height: 0 }, group: undefined, numbered: false }));
      tile.objects.push(object);
      this.tileOf.set(object.label, tile);
    }
    // A tile's box holds its places whole (a table or a standing area reaches beyond its centre).
    for (const tile of byKey.values()) {
      tile.box = boundsOfPoints(tile.objects.flatMap(extentOf));
      this.tiles.push(tile);
    }
  }

  /**
   * Draws the tiles the view `box` reaches (with a margin) that are not drawn yet, shows them, and hides the rest.
   * With `numbers`, the seats of those tiles get their numbers too: only once seats are large enough to hold them,
   * when few tiles are near the view, so the first zoom into a large venue does not write a number per seat.
   */
  show(box: Box, numbers: boolean): void {
    this.painting = undefined;
    const [mx, my] = [box.width * VIEW_MARGIN, box.height * VIEW_MARGIN];
    const near = { x: box.x - mx, y: box.y - my, width: box.width + 2 * mx, height: box.height + 2 * my };
    for (const tile of this.tiles) {
      const wanted = overlaps(tile.box, near);
      if (wanted && !tile.group) this.draw(tile);
      if (wanted && numbers && !tile.numbered) this.number(tile);
      if (tile.group) tile.group.style.display = wanted ? '' : 'none';
    }
  }

  /** Writes each seat's number inside it (hidden by the chart's CSS whenever it would be too small to read). */
  private number(tile: Tile): void {
    tile.numbered = true;
    for (const object of tile.objects) {
      const drawn = this.drawn.get(object.label);
      const number = this.labelOf(object);
      if (!drawn || object.type !== 'seat' || !number || number.length > MAX_NUMBER_LENGTH) continue;
      const text = this.decoration(
        'text',
        { x: object.x, y: object.y, 'dominant-baseline': 'central', 'text-anchor': 'middle' },
        this.classes.seatNumber,
      ) as SVGTextElement;
      text.textContent = number;
      drawn.number = text;
      (drawn.feature ?? drawn.shape).after(text);
      this.paint(drawn, this.store.view(object.label));
    }
  }

  /** Draws and shows the tile of a place, wherever the view is (keyboard focus may move to a place out of view). */
  ensure(label: string): void {
    const tile = this.tileOf.get(label);
    if (tile && !tile.group) this.draw(tile);
    if (tile?.group) tile.group.style.display = '';
  }

  private draw(tile: Tile): void {
    const group = document.createElementNS(SVG, 'g');
    for (const object of tile.objects) {
      const drawn = this.create(object);
      this.drawn.set(object.label, drawn);
      group.appendChild(drawn.shape);
      if (drawn.feature) group.appendChild(drawn.feature);
      if (drawn.text) group.appendChild(drawn.text);
      this.paint(drawn, this.store.view(object.label));
    }
    tile.group = group;
    this.root.appendChild(group);
  }

  update(state: LiveState | null, selected: ReadonlyMap<string, number>, tabbable: string | undefined): void {
    const changed = this.store.update(state, selected, tabbable);
    for (const label of changed) {
      const drawn = this.drawn.get(label);
      if (drawn) this.paint(drawn, this.store.view(label));
    }
    if (this.painting && changed.size) this.repaint([...changed]);
    // The place that takes Tab is always drawn: keyboard users reach the chart at any zoom.
    if (tabbable) this.ensure(tabbable);
  }

  /** Hides every drawn tile (the canvas shows the places instead); a place the keyboard reaches is shown again. */
  hideAll(): void {
    for (const tile of this.tiles) if (tile.group) tile.group.style.display = 'none';
  }

  /**
   * Paints the places the view `box` reaches on `canvas`, one path per colour: at the middle zoom level of a large
   * venue, where tens of thousands of places are on screen and elements for each cost more than the drawing
   * (docs/decisions/020). Fitted as the SVG fits its viewBox (centred, aspect kept), so the two line up.
   */
  paintCanvas(canvas: HTMLCanvasElement, box: Box): void {
    const ratio = window.devicePixelRatio || 1;
    const [width, height] = [canvas.clientWidth, canvas.clientHeight];
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    const context = canvas.getContext('2d');
    if (!context || !width || !height) return;
    const scale = Math.min(width / box.width, height / box.height) * ratio;
    const [dx, dy] = [(canvas.width - box.width * scale) / 2 - box.x * scale, (canvas.height - box.height * scale) / 2 - box.y * scale];
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.setTransform(scale, 0, 0, scale, dx, dy);
    this.painting = { canvas, box, context, ringWidth: (2 * ratio) / scale, squares: SEAT_RADIUS * (scale / ratio) < 3, ringed: new Set() };
    const byFill = new Map<string, ChartObject[]>();
    const chosen: ChartObject[] = [];
    for (const tile of this.tiles) {
      if (!overlaps(tile.box, box)) continue;
      for (const object of tile.objects) {
        const { fill, isSelected } = this.looksOf(object, this.store.view(object.label));
        const key = canvasFill(fill);
        (byFill.get(key) ?? byFill.set(key, []).get(key)!).push(object);
        if (isSelected) chosen.push(object);
      }
    }
    for (const [fill, objects] of byFill) {
      context.fillStyle = fill;
      context.beginPath();
      for (const object of objects) tracePlace(context, object, this.painting.squares);
      context.fill();
    }
    this.ring(chosen);
  }

  /** Rings the buyer's own places in the amber of the legend's "Your selection", 2 px wide whatever the zoom. */
  private ring(objects: ChartObject[]): void {
    if (!this.painting || !objects.length) return;
    const { context, ringWidth, ringed } = this.painting;
    context.strokeStyle = SELECTED_RING;
    context.lineWidth = ringWidth;
    context.beginPath();
    for (const object of objects) {
      tracePlace(context, object, false);
      ringed.add(object.label);
    }
    context.stroke();
  }

  /**
   * Repaints the places whose view changed, over the painting: a click shows its seat chosen without painting the
   * whole view again. A ring to take away, or a place other than a seat, paints the view again.
   */
  private repaint(labels: string[]): void {
    const { canvas, box, context, ringed, squares } = this.painting!;
    const objects = labels.flatMap((label) => {
      const tile = this.tileOf.get(label);
      const object = tile && overlaps(tile.box, box) ? tile.objects.find((o) => o.label === label) : undefined;
      return object ? [object] : [];
    });
    const chosen: ChartObject[] = [];
    for (const object of objects) {
      const { fill, isSelected } = this.looksOf(object, this.store.view(object.label));
      if (object.type !== 'seat' || (ringed.has(object.label) && !isSelected)) return this.paintCanvas(canvas, box);
      context.fillStyle = canvasFill(fill);
      context.beginPath();
      tracePlace(context, object, squares);
      context.fill();
      if (isSelected) chosen.push(object);
    }
    this.ring(chosen);
  }

  /** Whether a buyer may choose the place now (or, in the organisers' plan, act on it at all). */
  isChoosable(object: ChartObject): boolean {
    return this.looksOf(object, this.store.view(object.label)).choosable;
  }

  /** The place under a point of the chart (a seat within its radius, a table, booth or standing area within its shape). */
  placeAt(point: Point): ChartObject | undefined {
    let best: ChartObject | undefined;
    let bestDistance = Infinity;
    for (const tile of this.tiles) {
      if (!overlaps(tile.box, { x: point.x, y: point.y, width: 0, height: 0 })) continue;
      for (const object of tile.objects) {
        const { rx, ry } = reach(object);
        const [ox, oy] = [(point.x - object.x) / rx, (point.y - object.y) / ry];
        const distance = ox * ox + oy * oy;
        if (distance <= 1 && distance < bestDistance) [best, bestDistance] = [object, distance];
      }
    }
    return best;
  }

  destroy(): void {
    this.root.replaceChildren();
  }

  private create(object: ChartObject): Drawn {
    const shape = object.shape;
    let element: SVGElement;
    const attrs: Record<string, string | number> = {};
    if (object.type === 'seat' && object.accessible) {
      // A wheelchair space is a rounded square: its shape tells it apart at any zoom, whatever the colours.
      element = document.createElementNS(SVG, 'rect');
      const side = SEAT_RADIUS * 2;
      Object.assign(attrs, { x: object.x - SEAT_RADIUS, y: object.y - SEAT_RADIUS, width: side, height: side, rx: SEAT_RADIUS * 0.35 });
    } else if (object.type === 'seat' || shape?.kind === 'circle') {
      element = document.createElementNS(SVG, 'circle');
      Object.assign(attrs, { cx: object.x, cy: object.y, r: object.type === 'seat' ? SEAT_RADIUS : shape?.kind === 'circle' ? shape.radius : SEAT_RADIUS });
    } else if (shape?.kind === 'ellipse') {
      element = document.createElementNS(SVG, 'ellipse');
      Object.assign(attrs, { cx: object.x, cy: object.y, rx: shape.rx, ry: shape.ry });
    } else if (shape?.kind === 'polygon') {
      element = document.createElementNS(SVG, 'polygon');
      attrs.points = shape.points.map((p) => `${p.x},${p.y}`).join(' ');
    } else {
      const width = shape?.kind === 'rect' ? shape.width : DEFAULT_SIDE;
      const height = shape?.kind === 'rect' ? shape.height : DEFAULT_SIDE;
      element = document.createElementNS(SVG, 'rect');
      Object.assign(attrs, { x: object.x - width / 2, y: object.y - height / 2, width, height, rx: 4 });
    }
    for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
    element.setAttribute('data-label', object.label);
    element.setAttribute('data-object-type', object.type);
    element.setAttribute('role', 'button');
    const drawn: Drawn = { object, shape: element };
    drawn.feature = this.featureMark(object);
    if (object.type !== 'seat') {
      const text = this.decoration(
        'text',
        { x: object.x, y: object.y + 1, 'dominant-baseline': 'middle', 'text-anchor': 'middle' },
        this.classes.placeLabel,
      ) as SVGTextElement;
      drawn.text = text;
    }
    return drawn;
  }

  /**
   * What a seat is, in white on its colour, so that no buyer needs colour to tell: a dot for a wheelchair space (a
   * rounded square), a ring for a companion seat, a bar for a restricted view (the legend names each).
   */
  private featureMark(object: ChartObject): SVGElement | undefined {
    const { x, y } = object;
    const c = this.classes;
    if (object.accessible) return this.decoration('circle', { cx: x, cy: y, r: SEAT_RADIUS * 0.35 }, c.featureMark);
    if (object.companionSeat) return this.decoration('circle', { cx: x, cy: y, r: SEAT_RADIUS * 0.45 }, `${c.featureMark} ${c.ringMark}`);
    if (object.restrictedView) {
      const [width, height] = [SEAT_RADIUS * 1.2, SEAT_RADIUS * 0.36];
      return this.decoration('rect', { x: x - width / 2, y: y - height / 2, width, height, rx: height / 2 }, c.featureMark);
    }
    return undefined;
  }

  private decoration(tag: string, attrs: Record<string, string | number>, className: string): SVGElement {
    const element = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
    element.setAttribute('class', className);
    element.setAttribute('aria-hidden', 'true');
    return element;
  }

  /** How a place looks in its view: its fill, and whether it is free to choose, chosen, or choosable at all. */
  private looksOf(object: ChartObject, view: PlaceView) {
    const category = this.categories.get(object.categoryKey ?? '');
    const isSelected = view.selected !== undefined;
    const available = (view.numFree !== undefined ? view.numFree > 0 : view.status === 'free') && (this.looks?.selectable?.(object) ?? true);
    const unavailableFill = view.status === 'reservedByToken' ? HELD_FILL : (this.organiser?.statusColors.get(view.status) ?? '#94a3b8');
    const defaultFill = isSelected ? '#0f172a' : available ? (category?.color ?? '#64748b') : unavailableFill;
    const fill = this.looks?.color ? this.looks.color(object, defaultFill) : defaultFill;
    return { category, isSelected, available, fill, choosable: available || isSelected || this.organiser !== undefined };
  }

  /** Sets everything about a place that depends on its view. Marks that do not rely on colour come and go. */
  private paint(drawn: Drawn, view: PlaceView): void {
    const { shape, object } = drawn;
    const { category, isSelected, available, fill, choosable } = this.looksOf(object, view);
    const c = this.classes;
    shape.setAttribute('data-status', view.status);
    shape.setAttribute('fill', fill);
    // A light place gets a dark focus ring, a dark one a white ring, so the ring stands out from the place either way.
    const light = isLight(fill) ? ` ${c.lightFill}` : '';
    shape.setAttribute('class', `${c.place} ${choosable ? c.available : c.unavailable}${isSelected ? ` ${c.selected}` : ''}${light}`);
    shape.setAttribute('aria-label', describeObject(object, category, this.priceOf?.(object), view.status, isSelected, view.numFree, this.messages));
    // Roving focus: the one tabbable place has tabindex 0; arrow keys focus the others (focusPlace sets -1 first).
    toggleAttribute(shape, 'tabindex', view.tabbable ? '0' : shape.hasAttribute('tabindex') ? '-1' : undefined);
    toggleAttribute(shape, 'data-selected', isSelected ? 'true' : undefined);
    toggleAttribute(shape, 'aria-pressed', isSelected ? 'true' : undefined);
    toggleAttribute(shape, 'aria-disabled', !choosable ? 'true' : undefined);

    const r = object.type === 'seat' ? SEAT_RADIUS * 0.5 : 6;
    const { x, y } = markCentre(object, r);
    const crossed = !available && !isSelected && view.status !== 'reservedByToken';
    drawn.mark = this.toggleMark(drawn.mark, crossed, shape, () =>
      this.decoration('path', { d: `M${x - r} ${y - r}L${x + r} ${y + r}M${x + r} ${y - r}L${x - r} ${y + r}` }, c.mark),
    );
    drawn.tick = this.toggleMark(drawn.tick, isSelected, shape, () =>
      this.decoration('path', { d: `M${x - r} ${y}l${r * 0.7} ${r * 0.7}l${r * 1.3} ${-r * 1.4}` }, c.tick),
    );
    if (drawn.feature) drawn.feature.style.display = available && !isSelected ? '' : 'none';
    if (drawn.number) {
      // Only on a plain free seat: a tick, a cross or a seat's mark takes the middle of the seat instead.
      drawn.number.style.display = available && !isSelected && !drawn.feature ? '' : 'none';
      drawn.number.setAttribute('fill', isLight(fill) ? '#0f172a' : '#ffffff');
    }
    if (drawn.text) {
      const { t } = this.messages;
      const own = this.labelOf(object);
      drawn.text.textContent =
        object.type === 'generalAdmission'
          ? `${own} · ${isSelected ? t('gaSelected', { count: view.selected! }) : t('gaLeft', { count: view.numFree ?? object.capacity ?? 0 })}`
          : own;
    }
  }

  /** What is written on a place: its own label, or the host's for it. */
  private labelOf(object: ChartObject): string {
    return this.looks?.label ? this.looks.label(object, object.own) : object.own;
  }

  private toggleMark(mark: SVGElement | undefined, wanted: boolean, after: SVGElement, make: () => SVGElement): SVGElement | undefined {
    if (wanted && !mark) {
      const created = make();
      after.after(created);
      return created;
    }
    if (!wanted && mark) mark.remove();
    return wanted ? mark : undefined;
  }
}

/**
 * Where a place's tick or cross goes: on a seat, its middle; on a table, booth or standing area, its top-right
 * corner, clear of the label in its middle ("T2", "GA1 · 2 selected").
 */
function markCentre(object: ChartObject, r: number): { x: number; y: number } {
  if (object.type === 'seat') return { x: object.x, y: object.y };
  const shape = object.shape;
  // The top-right corner: of the square inside a round table, of a rectangle, of a polygon's bounding box.
  const corner =
    shape?.kind === 'circle'
      ? { x: object.x + shape.radius * Math.SQRT1_2, y: object.y - shape.radius * Math.SQRT1_2 }
      : shape?.kind === 'ellipse'
        ? { x: object.x + shape.rx * Math.SQRT1_2, y: object.y - shape.ry * Math.SQRT1_2 }
        : shape?.kind === 'polygon'
          ? { x: Math.max(...shape.points.map((p) => p.x)), y: Math.min(...shape.points.map((p) => p.y)) }
          : { x: object.x + (shape?.kind === 'rect' ? shape.width : 30) / 2, y: object.y - (shape?.kind === 'rect' ? shape.height : 30) / 2 };
  // Inside the corner, but never past the middle of a small place.
  return { x: Math.max(object.x, corner.x - r - 2), y: Math.min(object.y, corner.y + r + 2) };
}

/** The corners of what a place covers, for its tile's box. */
function extentOf(object: ChartObject): Point[] {
  const shape = object.shape;
  const [rx, ry] =
    shape?.kind === 'circle'
      ? [shape.radius, shape.radius]
      : shape?.kind === 'ellipse'
        ? [shape.rx, shape.ry]
        : shape?.kind === 'rect'
          ? [shape.width, shape.height]
          : shape?.kind === 'polygon'
            ? [0, 0]
            : [SEAT_RADIUS * 2, SEAT_RADIUS * 2];
  const corners = [
    { x: object.x - rx, y: object.y - ry },
    { x: object.x + rx, y: object.y + ry },
  ];
  return shape?.kind === 'polygon' ? [...corners, ...shape.points] : corners;
}

/**
 * Whether a fill is light: relative luminance (WCAG) above 0.18, where white contrasts less than 3:1 with it and the
 * chart's navy more. Patterns (places held by others) are light.
 */
export function isLight(fill: string): boolean {
  if (!/^#[0-9a-f]{6}$/i.test(fill)) return true;
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(fill.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! > 0.18;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

function toggleAttribute(element: Element, name: string, value: string | undefined): void {
  if (value === undefined) element.removeAttribute(name);
  else element.setAttribute(name, value);
}

/**
 * How far a pointer may be from a place's centre and still be on it, across and down, in chart units: a seat with a
 * little room around it (it is small to aim at), a place the chart gives no shape as it is drawn, else its shape.
 */
function reach(object: ChartObject): { rx: number; ry: number } {
  if (object.type === 'seat') return { rx: SEAT_RADIUS * 1.2, ry: SEAT_RADIUS * 1.2 };
  return object.shape ? extent(object) : { rx: DEFAULT_SIDE / 2, ry: DEFAULT_SIDE / 2 };
}

/** The colour a place is painted on the canvas: its fill, but for the held pattern, which a canvas cannot use. */
const canvasFill = (fill: string) => (fill === HELD_FILL ? HELD_CANVAS_FILL : fill);

/** Adds a place's outline to the canvas path: a seat as a circle (or a square when tiny), other places as their shape. */
function tracePlace(context: CanvasRenderingContext2D, object: ChartObject, squares: boolean): void {
  const { x, y } = object;
  const shape = object.shape;
  if (!shape && object.type !== 'seat') return context.rect(x - DEFAULT_SIDE / 2, y - DEFAULT_SIDE / 2, DEFAULT_SIDE, DEFAULT_SIDE);
  if (object.type === 'seat' || !shape) {
    if (squares) return context.rect(x - SEAT_RADIUS, y - SEAT_RADIUS, SEAT_RADIUS * 2, SEAT_RADIUS * 2);
    context.moveTo(x + SEAT_RADIUS, y);
    return context.arc(x, y, SEAT_RADIUS, 0, Math.PI * 2);
  }
  if (shape.kind === 'circle') {
    context.moveTo(x + shape.radius, y);
    return context.arc(x, y, shape.radius, 0, Math.PI * 2);
  }
  if (shape.kind === 'ellipse') {
    context.moveTo(x + shape.rx, y);
    return context.ellipse(x, y, shape.rx, shape.ry, 0, 0, Math.PI * 2);
  }
  if (shape.kind === 'rect') return context.rect(x - shape.width / 2, y - shape.height / 2, shape.width, shape.height);
  shape.points.forEach((p, i) => (i ? context.lineTo(p.x, p.y) : context.moveTo(p.x, p.y)));
  context.closePath();
}
