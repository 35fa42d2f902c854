/** One measured figure, its same-run baseline and the target the issue sets. */
export type Measurement = {
  section: string;
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  /** value / baseline.value for throughputs, baseline.value / value for times: higher is better either way. */
  ratio?: number;
  target?: { min: number; text: string };
  note?: string;
};

export function throughput(
  section: string,
  name: string,
  value: number,
  unit: string,
  baseline?: { name: string; value: number },
  target?: Measurement['target'],
): Measurement {
  return { section, name, value, unit, ...(baseline ? { baseline, ratio: value / baseline.value } : {}), ...(target ? { target } : {}) };
}

/** For times (lower is better) the ratio is ours / baseline, and the target a maximum. */
export function time(section: string, name: string, value: number, unit: string, baseline?: { name: string; value: number }, maxRatio?: number): Measurement {
  return {
    section,
    name,
    value,
    unit,
    ...(baseline ? { baseline, ratio: value / baseline.value } : {}),
    ...(maxRatio !== undefined ? { target: { min: -maxRatio, text: `≤ ${maxRatio}× baseline` } } : {}),
  };
}

export function meetsTarget(m: Measurement): boolean | undefined {
  if (!m.target || m.ratio === undefined) return undefined;
  return m.target.min >= 0 ? m.ratio >= m.target.min : m.ratio <= -m.target.min;
}

const fmt = (n: number) => (Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(n >= 10 ? 1 : 2));

export function table(measurements: Measurement[]): string {
  const rows = measurements.map((m) => {
    const ok = meetsTarget(m);
    return [
      m.section,
      m.name,
      `${fmt(m.value)} ${m.unit}`,
      m.baseline ? `${m.baseline.name}: ${fmt(m.baseline.value)}` : '',
      m.ratio !== undefined ? `${m.ratio.toFixed(2)}×` : '',
      m.target ? `${m.target.text} ${ok ? '✓' : '✗'}` : '',
      m.note ?? '',
    ];
  });
  const header = ['section', 'measure', 'value', 'baseline (same run)', 'ratio', 'target', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Progress on stderr: one updating line on a terminal, a line per step elsewhere. */
export function progress(text: string): void {
  // On a terminal, one line that updates in place; in a log (CI, a file), a plain line per step, with its time.
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${text}`);
  else if (text) process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${text}\n`);
}
