import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { licenceProblem } from './licence-policy';

/* `npm run licences`: every package installed for production (not a dev dependency in package-lock.json). */

type LockEntry = { dev?: boolean; license?: string };
type Manifest = { license?: string | { type: string }; licenses?: { type: string }[] };

/** The licence of an installed package: from the lockfile, else (old packages) from its own package.json. */
function licenceOf(root: string, path: string, entry: LockEntry): string | undefined {
  if (entry.license) return entry.license;
  const manifestPath = join(root, path, 'package.json');
  if (!existsSync(manifestPath)) return undefined;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  if (typeof manifest.license === 'string') return manifest.license;
  return manifest.license?.type ?? manifest.licenses?.map((l) => l.type).join(' OR ');
}

function main(): void {
  const root = new URL('..', import.meta.url).pathname;
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const problems: string[] = [];
  let checked = 0;
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path || entry.dev) continue;
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const problem = licenceProblem(name, licenceOf(root, path, entry));
    if (problem) problems.push(`  ${name}: ${problem}`);
    checked++;
  }
  if (problems.length) {
    console.error(`Production dependencies with a licence Tessera cannot ship under Apache-2.0:\n${problems.join('\n')}`);
    process.exit(1);
  }
  console.log(`Licences: ${checked} production packages, all permissive (or listed exceptions).`);
}

main();
