import { describe, expect, it } from 'vitest';
import { licenceProblem } from './licence-policy';

describe('licenceProblem', () => {
  it('accepts permissive licences, and an alternative that offers one', () => {
    expect(licenceProblem('a', 'MIT')).toBeNull();
    expect(licenceProblem('b', '(MIT OR WTFPL)')).toBeNull();
    expect(licenceProblem('c', 'Apache-2.0 AND MIT')).toBeNull();
  });

  it('refuses copyleft, a combination that includes it, and a missing licence', () => {
    expect(licenceProblem('a', 'GPL-3.0-only')).toBe('not a permissive licence: GPL-3.0-only');
    expect(licenceProblem('b', 'AGPL-3.0-or-later')).toMatch(/^not a permissive/);
    expect(licenceProblem('c', 'MIT AND LGPL-3.0-or-later')).toMatch(/^not a permissive/);
    expect(licenceProblem('d', undefined)).toBe('no licence');
    expect(licenceProblem('e', 'MIT OR GPL-2.0 AND BSD-3-Clause')).toMatch(/^a licence expression this check cannot read/);
  });

  it("lets the listed exception through: sharp's libvips, never loaded", () => {
    expect(licenceProblem('@img/sharp-libvips-linux-x64', 'LGPL-3.0-or-later')).toBeNull();
  });
});
