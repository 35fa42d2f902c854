import { describe, expect, it } from 'vitest';
import { isLight } from '../../components/seating-chart/places-layer';
import { demoHall } from './generate-venue';

/*
 * The default category colours stay distinguishable for colour-blind buyers: each pair, and each against the grey
 * the chart draws unavailable places in, keeps a CIE76 distance of at least 25 under simulated protanopia,
 * deuteranopia and tritanopia (Machado, Oliveira and Fernandes 2009, full severity, applied in linear RGB) as well
 * as for normal vision.
 */

/** The fill of unavailable places (components/seating-chart/places-layer.ts). */
const UNAVAILABLE = { label: 'unavailable', color: '#94a3b8' };

const SIMULATIONS: Record<string, number[][]> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

const linear = (channel: number) => {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/** CIELAB (D65) of a linear RGB colour. */
function lab([r, g, b]: number[]): [number, number, number] {
  const x = (0.4124564 * r! + 0.3575761 * g! + 0.1804375 * b!) / 0.95047;
  const y = 0.2126729 * r! + 0.7151522 * g! + 0.072175 * b!;
  const z = (0.0193339 * r! + 0.119192 * g! + 0.9503041 * b!) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function seen(hex: string, matrix: number[][]): [number, number, number] {
  const rgb = [1, 3, 5].map((i) => linear(parseInt(hex.slice(i, i + 2), 16)));
  return lab(
    matrix.map((row) =>
      Math.min(
        1,
        Math.max(
          0,
          row.reduce((sum, m, j) => sum + m * rgb[j]!, 0),
        ),
      ),
    ),
  );
}

const distance = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => v - b[i]!));

describe('the default category palette', () => {
  it.each(Object.keys(SIMULATIONS))('keeps the categories apart, and from unavailable grey, for %s', (vision) => {
    const categories = [...(demoHall().categories as { list: { label: string; color: string }[] }).list, UNAVAILABLE];
    expect(categories.length).toBeGreaterThanOrEqual(4);
    for (const [i, a] of categories.entries()) {
      for (const b of categories.slice(i + 1)) {
        const d = distance(seen(a.color, SIMULATIONS[vision]!), seen(b.color, SIMULATIONS[vision]!));
        expect(d, `${a.label} ${a.color} / ${b.label} ${b.color}`).toBeGreaterThanOrEqual(25);
      }
    }
  });
});

/** WCAG contrast ratio of two sRGB colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => linear(parseInt(hex.slice(i, i + 2), 16)));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

describe('the keyboard focus ring', () => {
  // seating-chart.module.css: white around dark places, navy around light ones, in a navy halo.
  const NAVY = '#0f172a';
  const ring = (fill: string) => (isLight(fill) ? NAVY : '#ffffff');

  it('stands out at least 3:1 from every place it can surround, and its halo from the background', () => {
    const fills = [...(demoHall().categories as { list: { color: string }[] }).list.map((c) => c.color), UNAVAILABLE.color, NAVY, '#cbd5e1'];
    for (const fill of fills) expect(contrast(ring(fill), fill), `ring around ${fill}`).toBeGreaterThanOrEqual(3);
    for (const background of ['#f8fafc', '#ffffff']) expect(contrast(NAVY, background)).toBeGreaterThanOrEqual(3);
  });
});
