'use client';

import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { TimelinePoint } from '../../../contracts/realtime';
import styles from './event-board.module.css';
import { statusStyle } from './status-style';

/** Booked and held keep their colours whatever the event's custom statuses. */
const { colour } = statusStyle([]);

const HEIGHT = 220;

/** Plot data: minute start times (seconds, as uPlot wants them), places booked and held in each minute. */
function toData(points: TimelinePoint[]): uPlot.AlignedData {
  return [points.map((p) => p.minute * 60), points.map((p) => p.booked), points.map((p) => p.held)];
}

/** Two bars a minute, side by side. */
const bars = (align: -1 | 1) => uPlot.paths.bars!({ size: [0.4, 24], align });

/** Places booked and held per minute over the on-sale, updating live (a uPlot bar chart on canvas). */
export function Timeline({ points }: { points: TimelinePoint[] }) {
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    const element = container.current!;
    const created = new uPlot(
      {
        width: element.clientWidth,
        height: HEIGHT,
        scales: {
          x: { time: true, auto: false },
          y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] },
        },
        // Whole places only on the y axis.
        axes: [{}, { label: 'Places per minute', size: 56, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000] }],
        series: [
          {},
          { label: 'Booked', stroke: colour('booked'), fill: colour('booked'), paths: bars(-1), points: { show: false } },
          { label: 'Held', stroke: colour('reservedByToken'), fill: `${colour('reservedByToken')}aa`, paths: bars(1), points: { show: false } },
        ],
      },
      toData([]),
      element,
    );
    plot.current = created;
    const resize = new ResizeObserver(() => created.setSize({ width: element.clientWidth, height: HEIGHT }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      created.destroy();
      plot.current = null;
    };
  }, []);

  useEffect(() => {
    const current = plot.current;
    if (!current) return;
    current.setData(toData(points), false);
    // A minute on each side, so a single minute still shows as a bar; the last hour before anything happened.
    const now = Date.now() / 1000;
    const [min, max] = points.length ? [points[0]!.minute * 60 - 60, points.at(-1)!.minute * 60 + 120] : [now - 3600, now];
    current.setScale('x', { min, max });
  }, [points]);

  return (
    <figure className={styles.timeline}>
      <div ref={container} role="img" aria-label={`Places booked and held per minute: ${points.reduce((n, p) => n + p.booked, 0)} booked in all`} />
      {points.length === 0 && <figcaption className={styles.muted}>No holds or bookings yet.</figcaption>}
    </figure>
  );
}
