import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/* Buyers can read what the chart writes: no text on it is drawn smaller than 11 px, at any zoom. */

/** The on-screen font size of every drawn text of the chart, with its content. */
const drawnText = (page: Page) =>
  page.locator('svg[role="group"] text').evaluateAll((texts) =>
    texts
      .filter((t) => t.textContent && t.getClientRects().length > 0)
      .map((t) => {
        const svg = (t as SVGTextElement).ownerSVGElement!;
        const scale = svg.getScreenCTM()!.a;
        return { text: t.textContent!, px: parseFloat(getComputedStyle(t).fontSize) * scale };
      }),
  );

for (const [name, viewport] of [
  ['desktop', { width: 1440, height: 900 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  test(`on a ${name}, no chart text is smaller than 11 px, zoomed out or in`, async ({ openBuyer }) => {
    const page = await openBuyer({ context: { viewport } });
    await expect(page.locator('[data-label]').first()).toBeVisible();
    // Zooming in over the tables, which keeps them (and their labels) in view.
    const table = (await page.locator('[data-label="T2"]').boundingBox())!;
    await page.mouse.move(table.x + table.width / 2, table.y + table.height / 2);
    for (let zoom = 0; zoom < 4; zoom++) {
      const texts = await drawnText(page);
      expect(texts.length, `zoom ${zoom}: no text at all`).toBeGreaterThan(0);
      for (const t of texts) expect(t.px, `zoom ${zoom}: "${t.text}"`).toBeGreaterThanOrEqual(10.9);
      await page.mouse.wheel(0, -250);
      await page.waitForTimeout(300);
    }
    // Close enough, the labels inside places are drawn (legibly).
    expect((await drawnText(page)).some((t) => /^(T\d|B\d|GA1)/.test(t.text))).toBe(true);
  });
}

/** The drawn texts whose middle lies inside the element of the place `label`. */
const textsInside = (page: Page, label: string) =>
  page.locator(`[data-label="${label}"]`).evaluate((place) => {
    const box = place.getBoundingClientRect();
    return [...(place as SVGElement).ownerSVGElement!.querySelectorAll('text')]
      .filter((t) => t.getClientRects().length > 0)
      .filter((t) => {
        const r = t.getBoundingClientRect();
        const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
        return x > box.left && x < box.right && y > box.top && y < box.bottom;
      })
      .map((t) => t.textContent);
  });

test('zoomed in, each seat shows its number inside it beside its row name, up to a closest view that keeps the row in sight', async ({ openBuyer }) => {
  const page = await openBuyer({ context: { viewport: { width: 1440, height: 900 } } });
  const chart = page.locator('svg[role="group"]');
  const seat = page.locator('[data-label="Section D-C-5"]');
  await expect(seat).toBeVisible();
  // At the first view seats are too small for numbers: none is drawn.
  await expect(chart).toHaveAttribute('data-seat-numbers', 'hidden');
  expect((await drawnText(page)).filter((t) => /^\d+$/.test(t.text))).toEqual([]);
  // The rows' names are, wherever seats are drawn and rows are far enough apart on screen to hold them.
  expect((await drawnText(page)).filter((t) => t.text === 'C').length).toBeGreaterThanOrEqual(8);

  for (let zoom = 0; zoom < 10 && (await chart.getAttribute('data-seat-numbers')) === 'hidden'; zoom++) {
    const box = (await seat.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -250);
    await page.waitForTimeout(300);
  }
  await expect(chart).toHaveAttribute('data-seat-numbers', 'shown');
  expect(await textsInside(page, 'Section D-C-5')).toEqual(['5']);
  for (const t of await drawnText(page)) expect(t.px, `"${t.text}"`).toBeGreaterThanOrEqual(10.9);
  // The row's name is on screen with the numbers.
  expect((await drawnText(page)).some((t) => t.text === 'C')).toBe(true);

  // A chosen seat shows its tick instead of its number.
  await seat.click();
  await expect(seat).toHaveAttribute('data-selected', 'true');
  expect(await textsInside(page, 'Section D-C-5')).toEqual([]);

  // The closest view: seats no larger than 22 px across the radius, with their row's name still in view.
  for (let zoom = 0; zoom < 12; zoom++) {
    await page.mouse.wheel(0, -250);
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(300);
  const closest = (await page.locator('[data-label="Section D-C-6"]').boundingBox())!;
  expect(closest.width / 2).toBeLessThanOrEqual(22.5);
  expect(closest.width / 2).toBeGreaterThan(15);
  expect(await textsInside(page, 'Section D-C-6')).toEqual(['6']);
  expect((await drawnText(page)).some((t) => t.text === 'C')).toBe(true);
});
