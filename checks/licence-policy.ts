/*
 * Which licences Tessera's production dependencies may carry: permissive ones, so that Tessera can be used and
 * shipped under Apache-2.0; never copyleft, never none. `check-licences.ts` applies it to package-lock.json.
 */

const PERMISSIVE = new Set([
  'MIT',
  'ISC',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'Apache-2.0',
  '0BSD',
  'CC0-1.0',
  'CC-BY-4.0',
  'Unlicense',
  'BlueOak-1.0.0',
  'Python-2.0',
]);

/**
 * Packages allowed despite their licence, and why. sharp's libvips builds are LGPL-3.0 (weak copyleft, which
 * covers libvips itself, dynamically loaded): sharp is an optional dependency of Next for image optimisation,
 * which Tessera turns off (`images.unoptimized` in next.config.mjs), so it is installed but never loaded.
 */
const EXCEPTIONS: { prefix: string; why: string }[] = [{ prefix: '@img/sharp-', why: "Next's image optimisation, turned off: never loaded" }];

/** Why a package's licence is not acceptable, or null when it is. `expression` is SPDX (`MIT`, `(MIT OR X)`). */
export function licenceProblem(name: string, expression: string | undefined): string | null {
  if (EXCEPTIONS.some((e) => name.startsWith(e.prefix))) return null;
  if (!expression) return 'no licence';
  const plain = expression.replace(/[()]/g, '').trim();
  const ors = plain.split(' OR ');
  const ands = plain.split(' AND ');
  if (ors.length > 1 && ands.length > 1) return `a licence expression this check cannot read: ${expression}`;
  const acceptable = ors.length > 1 ? ors.some((l) => PERMISSIVE.has(l.trim())) : ands.every((l) => PERMISSIVE.has(l.trim()));
  return acceptable ? null : `not a permissive licence: ${expression}`;
}
