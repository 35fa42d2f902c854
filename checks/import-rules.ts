import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/*
 * The boundaries between the project's parts, as rules over import statements. `boundaries.test.ts` runs them
 * over every source file; a rule names who may import what, and why it matters.
 */

export type SourceFile = { path: string; imports: string[] };

type Rule = {
  why: string;
  /** Files the rule constrains (repository-relative paths). */
  applies: (path: string) => boolean;
  /** Whether an import (a repository-relative path for our own files, else the package specifier) is allowed. */
  allows: (target: string) => boolean;
};

const under =
  (...folders: string[]) =>
  (path: string) =>
    folders.some((f) => path.startsWith(`${f}/`));
const isPackage = (target: string) => !target.includes('/') || !/^(app|bench|checks|components|contracts|db|e2e|scripts|server)\//.test(target);
const packageName = (target: string) => (target.startsWith('@') ? target.split('/').slice(0, 2).join('/') : target.split('/')[0]!);

const RULES: Rule[] = [
  {
    why: 'the repository stands alone: nothing imports a file outside it',
    applies: () => true,
    allows: (t) => !t.startsWith('../'),
  },
  {
    why: 'the browser never imports the server: pages and components use contracts/ and their own code',
    applies: under('app', 'components'),
    allows: (t) => (isPackage(t) ? !['better-sqlite3', 'drizzle-orm', 'socket.io'].includes(packageName(t)) : under('app', 'components', 'contracts')(t)),
  },
  {
    why: 'contracts/ is framework-free: browser and server both import it, and it imports nothing of theirs',
    // Its tests run under Vitest like every other test; nothing imports them. Of packages, zod and a list of colour
    // names (the colours a chart may name, css-colour.ts).
    applies: (p) => under('contracts')(p) && !p.endsWith('.test.ts'),
    allows: (t) => (isPackage(t) ? ['zod', 'color-name'].includes(packageName(t)) : under('contracts')(t)),
  },
  {
    why: 'only the booking layer touches the database: everything else goes through its operations',
    applies: (p) => !under('server/booking', 'db')(p),
    allows: (t) =>
      isPackage(t) ? packageName(t) !== 'drizzle-orm' : !under('db')(t) && !['server/booking/store', 'server/booking/statements'].includes(stripExtension(t)),
  },
  {
    why: 'the shared API pipeline knows no dialect',
    applies: (p) => /^server\/api\/[^/]+$/.test(p),
    allows: (t) => isPackage(t) || !under('server/api/seatsio', 'server/api/buyer-v1')(t),
  },
  {
    why: 'each API dialect stands on its own: the seats.io dialect and the buyer API share only the pipeline',
    applies: under('server/api/seatsio'),
    allows: (t) => isPackage(t) || !under('server/api/buyer-v1')(t),
  },
  {
    why: 'each API dialect stands on its own: the seats.io dialect and the buyer API share only the pipeline',
    applies: under('server/api/buyer-v1'),
    allows: (t) => isPackage(t) || !under('server/api/seatsio')(t),
  },
];

function stripExtension(path: string): string {
  return path.replace(/\.(ts|tsx|mjs|js)$/, '');
}

/** Every rule an import breaks, as `file → import: why`. */
export function violations(files: SourceFile[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    for (const specifier of file.imports) {
      const target = specifier.startsWith('.') ? normalize(join(dirname(file.path), specifier)) : specifier;
      for (const rule of RULES) {
        if (rule.applies(file.path) && !rule.allows(target)) found.push(`${file.path} → ${specifier}: ${rule.why}`);
      }
    }
  }
  return found;
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(])import\s*\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;

/** The module specifiers a source text imports or re-exports. */
export function importsOf(text: string): string[] {
  return [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

const SKIP = new Set(['node_modules', '.next', '.git', 'data', 'test-results', 'playwright-report']);

/** Every TypeScript and JavaScript source file of the repository under `root`, with its imports. */
export function sourceFiles(root: string, dir = root): SourceFile[] {
  const files: SourceFile[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(root, path));
    else if (/\.(ts|tsx|mjs)$/.test(entry.name)) files.push({ path: relative(root, path), imports: importsOf(readFileSync(path, 'utf8')) });
  }
  return files;
}
