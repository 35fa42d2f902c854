'use client';

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { clamp, SEAT_RADIUS, zoomBox, type Box } from './geometry';
import type { Point } from '../../contracts/chart';

/**
 * The closest view draws a seat this large (radius, screen pixels), whatever the venue's size: its number and its
 * row's name are readable, and several seats of the row stay in view even on a phone.
 */
const MAX_SEAT_RADIUS_PX = 22;

/**
 * Zoom and pan of an SVG through its viewBox: wheel zooms at the pointer, one pointer drags, two pointers pinch.
 * `dragged()` tells a click handler whether the pointer moved enough to be a pan rather than a click.
 */
export function useViewport(fit: Box) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [box, setBox] = useState<Box>(fit);
  const boxRef = useRef(box);
  const pointers = useRef(new Map<number, Point>());
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const moved = useRef(0);

  const apply = useCallback(
    (next: Box) => {
      // Never zoom out beyond the whole venue nor in beyond the largest seats; keep some of the venue in view.
      const screenWidth = svgRef.current?.clientWidth || fit.width;
      const width = clamp(next.width, Math.min(fit.width, (screenWidth * SEAT_RADIUS) / MAX_SEAT_RADIUS_PX), fit.width * 1.5);
      const scale = width / next.width;
      const height = next.height * scale;
      const cx = next.x + next.width / 2;
      const cy = next.y + next.height / 2;
      const x = clamp(cx - width / 2, fit.x - width * 0.75, fit.x + fit.width - width * 0.25);
      const y = clamp(cy - height / 2, fit.y - height * 0.75, fit.y + fit.height - height * 0.25);
      boxRef.current = { x, y, width, height };
      setBox(boxRef.current);
    },
    [fit],
  );

  useEffect(() => apply(fit), [fit, apply]);

  // The drawing's size on screen, known before the first paint: how much detail to draw depends on it.
  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const measure = () => setSize({ width: svg.clientWidth, height: svg.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(svg);
    return () => observer.disconnect();
  }, []);

  /** Screen (client) coordinates → chart coordinates. */
  const toChart = useCallback((clientX: number, clientY: number): Point => {
    const svg = svgRef.current;
    const matrix = svg?.getScreenCTM();
    if (!svg || !matrix) return { x: 0, y: 0 };
    const p = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
    return { x: p.x, y: p.y };
  }, []);

  /** Chart units per screen pixel. */
  const unitsPerPixel = useCallback(() => {
    const svg = svgRef.current;
    if (!svg || !svg.clientWidth) return 1;
    const b = boxRef.current;
    return Math.max(b.width / svg.clientWidth, b.height / svg.clientHeight);
  }, []);

  const zoomBy = useCallback(
    (factor: number, anchor?: Point) => {
      const b = boxRef.current;
      apply(zoomBox(b, factor, anchor ?? { x: b.x + b.width / 2, y: b.y + b.height / 2 }));
    },
    [apply],
  );

  const zoomTo = useCallback(
    (target: Box) => {
      const svg = svgRef.current;
      const aspect = svg && svg.clientHeight ? svg.clientWidth / svg.clientHeight : target.width / target.height;
      // Grow the target to the screen's aspect ratio so all of it is visible.
      const width = Math.max(target.width, target.height * aspect);
      const height = width / aspect;
      apply({ x: target.x + target.width / 2 - width / 2, y: target.y + target.height / 2 - height / 2, width, height });
    },
    [apply],
  );

  const panTo = useCallback(
    (point: Point) => {
      const b = boxRef.current;
      apply({ ...b, x: point.x - b.width / 2, y: point.y - b.height / 2 });
    },
    [apply],
  );

  // React's wheel listener is passive; zooming must prevent the page from scrolling.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      zoomBy(Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.002)), toChart(e.clientX, e.clientY));
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, [toChart, zoomBy]);

  const onPointerDown = useCallback((e: ReactPointerEvent<SVGSVGElement>) => {
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pointers.current.size === 1) moved.current = 0;
  }, []);

  const onPointerMove = useCallback(
    (e: ReactPointerEvent<SVGSVGElement>) => {
      const previous = pointers.current.get(e.pointerId);
      if (!previous) return;
      const now = { x: e.clientX, y: e.clientY };
      if (pointers.current.size === 1) {
        moved.current += Math.hypot(now.x - previous.x, now.y - previous.y);
        if (moved.current > 4) {
          // Capture only once it is a drag, so that a plain click still reaches the place under the pointer.
          if (!e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.setPointerCapture(e.pointerId);
          const k = unitsPerPixel();
          const b = boxRef.current;
          apply({ ...b, x: b.x - (now.x - previous.x) * k, y: b.y - (now.y - previous.y) * k });
        }
      } else if (pointers.current.size === 2) {
        const [other] = [...pointers.current].filter(([id]) => id !== e.pointerId).map(([, p]) => p);
        if (other) {
          const before = Math.hypot(previous.x - other.x, previous.y - other.y);
          const after = Math.hypot(now.x - other.x, now.y - other.y);
          moved.current += Math.abs(after - before) + 5;
          if (before > 0) zoomBy(after / before, toChart((now.x + other.x) / 2, (now.y + other.y) / 2));
        }
      }
      pointers.current.set(e.pointerId, now);
    },
    [apply, toChart, unitsPerPixel, zoomBy],
  );

  const onPointerUp = useCallback((e: ReactPointerEvent<SVGSVGElement>) => {
    pointers.current.delete(e.pointerId);
  }, []);

  return {
    svgRef,
    box,
    fit,
    /** Screen pixels per chart unit, once the size on screen is known. */
    pixelsPerUnit: size && size.width ? Math.min(size.width / box.width, size.height / box.height) : undefined,
    unitsPerPixel,
    toChart,
    zoomIn: () => zoomBy(1.5),
    zoomOut: () => zoomBy(1 / 1.5),
    reset: () => apply(fit),
    zoomTo,
    panTo,
    dragged: () => moved.current > 4,
    pointerHandlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp },
  };
}
