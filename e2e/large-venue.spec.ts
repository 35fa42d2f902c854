import { bowlVenue } from '../server/charts/generate-venue';
import { expect, test } from './support/fixtures';
import { authHeader } from './support/server-env';

/*
 * A venue too large to show its seats at once opens at section level: there, keyboard and screen-reader users
 * reach the sections (Enter zooms in and moves to the first place), and the buyer's own places stay marked.
 */

test('at section level the sections take the keyboard, Enter leads to the places, and held places stay marked', async ({ openBuyer, request }) => {
  const key = `large-${Date.now()}`;
  const chart = await request.post('/api/charts', { headers: authHeader, data: { ...bowlVenue(10_000), key } });
  expect(chart.ok(), await chart.text()).toBe(true);
  const event = await request.post('/api/events', { headers: authHeader, data: { chartKey: key, eventKey: key, name: 'Large venue' } });
  expect(event.status()).toBe(200);
  const page = await openBuyer({ path: `/events/${key}`, context: { viewport: { width: 390, height: 844 } } });
  const chartSvg = page.locator('svg[data-detail]');
  await expect(chartSvg).toHaveAttribute('data-detail', 'sections');
  // Sections large enough on screen carry their names inside them, legibly; the others carry none.
  const names = await page.locator('[data-section]').evaluateAll((sections) =>
    sections.flatMap((section) => {
      const text = section.querySelector('text');
      if (!text || !text.getClientRects().length) return [];
      const [name, area] = [text.getBoundingClientRect(), section.querySelector('polygon')!.getBoundingClientRect()];
      const [x, y] = [name.left + name.width / 2, name.top + name.height / 2];
      const scale = (text as SVGTextElement).ownerSVGElement!.getScreenCTM()!.a;
      return [
        {
          text: text.textContent,
          px: parseFloat(getComputedStyle(text).fontSize) * scale,
          inside: x > area.left && x < area.right && y > area.top && y < area.bottom,
        },
      ];
    }),
  );
  expect(names.length).toBeGreaterThanOrEqual(4);
  for (const name of names) {
    expect(name.inside, `${name.text} inside its section`).toBe(true);
    expect(name.px, `${name.text} on screen`).toBeGreaterThanOrEqual(10.9);
    expect(name.px, `${name.text} on screen`).toBeLessThanOrEqual(16.1);
  }

  const sectionA = page.getByRole('button', { name: /^Section A: \d+ places available\. Press Enter to zoom in\.$/ });
  await sectionA.focus();
  await page.keyboard.press('Enter');
  await expect(chartSvg).not.toHaveAttribute('data-detail', 'sections');
  const focused = page.locator('[data-label]:focus');
  await expect(focused).toHaveAttribute('data-label', /^Section A-/);
  await page.keyboard.press('Enter');
  await expect(focused).toHaveAttribute('data-selected', 'true');
  const label = (await focused.getAttribute('data-label'))!;

  await page.getByRole('button', { name: 'Show the whole venue' }).click();
  await expect(chartSvg).toHaveAttribute('data-detail', 'sections');
  await expect(page.locator(`[data-held-marker="${label}"]`)).toBeVisible();
  await page.screenshot({ path: 'test-results/large-venue-overview.png' });
});

/*
 * At its middle zoom level a large venue's places are painted on a canvas rather than drawn as elements: the
 * pointer still finds them (card on hover, a click chooses once seats are large enough to aim at).
 */
test('where a large venue is painted, hovering a seat shows its card and a click holds it', async ({ openBuyer, request }) => {
  const key = `painted-${Date.now()}`;
  const venue = bowlVenue(10_000);
  expect((await request.post('/api/charts', { headers: authHeader, data: { ...venue, key } })).ok()).toBe(true);
  expect((await request.post('/api/events', { headers: authHeader, data: { chartKey: key, eventKey: key, name: 'Painted' } })).status()).toBe(200);
  const page = await openBuyer({ path: `/events/${key}`, context: { viewport: { width: 1440, height: 900 } } });
  const chartSvg = page.locator('svg[data-detail]');
  await expect(chartSvg).toHaveAttribute('data-detail', 'seats');
  await expect(page.locator('canvas')).toBeVisible();
  // Not an element per place: only the tile of the place that takes Tab is drawn as elements.
  expect(await page.locator('[data-label]').count()).toBeLessThan(1_000);

  const label = 'Section B-I-13';
  const { chartUrl } = (await (await request.get(`/api/v1/events/${key}`)).json()) as { chartUrl: string };
  const seat = ((await (await request.get(chartUrl)).json()) as { objects: { label: string; x: number; y: number }[] }).objects.find((o) => o.label === label)!;
  const onScreen = () =>
    page.evaluate(({ x, y }) => {
      const p = new DOMPoint(x, y).matrixTransform((document.querySelector('svg[data-detail]') as SVGSVGElement).getScreenCTM()!);
      return { x: p.x, y: p.y };
    }, seat);

  let at = await onScreen();
  await page.mouse.move(at.x, at.y);
  await expect(page.getByRole('tooltip')).toContainText('Section B, row I, seat 13');
  // One zoom step there: seats large enough to aim at, still painted.
  await page.mouse.wheel(0, -250);
  await expect(chartSvg).toHaveAttribute('data-detail', 'seats');
  await page.waitForTimeout(300);
  at = await onScreen();
  await page.mouse.click(at.x, at.y);
  await expect(page.getByText(/^1 place/)).toBeVisible();
  const status = await request.get(`/api/events/${key}/objects?label=${encodeURIComponent(label)}`, { headers: authHeader });
  expect(((await status.json()) as Record<string, { status: string }>)[label]!.status).toBe('reservedByToken');
  await page.screenshot({ path: 'test-results/large-venue-painted.png' });
});
