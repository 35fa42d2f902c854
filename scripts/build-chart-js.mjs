// Bundles `/chart.js`, the embeddable seating chart (components/embed/chart-js.ts), into .next/chart-js/: the script
// and its styles in one file, minified, with a name carrying a hash of its content for immutable caching.
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
export const CHART_JS_DIR = join(root, '.next', 'chart-js');

const options = {
  entryPoints: [join(root, 'components/embed/chart-js.ts')],
  bundle: true,
  write: false,
  outdir: CHART_JS_DIR,
  format: 'iife',
  target: 'es2022',
  jsx: 'automatic',
  minify: true,
  legalComments: 'none',
  loader: { '.module.css': 'local-css' },
  logLevel: 'error',
};

/** Builds chart.js: the styles first (CSS modules give the class names), then the script with the styles inside. */
export async function buildChartJs() {
  const styles = await build({ ...options, define: { 'process.env.NODE_ENV': '"production"', TESSERA_CHART_CSS: '""' } });
  const css = styles.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '';
  const script = await build({ ...options, define: { 'process.env.NODE_ENV': '"production"', TESSERA_CHART_CSS: JSON.stringify(css) } });
  const js = script.outputFiles.find((f) => f.path.endsWith('.js')).text;
  const hash = createHash('sha256').update(js).digest('hex').slice(0, 16);
  rmSync(CHART_JS_DIR, { recursive: true, force: true });
  mkdirSync(CHART_JS_DIR, { recursive: true });
  writeFileSync(join(CHART_JS_DIR, 'chart.js'), js);
  writeFileSync(join(CHART_JS_DIR, 'manifest.json'), JSON.stringify({ hash }));
  return { bytes: js.length, hash };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { bytes, hash } = await buildChartJs();
  console.log(`chart.js: ${(bytes / 1024).toFixed(0)} KB (${hash})`);
}
