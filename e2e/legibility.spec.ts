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
