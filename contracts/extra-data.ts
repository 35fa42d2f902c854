import { z } from 'zod';

/*
 * Extra data a venue attaches to objects (a buyer's name, a ticket id): a JSON object of bounded size and depth on
 * every route that takes it, so that one request cannot make the server write, hold or answer megabytes, nor
 * overflow the stack when it is serialised.
 */

const MAX_EXTRA_DATA_BYTES = 10 * 1024;
const MAX_EXTRA_DATA_DEPTH = 10;

/** Whether a parsed JSON value nests deeper than `limit`, found without recursion (the point is not to overflow). */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Keys are kept as they came (`__proto__` included: JSON.parse makes it an own key, and so it stays). */
export const extraDataSchema = z
  .custom<Record<string, unknown>>()
  .superRefine((value, ctx) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object' });
    } else if (nestsDeeperThan(value, MAX_EXTRA_DATA_DEPTH)) {
      ctx.addIssue({ code: 'custom', message: `must not nest deeper than ${MAX_EXTRA_DATA_DEPTH} levels` });
    } else if (new TextEncoder().encode(JSON.stringify(value)).length > MAX_EXTRA_DATA_BYTES) {
      ctx.addIssue({ code: 'custom', message: `must be at most ${MAX_EXTRA_DATA_BYTES} bytes as JSON` });
    }
  })
  // What the API reference says of it: the checks above are code, not JSON Schema.
  .meta({
    id: 'ExtraData',
    description: `Any JSON object, at most ${MAX_EXTRA_DATA_BYTES} bytes as JSON and ${MAX_EXTRA_DATA_DEPTH} levels deep`,
    override: { type: 'object' },
  });
