import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsOf, sourceFiles, violations } from './import-rules';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('importsOf', () => {
  it('finds static, multi-line, re-exported, side-effect and dynamic imports', () => {
    const text = [
      "import { a } from './a';",
      'import {',
      '  b,',
      "} from '../b';",
      "export type { C } from '../../c';",
      "import './styles.css';",
      "const d = await import('./d');",
      "const s = 'not an import from here';",
    ].join('\n');
    expect(importsOf(text)).toEqual(['./a', '../b', '../../c', './styles.css', './d']);
  });
});

describe('violations', () => {
  it('flags a component that imports the server, and contracts that import a framework', () => {
    expect(
      violations([
        { path: 'components/buyer/BuyerApp.tsx', imports: ['../../server/booking/events', '../../contracts/chart', 'react'] },
        { path: 'contracts/chart.ts', imports: ['react', 'zod'] },
        { path: 'app/page.tsx', imports: ['socket.io'] },
      ]),
    ).toEqual([
      expect.stringMatching(/^components\/buyer\/BuyerApp.tsx → \.\.\/\.\.\/server\/booking\/events: the browser never imports the server/),
      expect.stringMatching(/^contracts\/chart.ts → react: contracts\/ is framework-free/),
      expect.stringMatching(/^app\/page.tsx → socket.io: the browser never imports the server/),
    ]);
  });

  it('flags the database, drizzle or the store used outside the booking layer', () => {
    expect(
      violations([
        { path: 'server/api/seatsio/events.ts', imports: ['../../../db/schema', '../../booking/store', '../../booking/booking'] },
        { path: 'bench/db-bench.ts', imports: ['drizzle-orm', 'better-sqlite3'] },
        { path: 'server/booking/events.ts', imports: ['../../db/schema', 'drizzle-orm', './store'] },
      ]),
    ).toEqual([
      expect.stringContaining('server/api/seatsio/events.ts → ../../../db/schema: only the booking layer'),
      expect.stringContaining('server/api/seatsio/events.ts → ../../booking/store: only the booking layer'),
      expect.stringContaining('bench/db-bench.ts → drizzle-orm: only the booking layer'),
    ]);
  });

  it('flags an import from outside the repository', () => {
    expect(violations([{ path: 'server/seed.ts', imports: ['../../elsewhere/venue'] }])).toEqual([
      'server/seed.ts → ../../elsewhere/venue: the repository stands alone: nothing imports a file outside it',
    ]);
  });

  it('flags a shared API module that knows a dialect, and a dialect that reaches into the other', () => {
    expect(
      violations([
        { path: 'server/api/pipeline.ts', imports: ['./seatsio/responses'] },
        { path: 'server/api/buyer-v1/holds.ts', imports: ['../seatsio/object-info', '../router'] },
      ]),
    ).toHaveLength(2);
  });
});

describe('the repository', () => {
  it('keeps every boundary', () => {
    const files = sourceFiles(root);
    expect(files.length).toBeGreaterThan(50);
    expect(violations(files)).toEqual([]);
  });
});
