/**
 * Browser side of the renderer benchmark: draws a chart with Tessera's SeatingChart, or with plain DOM calls
 * (the vanilla baseline), and times first paint, 100 status changes and a zoom step.
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { useLayoutEffect, useState } from 'react';
import type { ChartDefinition } from '../../contracts/chart';
import { fromSnapshot, type LiveState } from '../../components/seating-chart/live-state';
import { SeatingChart } from '../../components/seating-chart/SeatingChart';

/** Times in ms. `seats`: until seats are on screen (the first paint, or the first zoom step that draws them). */
export type RendererResult = { firstPaint: number; seats: number; changes: number; zoom: number; heapMB: number; detail: string };

const painted = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const heapMB = () => ((performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1024 / 1024;
/**
 * A click's time to show a place chosen: from the pointer going down to the frame after the choice is drawn (the
 * buyer page shows a place chosen at once and holds it meanwhile; here nothing is held).
 */
const clicks = { downAt: 0, time: 0 };
document.addEventListener('pointerdown', () => ((clicks.downAt = performance.now()), (clicks.time = 0)), true);
const clickShown = () => requestAnimationFrame(() => setTimeout(() => (clicks.time = performance.now() - clicks.downAt), 0));

let setLive: (state: LiveState) => void = () => {};
function Bench({ chart }: { chart: ChartDefinition }) {
  const [state, setState] = useState(() => fromSnapshot(0, []));
  const [selected, setSelected] = useState<ReadonlyMap<string, number>>(new Map());
  setLive = setState;
  useLayoutEffect(() => {
    if (selected.size) clickShown();
  }, [selected]);
  return <SeatingChart chart={chart} state={state} live selected={selected} onActivate={(o) => setSelected((s) => new Map(s).set(o.label, 1))} />;
}

/**
 * Zooms (with the wheel, at the middle) until seats are at least `radius` pixels across their radius, then gives the
 * screen position of the place nearest the middle of the view, to click.
 */
async function clickTarget(svg: SVGSVGElement, chart: ChartDefinition, radius: number): Promise<{ x: number; y: number }> {
  const rect = svg.getBoundingClientRect();
  const [cx, cy] = [rect.left + rect.width / 2, rect.top + rect.height / 2];
  // Small steps (×1.22), so the view stops just past `radius`, at the level of detail that radius has.
  for (let i = 0; i < 30 && 9 * svg.getScreenCTM()!.a < radius; i++) {
    svg.dispatchEvent(new WheelEvent('wheel', { deltaY: -100, clientX: cx, clientY: cy, cancelable: true }));
    await painted();
  }
  const matrix = svg.getScreenCTM()!;
  const toScreen = (o: { x: number; y: number }) => new DOMPoint(o.x, o.y).matrixTransform(matrix);
  let best = { x: cx, y: cy, d: Infinity };
  for (const o of chart.objects) {
    if (o.type !== 'seat') continue;
    const p = toScreen(o);
    const d = (p.x - cx) ** 2 + (p.y - cy) ** 2;
    if (d < best.d) best = { x: p.x, y: p.y, d };
  }
  return { x: best.x, y: best.y };
}

async function tessera(chart: ChartDefinition, changed: string[]): Promise<RendererResult> {
  const root = createRoot(document.getElementById('root')!);
  let start = performance.now();
  flushSync(() => root.render(<Bench chart={chart} />));
  await painted();
  const firstPaint = performance.now() - start;
  const svg = document.querySelector('svg')!;
  const detail = svg.getAttribute('data-detail')!;

  const rect = svg.getBoundingClientRect();
  const zoomIn = async () => {
    const t = performance.now();
    flushSync(() =>
      svg.dispatchEvent(new WheelEvent('wheel', { deltaY: -300, clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2, cancelable: true })),
    );
    await painted();
    return performance.now() - t;
  };
  let seats = firstPaint;
  for (let i = 0; i < 10 && svg.getAttribute('data-detail') === 'sections'; i++) seats = await zoomIn();

  start = performance.now();
  flushSync(() =>
    setLive(
      fromSnapshot(
        1,
        changed.map((label) => ({ label, status: 'booked' })),
      ),
    ),
  );
  await painted();
  const changes = performance.now() - start;
  const zoom = await zoomIn();
  target = () => clickTarget(svg, chart, 3.5);
  return { firstPaint, seats, changes, zoom, heapMB: heapMB(), detail };
}

/** Where the benchmark clicks next, once the run has drawn its chart. */
let target: () => Promise<{ x: number; y: number }> = () => Promise.reject(new Error('nothing drawn'));

/** The baseline: the same circles with createElementNS and setAttribute, nothing else. */
async function vanilla(chart: ChartDefinition, changed: string[]): Promise<RendererResult> {
  const ns = 'http://www.w3.org/2000/svg';
  let start = performance.now();
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${chart.width} ${chart.height}`);
  svg.setAttribute('style', 'width:100%;height:100%');
  const byLabel = new Map<string, SVGCircleElement>();
  const colors = new Map(chart.categories.map((c) => [String(c.key), c.color]));
  for (const o of chart.objects) {
    const c = document.createElementNS(ns, 'circle');
    c.setAttribute('cx', String(o.x));
    c.setAttribute('cy', String(o.y));
    c.setAttribute('r', '9');
    c.setAttribute('fill', colors.get(o.categoryKey ?? '') ?? '#888');
    c.setAttribute('data-label', o.label);
    svg.appendChild(c);
    byLabel.set(o.label, c);
  }
  // Dragging pans, as on Tessera's chart: the viewBox follows the pointer.
  let last: { x: number; y: number } | null = null;
  svg.addEventListener('pointerdown', (e) => (last = { x: e.clientX, y: e.clientY }));
  svg.addEventListener('pointerup', () => (last = null));
  // A click chooses the circle under it: the chart's navy, then the frame after.
  svg.addEventListener('click', (e) => {
    const circle = (e.target as Element).closest('circle');
    if (!circle) return;
    circle.setAttribute('fill', '#0f172a');
    clickShown();
  });
  svg.addEventListener('pointermove', (e) => {
    if (!last) return;
    const [x, y, w, h] = svg.getAttribute('viewBox')!.split(' ').map(Number) as [number, number, number, number];
    const k = w / svg.clientWidth;
    svg.setAttribute('viewBox', `${x - (e.clientX - last.x) * k} ${y - (e.clientY - last.y) * k} ${w} ${h}`);
    last = { x: e.clientX, y: e.clientY };
  });
  document.getElementById('root')!.appendChild(svg);
  await painted();
  const firstPaint = performance.now() - start;

  start = performance.now();
  for (const label of changed) byLabel.get(label)!.setAttribute('fill', '#94a3b8');
  await painted();
  const changes = performance.now() - start;

  start = performance.now();
  svg.setAttribute('viewBox', `${chart.width / 4} ${chart.height / 4} ${chart.width / 2} ${chart.height / 2}`);
  await painted();
  const zoom = performance.now() - start;
  target = () => clickTarget(svg as SVGSVGElement, chart, 3.5);
  return { firstPaint, seats: firstPaint, changes, zoom, heapMB: heapMB(), detail: 'seats' };
}

/** Frame intervals while the page is driven from outside (a drag): started, then stopped with their 95th percentile. */
let frames: number[] = [];
let recording = false;
(window as unknown as Record<string, unknown>).startFrames = () => {
  frames = [];
  recording = true;
  let previous = performance.now();
  const tick = (now: number) => {
    frames.push(now - previous);
    previous = now;
    if (recording) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};
(window as unknown as Record<string, unknown>).stopFrames = () => {
  recording = false;
  const sorted = frames.slice(1).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0;
};

(window as unknown as Record<string, unknown>).clickTarget = () => target();
(window as unknown as Record<string, unknown>).clickTime = () => clicks.time;

(window as unknown as Record<string, unknown>).runRendererBench = (kind: 'tessera' | 'vanilla', chart: ChartDefinition, changed: string[]) =>
  kind === 'tessera' ? tessera(chart, changed) : vanilla(chart, changed);
