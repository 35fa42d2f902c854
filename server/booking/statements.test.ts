import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { sqlite } from '../../db/dialect';
import { prepareStatements } from './statements';

/*
 * The statements of the hot path find their rows through an index, never by reading a whole table: a scan is
 * invisible in tests with ten rows and ruinous at an on-sale (a client's live tokens were once found by reading
 * every live token of every client, at each buyer's hold).
 */

describe('the prepared statements', () => {
  const db = openDatabase('file::memory:', 'process-crash');
  const plans = Object.entries(prepareStatements(db, sqlite)).map(([name, prepared]) => {
    const sql = (prepared as unknown as { stmt: { source: string } }).stmt.source;
    const nulls = Array<null>((sql.match(/\?/g) ?? []).length).fill(null);
    const plan = db.$client.prepare(`explain query plan ${sql}`).all(...nulls) as { detail: string }[];
    return { name, steps: plan.map((step) => step.detail) };
  });

  it('each search an index or a primary key, on the real migrations', () => {
    expect(plans.flatMap(({ name, steps }) => steps.filter((s) => s.startsWith('SCAN')).map((s) => `${name}: ${s}`))).toEqual([]);
  });

  it("find a buyer's live tokens by the buyer, not among every live token", () => {
    expect(plans.find((p) => p.name === 'liveTokensOfClient')?.steps).toEqual([expect.stringMatching(/USING INDEX \w+ \(client=\?/)]);
  });
});
