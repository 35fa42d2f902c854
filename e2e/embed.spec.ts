import { createServer, type Server } from 'node:http';
import { Region, SeatsioClient } from 'seatsio';
import { expect, place, test } from './support/fixtures';
import { authHeader, E2E_SECRET_KEY, EMBEDDING_SHOP_PORT } from './support/server-env';

/*
 * An integrator's own checkout page, on another origin, embeds Tessera's `/chart.js` with a config written for
 * seats.io's renderer: the buyer selects places (held through the buyer API), and the shop's server books them with
 * the official seatsio client and the chart's hold token.
 */

const TESSERA = 'http://127.0.0.1:3100';

type Shop = { origin: string; server: Server; booked: { holdToken: string; labels: string[] }[] };

/** The integrator's page and server: the page is `html`; `POST /book` books the chart's hold with the secret key. */
async function shop(port: number, html: string, eventKey: string): Promise<Shop> {
  const booked: Shop['booked'] = [];
  const client = new SeatsioClient(new Region(`${TESSERA}/api`), E2E_SECRET_KEY);
  const server = createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/book') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const order = JSON.parse(body) as { holdToken: string; labels: string[] };
        booked.push(order);
        client.events
          .book(eventKey, order.labels, order.holdToken)
          .then(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"booked":true}'))
          .catch((e: unknown) => res.writeHead(409, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(e) })));
      });
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${port}`, server, booked };
}

/** A checkout page as seats.io's documentation writes one, with the renderer's script from Tessera. */
function checkoutPage(config: Record<string, unknown>, functions = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop checkout</title>
<style>body{font-family:sans-serif;margin:1rem} #chart{height:560px;border:1px solid #ccc}</style></head>
<body><h1>Shop checkout</h1><form id="order"><div id="chart"></div></form>
<p>Selected: <output id="selected"></output></p><button id="pay">Pay and book</button> <output id="result"></output>
<script src="${TESSERA}/chart.js"></script>
<script>
  window.calls = [];
  const note = (name) => (...args) => calls.push([name, ...args.map((a) => (Array.isArray(a) ? a.map((o) => o.label) : a === chart ? 'chart' : a && a.token ? 'token' : a && a.label ? { label: a.label } : a))]);
  window.chart = new seatsio.SeatingChart(Object.assign(${JSON.stringify(config)}, {
    divId: 'chart',
    priceFormatter: (price) => 'EUR ' + price.toFixed(2),
    onChartRendered: note('rendered'),
    onChartRenderingFailed: note('failed'),
    onSessionInitialized: note('session'),
    onHoldSucceeded: note('held'),
    onObjectSelected: (o) => { calls.push(['selected', o.label, o.objectType, o.category && o.category.label, o.pricing.formattedPrice, o.status]); selected.value = chart.selectedObjects.join(', '); },
    onObjectDeselected: (o) => { calls.push(['deselected', o.label]); selected.value = chart.selectedObjects.join(', '); },
    onSelectedObjectBooked: note('booked'),
    onSelectionValid: note('valid'),
    onSelectionInvalid: note('invalid'),
    ${functions}
  })).render();
  document.getElementById('pay').onclick = async () => {
    // From the hidden form fields the chart keeps, when the page asked for them; else from the chart's properties.
    const form = new FormData(document.getElementById('order'));
    const order = form.has('seats') ? { holdToken: form.get('holdToken'), labels: form.get('seats').split(',') } : { holdToken: chart.holdToken, labels: chart.selectedObjects };
    const res = await fetch('/book', { method: 'POST', body: JSON.stringify(order) });
    result.value = res.ok ? 'Booked' : 'Refused';
  };
</script></body></html>`;
}

const workspaceKeyOf = async (request: import('@playwright/test').APIRequestContext, eventKey: string) =>
  ((await (await request.get(`/api/v1/events/${eventKey}`)).json()) as { workspaceKey: string }).workspaceKey;

test('a page on another origin embeds chart.js, holds two seats, and its server books them with the seatsio client', async ({ page, request, event }) => {
  const workspaceKey = await workspaceKeyOf(request, event.key);
  const config = {
    workspaceKey,
    event: event.key,
    session: 'start',
    pricing: [
      { category: 1, price: 65 },
      { category: 2, price: 45 },
      { category: 3, price: 25 },
    ],
    extraConfig: { vip: 'Section B-C-7' },
  };
  // The page's own colour and card line for one seat, as seats.io's objectColor and tooltipInfo give them.
  const looks = `objectColor: (object, defaultColor, extra) => (object.label === extra.vip && object.status === 'free' ? '#7c3aed' : defaultColor),
    tooltipInfo: (object) => (object.label === 'Section B-C-7' ? 'Best view in the house' : ''),`;
  const integrator = await shop(EMBEDDING_SHOP_PORT, checkoutPage(config, looks), event.key);
  try {
    await page.goto(integrator.origin);
    await expect.poll(() => page.evaluate(() => (window as unknown as { chart: { state: string } }).chart.state)).toBe('RENDERED');
    // A session at once, as seats.io's `start`: the page may read the token before the buyer chooses anything.
    await expect.poll(() => page.evaluate(() => (window as unknown as { chart: { holdToken?: string } }).chart.holdToken)).toMatch(/^[\w-]{22}$/);
    // The integrator's page brings the seats into view (at the whole venue's scale a click zooms into the section).
    await page.evaluate(() => (window as unknown as { chart: { zoomToObjects: (l: string[]) => Promise<void> } }).chart.zoomToObjects(['Section B-C-4']));
    await expect(place(page, 'Section B-C-7')).toHaveAttribute('fill', '#7c3aed');
    await place(page, 'Section B-C-7').hover();
    await expect(page.getByTestId('place-card')).toContainText('Best view in the house');
    for (const seat of ['Section B-C-4', 'Section B-C-5']) await place(page, seat).click();
    await expect(page.locator('#selected')).toHaveText('Section B-C-4, Section B-C-5');
    await expect(place(page, 'Section B-C-5')).toHaveAttribute('data-selected', 'true');
    await expect.poll(() => page.evaluate(() => (window as unknown as { calls: unknown[][] }).calls.filter((c) => c[0] === 'held').length)).toBe(2);
    const calls = await page.evaluate(() => (window as unknown as { calls: unknown[][] }).calls);
    // The session starts as the chart renders (in either order), before anything is chosen.
    expect(calls.slice(0, 2)).toEqual(
      expect.arrayContaining([
        ['rendered', 'chart'],
        ['session', 'token'],
      ]),
    );
    expect(calls.slice(2)).toEqual([
      ['selected', 'Section B-C-4', 'Seat', expect.any(String), expect.stringMatching(/^EUR \d+\.00$/), 'reservedByToken'],
      ['held', ['Section B-C-4'], []],
      ['selected', 'Section B-C-5', 'Seat', expect.any(String), expect.stringMatching(/^EUR \d+\.00$/), 'reservedByToken'],
      ['held', ['Section B-C-5'], []],
    ]);

    await page.getByRole('button', { name: 'Pay and book' }).click();
    await expect(page.locator('#result')).toHaveText('Booked');
    expect(integrator.booked).toEqual([{ holdToken: expect.stringMatching(/^[\w-]{22}$/), labels: ['Section B-C-4', 'Section B-C-5'] }]);
    const status = await request.get(`/api/events/${event.key}/objects?label=${encodeURIComponent('Section B-C-4')}`, { headers: authHeader });
    expect(((await status.json()) as Record<string, { status: string }>)['Section B-C-4']!.status).toBe('booked');
    // Booked by the shop: no longer the buyer's selection, and the page is told.
    await expect(place(page, 'Section B-C-4')).toHaveAttribute('data-status', 'booked');
    await expect(place(page, 'Section B-C-4')).not.toHaveAttribute('data-selected', 'true');
    await expect(page.locator('#selected')).toHaveText('');
    expect((await page.evaluate(() => (window as unknown as { calls: unknown[][] }).calls)).filter((c) => c[0] === 'booked')).toEqual([
      ['booked', { label: 'Section B-C-4' }],
      ['booked', { label: 'Section B-C-5' }],
    ]);
    await page.screenshot({ path: 'test-results/embed-desktop.png' });
  } finally {
    integrator.server.close();
  }
});

test('a page on an origin outside the allow-list renders nothing and holds nothing', async ({ page, request, event, allowConsoleErrors }) => {
  allowConsoleErrors(/Tessera chart\.js|CORS|Failed to load resource|net::ERR_FAILED/);
  const workspaceKey = await workspaceKeyOf(request, event.key);
  const stranger = await shop(EMBEDDING_SHOP_PORT + 1, checkoutPage({ workspaceKey, event: event.key, session: 'start' }), event.key);
  try {
    await page.goto(stranger.origin);
    await expect.poll(() => page.evaluate(() => (window as unknown as { chart: { state: string } }).chart.state)).toBe('RENDERING_FAILED');
    const hold = await page.evaluate(
      async ([url]) => {
        const res = await fetch(url!, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ objectLabels: ['Section B-C-6'] }),
        }).catch(() => null);
        return res ? res.status : 'blocked';
      },
      [`${TESSERA}/api/v1/events/${event.key}/seats/hold`],
    );
    expect(hold).toBe('blocked');
    const status = await request.get(`/api/events/${event.key}/objects?label=${encodeURIComponent('Section B-C-6')}`, { headers: authHeader });
    expect(((await status.json()) as Record<string, { status: string }>)['Section B-C-6']!.status).toBe('free');
  } finally {
    stranger.server.close();
  }
});

test("a shop's page in German gets the chart in German, with the shop's own words where it gives them", async ({ page, request, event }) => {
  const workspaceKey = await workspaceKeyOf(request, event.key);
  const config = {
    workspaceKey,
    event: event.key,
    session: 'start',
    showLegend: true,
    language: 'de',
    // seats.io's messages: a built-in text by its key, and the chart's own texts by the text itself.
    messages: { heldByOthers: 'Schon vergeben', 'Section B': 'Block B', Premium: 'Parkett' },
  };
  const integrator = await shop(EMBEDDING_SHOP_PORT, checkoutPage(config), event.key);
  try {
    await page.goto(integrator.origin);
    await expect.poll(() => page.evaluate(() => (window as unknown as { chart: { state: string } }).chart.state)).toBe('RENDERED');
    const legend = page.getByRole('list', { name: 'Legende' });
    await expect(legend).toContainText('Ihre Auswahl');
    await expect(legend).toContainText('Schon vergeben');
    await expect(legend).toContainText('Parkett');
    await expect(page.getByRole('button', { name: 'Vergrößern' })).toBeVisible();
    await expect(page.getByRole('group', { name: /^Saalplan / })).toBeVisible();
    const seat = place(page, 'Section B-C-6');
    await expect(seat).toHaveAttribute('aria-label', /^Block B, Reihe C, Platz 6, Parkett .+, verfügbar$/);
    await page.evaluate(() => (window as unknown as { chart: { zoomToObjects: (l: string[]) => Promise<void> } }).chart.zoomToObjects(['Section B-C-6']));
    await seat.click();
    await expect(seat).toHaveAttribute('aria-label', /^Block B, Reihe C, Platz 6, Parkett .+, ausgewählt$/);
    await seat.hover();
    await expect(page.getByRole('tooltip')).toContainText('Ausgewählt');
    await page.screenshot({ path: 'test-results/embed-german.png' });
    // No warning about the language: chart.js speaks it.
    expect(await page.evaluate(() => (window as unknown as { calls: unknown[][] }).calls.some((c) => c[0] === 'failed'))).toBe(false);
  } finally {
    integrator.server.close();
  }
});

test("availableCategories leaves the other categories unchoosable, also to best available; objectLabel writes the page's labels on places", async ({
  page,
  request,
  event,
}) => {
  const workspaceKey = await workspaceKeyOf(request, event.key);
  const config = { workspaceKey, event: event.key, session: 'start', availableCategories: ['Standard'] };
  const labels = `objectLabel: (object, label) => (object.objectType === 'Booth' ? 'Box ' + label : label),`;
  const integrator = await shop(EMBEDDING_SHOP_PORT, checkoutPage(config, labels), event.key);
  try {
    await page.goto(integrator.origin);
    await expect.poll(() => page.evaluate(() => (window as unknown as { chart: { state: string } }).chart.state)).toBe('RENDERED');
    const chart = (script: string) => page.evaluate(script);
    await chart(`chart.zoomToObjects(['Section A-C-5', 'Section C-C-5'])`);
    // A Premium seat cannot be chosen: it looks unavailable, and a click holds nothing.
    const premium = place(page, 'Section A-C-5');
    await expect(premium).toHaveAttribute('aria-disabled', 'true');
    await premium.click({ force: true });
    const standard = place(page, 'Section C-C-5');
    await standard.click();
    await expect(standard).toHaveAttribute('data-selected', 'true');
    // Nor can the page's own script select it.
    await chart(`chart.trySelectObjects(['Section A-C-5'])`);
    await expect.poll(() => chart('chart.selectedObjects')).toEqual(['Section C-C-5']);
    // Best available, asked for no category, keeps to the available ones.
    const best = (await chart(`chart.holdBestAvailable({ number: 2 }).then((held) => held.objects.map((o) => o.label))`)) as string[];
    expect(best).toHaveLength(2);
    const info = (await (
      await request.get(`/api/events/${event.key}/objects?${best.map((l) => `label=${encodeURIComponent(l)}`).join('&')}`, { headers: authHeader })
    ).json()) as Record<string, { categoryKey: string; status: string }>;
    for (const label of best) expect(info[label], label).toMatchObject({ categoryKey: '2', status: 'reservedByToken' });
    const premiumNow = (await (
      await request.get(`/api/events/${event.key}/objects?label=${encodeURIComponent('Section A-C-5')}`, { headers: authHeader })
    ).json()) as Record<string, { status: string }>;
    expect(premiumNow['Section A-C-5']!.status).toBe('free');
    // The page's own label on each booth (written once the booths are drawn, at the whole venue's view).
    await chart('chart.resetView()');
    await expect(page.getByText('Box B1', { exact: true })).toBeAttached();
  } finally {
    integrator.server.close();
  }
});

test("a manual session holds with the shop's own hold token, kept in the shop's form, which its server books", async ({ page, request, event }) => {
  const workspaceKey = await workspaceKeyOf(request, event.key);
  const { holdToken } = await new SeatsioClient(new Region(`${TESSERA}/api`), E2E_SECRET_KEY).holdTokens.create();
  const integrator = await shop(
    EMBEDDING_SHOP_PORT,
    checkoutPage({
      workspaceKey,
      event: event.key,
      session: 'manual',
      holdToken,
      holdTokenInputName: 'holdToken',
      selectedObjectsInputName: 'seats',
      selectionValidators: [{ type: 'noOrphanSeats' }],
    }),
    event.key,
  );
  try {
    await page.goto(integrator.origin);
    await expect.poll(() => page.evaluate(() => (window as unknown as { chart: { state: string } }).chart.state)).toBe('RENDERED');
    await page.evaluate(() => (window as unknown as { chart: { zoomToObjects: (l: string[]) => Promise<void> } }).chart.zoomToObjects(['Section A-E-3']));
    // Seats 3 and 5 strand seat 4: the page hears the selection is invalid, then valid once 4 is taken too.
    const validity = () =>
      page.evaluate(() => (window as unknown as { calls: unknown[][] }).calls.filter((c) => c[0] === 'valid' || c[0] === 'invalid').map((c) => c[0]));
    for (const seat of ['Section A-E-3', 'Section A-E-5']) await place(page, seat).click();
    await expect.poll(validity).toEqual(['valid', 'invalid']);
    await place(page, 'Section A-E-4').click();
    await expect.poll(validity).toEqual(['valid', 'invalid', 'valid']);
    await expect(page.locator('#selected')).toHaveText('Section A-E-3, Section A-E-5, Section A-E-4');
    await expect.poll(() => page.evaluate(() => (window as unknown as { calls: unknown[][] }).calls.filter((c) => c[0] === 'held').length)).toBe(3);
    expect(await page.evaluate(() => (window as unknown as { chart: { holdToken: string } }).chart.holdToken)).toBe(holdToken);
    await page.getByRole('button', { name: 'Pay and book' }).click();
    await expect(page.locator('#result')).toHaveText('Booked');
    expect(integrator.booked).toEqual([{ holdToken, labels: ['Section A-E-3', 'Section A-E-5', 'Section A-E-4'] }]);
  } finally {
    integrator.server.close();
  }
});

/** A React checkout page with seats.io's official wrapper, bundled as an integrator's build would (development React: StrictMode mounts twice). */
async function reactCheckoutPage(props: Record<string, unknown>): Promise<string> {
  const app = `
    import { SeatsioSeatingChart } from '@seatsio/seatsio-react';
    import { StrictMode, useState } from 'react';
    import { createRoot } from 'react-dom/client';
    window.calls = [];
    function Checkout() {
      const [round, setRound] = useState('first');
      return (
        <>
          <button onClick={() => setRound('second')}>Next round</button>
          <div style={{ height: 560 }}>
            <SeatsioSeatingChart
              {...${JSON.stringify(props)}}
              chartJsUrl="${TESSERA}/chart.js"
              region="eu"
              onRenderStarted={(chart) => (window.chart = chart)}
              onObjectSelected={(object) => window.calls.push([round, object.label])}
            />
          </div>
        </>
      );
    }
    createRoot(document.getElementById('root')).render(<StrictMode><Checkout /></StrictMode>);`;
  const { build } = await import('esbuild');
  const bundle = await build({
    stdin: { contents: app, loader: 'tsx', resolveDir: process.cwd() },
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'error',
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>React checkout</title></head><body><div id="root"></div><script>${bundle.outputFiles[0]!.text}</script></body></html>`;
}

test("@seatsio/seatsio-react loads Tessera's chart.js: one chart under StrictMode, callbacks current after a re-render", async ({ page, request, event }) => {
  const workspaceKey = await workspaceKeyOf(request, event.key);
  const integrator = await shop(EMBEDDING_SHOP_PORT, await reactCheckoutPage({ workspaceKey, event: event.key, session: 'continue' }), event.key);
  try {
    await page.goto(integrator.origin);
    await expect.poll(() => page.evaluate(() => (window as unknown as { chart?: { state: string } }).chart?.state)).toBe('RENDERED');
    await expect(page.locator('[data-tessera-chart]')).toHaveCount(1);
    await page.evaluate(() => (window as unknown as { chart: { zoomToObjects: (l: string[]) => Promise<void> } }).chart.zoomToObjects(['Section C-D-4']));
    await place(page, 'Section C-D-4').click();
    await page.getByRole('button', { name: 'Next round' }).click();
    await place(page, 'Section C-D-5').click();
    await expect(place(page, 'Section C-D-5')).toHaveAttribute('data-selected', 'true');
    expect(await page.evaluate(() => (window as unknown as { calls: unknown[][] }).calls)).toEqual([
      ['first', 'Section C-D-4'],
      ['second', 'Section C-D-5'],
    ]);
    await expect(page.locator('[data-tessera-chart]')).toHaveCount(1);
  } finally {
    integrator.server.close();
  }
});

test('places kept for a sales channel: unchoosable on the public page, choosable where the page names the channel', async ({
  page,
  request,
  event,
  openBuyer,
}) => {
  const client = new SeatsioClient(new Region(`${TESSERA}/api`), E2E_SECRET_KEY);
  await client.events.channels.add(event.key, 'club-7f3a', 'Fan club', '#ff0000', 1, ['Section A-C-5', 'Section A-C-6']);

  // The public page: the fan club's seats look unavailable, and a click on one says so and holds nothing.
  const everyone = await openBuyer();
  await expect(place(everyone, 'Section A-C-5')).toHaveAttribute('aria-disabled', 'true');
  await place(everyone, 'Section A-C-5').click({ force: true });
  await expect(everyone.getByRole('alert').filter({ hasText: 'Section A, row C, seat 5 is not available' })).toBeVisible();
  await expect(place(everyone, 'Section C-C-5')).not.toHaveAttribute('aria-disabled', 'true');

  // The fan club's page (its key in the address): its seats are choosable and held, the rest is not.
  const member = await openBuyer({ path: `${event.path}?channels=club-7f3a` });
  await place(member, 'Section A-C-5').click();
  await expect(place(member, 'Section A-C-5')).toHaveAttribute('data-selected', 'true');
  await expect(place(member, 'Section C-C-5')).toHaveAttribute('aria-disabled', 'true');

  // An integrator's page selling the channel and the places in none (seats.io's NO_CHANNEL).
  const workspaceKey = await workspaceKeyOf(request, event.key);
  const integrator = await shop(
    EMBEDDING_SHOP_PORT,
    checkoutPage({ workspaceKey, event: event.key, session: 'start', channels: ['club-7f3a', 'NO_CHANNEL'] }),
    event.key,
  );
  try {
    await page.goto(integrator.origin);
    await expect.poll(() => page.evaluate(() => (window as unknown as { chart: { state: string } }).chart.state)).toBe('RENDERED');
    await page.evaluate(`chart.zoomToObjects(['Section A-C-6', 'Section C-C-5'])`);
    await place(page, 'Section A-C-6').click();
    await place(page, 'Section C-C-5').click();
    await expect.poll(() => page.evaluate('chart.selectedObjects')).toEqual(['Section A-C-6', 'Section C-C-5']);
    const info = (await (
      await request.get(`/api/events/${event.key}/objects?label=${encodeURIComponent('Section A-C-6')}`, { headers: authHeader })
    ).json()) as Record<string, { status: string; channel: string }>;
    expect(info['Section A-C-6']).toMatchObject({ status: 'reservedByToken', channel: 'club-7f3a' });
  } finally {
    integrator.server.close();
  }
});
