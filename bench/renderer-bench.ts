import { chromium, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { bowlVenue } from '../server/charts/generate-venue';
import { importSeatsioChart } from '../server/charts/import-seatsio-chart';
import { chromiumLaunchOptions } from '../e2e/support/chromium';
import type { RendererResult } from './renderer/harness';
import { progress, time, type Measurement } from './report';

/*
 * 5. Renderer: in Debian Chromium, first paint of large venues, 100 status changes and one zoom step with the
 * SeatingChart component, against a vanilla page that draws the same circles with plain DOM calls, same run.
 */

async function harnessPage(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./renderer/harness.tsx', import.meta.url))],
    bundle: true,
    write: false,
    outdir: '/tmp/tessera-bench-renderer',
    format: 'iife',
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.module.css': 'local-css' },
    logLevel: 'error',
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'))!.text;
  const css = result.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '';
  return `<!doctype html><html><head><style>html,body{margin:0}#root{width:1280px;height:720px}${css}</style></head><body><div id="root"></div><script>${js}</script></body></html>`;
}

/**
 * A drag across the zoomed-in venue with the real mouse, 40 moves of 12 px: the 95th percentile of the frame
 * intervals meanwhile (16.7 ms at 60 frames a second; a slow frame shows as a longer one).
 */
async function panFrames(page: Page): Promise<number> {
  const box = (await page.locator('svg').first().boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.evaluate(() => (window as unknown as { startFrames: () => void }).startFrames());
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 40; i++) await page.mouse.move(x - i * 12, y - i * 4);
  await page.mouse.up();
  return page.evaluate(() => (window as unknown as { stopFrames: () => number }).stopFrames());
}

/** A real click on a seat near the middle (zoomed until seats are 3.5 px across their radius): ms until it shows chosen. */
async function clickToChosen(page: Page): Promise<number> {
  type Harness = { clickTarget: () => Promise<{ x: number; y: number }>; clickTime: () => number };
  const at = await page.evaluate(() => (window as unknown as Harness).clickTarget());
  await page.mouse.click(at.x, at.y);
  await page.waitForFunction(() => (window as unknown as Harness).clickTime() > 0, null, { timeout: 10_000 });
  return page.evaluate(() => (window as unknown as Harness).clickTime());
}

export async function rendererBench(quick: boolean): Promise<Measurement[]> {
  const sizes = quick ? [10_000, 20_000] : [10_000, 50_000, 100_000];
  progress('[renderer] bundling the harness…');
  const html = await harnessPage();
  const browser = await chromium.launch({ ...chromiumLaunchOptions, args: [...chromiumLaunchOptions.args, '--enable-precise-memory-info'] });
  const measurements: Measurement[] = [];
  try {
    for (const seats of sizes) {
      const imported = importSeatsioChart(bowlVenue(seats));
      if (!imported.ok) throw new Error('venue invalid');
      const chart = imported.chart;
      const changed = chart.objects
        .filter((_, i) => i % Math.floor(seats / 100) === 0)
        .slice(0, 100)
        .map((o) => o.label);
      const run = async (kind: 'tessera' | 'vanilla'): Promise<RendererResult & { pan: number; click: number }> => {
        progress(`[renderer] ${seats.toLocaleString('en')} seats: ${kind}…`);
        const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
        try {
          await page.setContent(html);
          const r = await page.evaluate(
            ([k, c, l]) => (window as unknown as { runRendererBench: (...a: unknown[]) => Promise<RendererResult> }).runRendererBench(k, c, l),
            [kind, chart, changed] as const,
          );
          const pan = await panFrames(page);
          return { ...r, pan, click: await clickToChosen(page) };
        } finally {
          await page.close();
        }
      };
      // Alternating runs, the better of two for each side: one slow frame on a busy 2-core box decides nothing.
      const v1 = await run('vanilla');
      const o1 = await run('tessera');
      const v2 = await run('vanilla');
      const o2 = quick ? o1 : await run('tessera');
      const best = (k: 'firstPaint' | 'changes' | 'zoom' | 'pan' | 'click') => Math.min(v1[k], v2[k]);
      const ours = {
        ...o1,
        ...Object.fromEntries((['firstPaint', 'seats', 'changes', 'zoom', 'pan', 'click'] as const).map((k) => [k, Math.min(o1[k], o2[k])])),
      };
      const section = `5 renderer ${seats / 1000}k`;
      measurements.push(
        {
          ...time(section, 'first paint', ours.firstPaint, 'ms', { name: 'vanilla DOM', value: best('firstPaint') }, seats <= 50_000 ? 1.3 : undefined),
          note: `opens at "${ours.detail}" detail; JS heap ${ours.heapMB.toFixed(0)} MB (vanilla ${v1.heapMB.toFixed(0)} MB)`,
        },
        ...(ours.detail === 'sections'
          ? [time(section, 'first zoom that draws the seats', ours.seats, 'ms', { name: 'vanilla first paint', value: best('firstPaint') })]
          : []),
        time(section, '100 status changes', ours.changes, 'ms', { name: 'vanilla DOM', value: best('changes') }, 2),
        time(section, 'zoom step with seats drawn', ours.zoom, 'ms', { name: 'vanilla DOM', value: best('zoom') }),
        {
          ...time(section, 'drag, 95th percentile frame', ours.pan, 'ms', { name: 'vanilla DOM', value: best('pan') }),
          note: `target ≤ 33 ms (30 frames a second): ${ours.pan <= 33 ? 'met' : 'missed'}`,
        },
        {
          ...time(section, 'click on a seat until it shows chosen', ours.click, 'ms', { name: 'vanilla DOM', value: best('click') }),
          note: `target ≤ 100 ms: ${ours.click <= 100 ? 'met' : 'missed'}; seats zoomed to 3.5 px of radius`,
        },
      );
    }
  } finally {
    await browser.close();
  }
  return measurements;
}
