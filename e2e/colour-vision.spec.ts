import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/*
 * Colour-blind buyers tell the categories apart: under Chromium's own vision-deficiency emulation, the rendered
 * Premium, Standard and Value places keep distinct colours (a CIE76 distance floor between the pixels on screen).
 * The screenshots stay in test-results for a person to look at.
 */

const DEFICIENCIES = ['protanopia', 'deuteranopia', 'tritanopia'] as const;

/** The median colour, as CIELAB, of a PNG's pixels — decoded by the browser, in a blank page of its own. */
async function medianLab(decoder: Page, png: Buffer): Promise<[number, number, number]> {
  return decoder.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, image.width, image.height).data;
    const channel = (offset: number) => {
      const values: number[] = [];
      for (let i = offset; i < data.length; i += 4) values.push(data[i]!);
      values.sort((a, b) => a - b);
      return values[Math.floor(values.length / 2)]!;
    };
    const linear = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    const [r, g, b] = [0, 1, 2].map((o) => linear(channel(o)));
    const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
    const x = (0.4124564 * r! + 0.3575761 * g! + 0.1804375 * b!) / 0.95047;
    const y = 0.2126729 * r! + 0.7151522 * g! + 0.072175 * b!;
    const z = (0.0193339 * r! + 0.119192 * g! + 0.9503041 * b!) / 1.08883;
    return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))] as [number, number, number];
  }, png.toString('base64'));
}

test('under simulated protanopia, deuteranopia and tritanopia the categories keep distinct colours on screen', async ({ openBuyer, browser }) => {
  const buyer = await openBuyer();
  await expect(buyer.locator('[data-label][fill]').first()).toBeVisible();
  // One free place of each category, by the colour the chart gave it: its largest (a table, a booth, a standing area
  // where the category has one), whose colour fills its screenshot beyond the marks a seat may wear.
  const largest = await buyer.evaluate(() => {
    const byColour = new Map<string, { label: string; area: number }>();
    for (const e of document.querySelectorAll('[data-label][fill^="#"]')) {
      const { width, height } = e.getBoundingClientRect();
      const colour = e.getAttribute('fill')!;
      if ((byColour.get(colour)?.area ?? -1) < width * height) byColour.set(colour, { label: e.getAttribute('data-label')!, area: width * height });
    }
    return [...byColour].map(([colour, { label }]) => ({ colour, label }));
  });
  expect(largest.length).toBeGreaterThanOrEqual(3);
  const colours = largest.map((l) => l.colour);
  const places = largest.map((l) => buyer.locator(`[data-label="${l.label}"]`));
  const decoder = await browser.newPage();
  const cdp = await buyer.context().newCDPSession(buyer);
  for (const type of DEFICIENCIES) {
    await cdp.send('Emulation.setEmulatedVisionDeficiency', { type });
    await buyer.screenshot({ path: `test-results/vision-${type}.png` });
    const seen = await Promise.all(places.map(async (place) => medianLab(decoder, await place.screenshot())));
    for (const [i, a] of seen.entries()) {
      for (const [j, b] of seen.slice(i + 1).entries()) {
        const distance = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
        expect(distance, `${type}: ${colours[i]} / ${colours[i + 1 + j]}`).toBeGreaterThanOrEqual(15);
      }
    }
  }
  await cdp.send('Emulation.setEmulatedVisionDeficiency', { type: 'none' });
  await decoder.close();
});

test('on a fresh event nothing is drawn in the greys of sold places, not even the chairs of tables sold whole', async ({ openBuyer }) => {
  const buyer = await openBuyer();
  await expect(buyer.locator('[data-label][fill]').first()).toBeVisible();
  const greys = await buyer.evaluate(
    () =>
      // Patterns (the stripes of held places) are definitions, not drawn places.
      [...document.querySelectorAll('svg circle, svg rect')].filter(
        (e) => !e.closest('pattern') && ['rgb(148, 163, 184)', 'rgb(203, 213, 225)'].includes(getComputedStyle(e).fill),
      ).length,
  );
  expect(greys).toBe(0);
});

test('wheelchair spaces are told apart by their shape, and the legend names them and the selection', async ({ openBuyer }) => {
  const buyer = await openBuyer();
  const seats = buyer.locator('[data-object-type="seat"]');
  await expect(seats.first()).toBeVisible();
  const squares = buyer.locator('rect[data-object-type="seat"]');
  expect(await squares.count()).toBeGreaterThan(0);
  // Every square seat is a wheelchair space, and every wheelchair space is square.
  for (const label of await squares.evaluateAll((es) => es.map((e) => e.getAttribute('aria-label')!))) expect(label).toContain('wheelchair');
  expect(await buyer.locator('circle[data-object-type="seat"][aria-label*="wheelchair"]').count()).toBe(0);
  const legend = buyer.getByRole('list', { name: 'Legend' });
  await expect(legend).toContainText('Your selection');
  await expect(legend).toContainText('Wheelchair space');
});
