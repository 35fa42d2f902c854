import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../server/testing/test-server';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
    env: { ...process.env, DATABASE_URL: `file:${dir}/cli.db` },
    encoding: 'utf8',
  });

describe('chart command line', () => {
  it('generates a venue file and imports it, once per key', () => {
    const file = `${dir}/venue.json`;
    expect(run('chart-generate', ['--seats', '1000', '--out', file]).status).toBe(0);
    const imported = run('chart-import', [file, '--key', 'generated']);
    expect(imported.stdout).toContain('chart generated: 1000 bookable objects');
    const again = run('chart-import', [file, '--key', 'generated']);
    expect([again.status, again.stderr.trim()]).toEqual([1, 'A chart with key generated already exists']);
  });

  it('rejects an invalid file with the path of the offending field', () => {
    const file = `${dir}/broken.json`;
    writeFileSync(file, JSON.stringify({ subChart: { booths: [{ label: 'B1', center: { x: 0 } }] } }));
    const result = run('chart-import', [file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('subChart.booths[0].center.y');
  });
});
