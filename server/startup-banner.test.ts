import { describe, expect, it } from 'vitest';
import { startupBanner } from './startup-banner';

const banner = (generatedSecret: boolean, generated: { generatedPassword?: string; generatedAdminKey?: string } = {}) =>
  startupBanner({
    base: 'http://localhost:3000',
    demoEventKey: 'demo-concert',
    seeded: generatedSecret,
    workspace: { key: 'public-key', secretKey: 'sk_0123456789abcdefghij' },
    generatedSecret,
    ...generated,
  }).join('\n');

describe('startupBanner', () => {
  it('shows a generated organiser password once, with how to reset it', () => {
    const first = banner(true, { generatedPassword: 'pw-generated-1' });
    expect(first).toContain('Organiser password: pw-generated-1  (shown this once; set ADMIN_PASSWORD to choose another, which also resets it)');
    expect(banner(false)).not.toContain('Organiser password');
  });

  it('shows a generated company admin key once', () => {
    const first = banner(false, { generatedAdminKey: 'admin_generated-1' });
    expect(first).toContain('Company admin key: admin_generated-1  (shown this once; it manages every workspace; set TESSERA_ADMIN_KEY to choose another)');
    expect(banner(true)).not.toContain('Company admin key');
  });

  it('shows a generated secret key once, in full', () => {
    expect(banner(true)).toContain('Workspace secret key: sk_0123456789abcdefghij  (shown this once; keep it safe)');
  });

  it('masks the secret key on every later start, and says how to set or rotate it', () => {
    const later = banner(false);
    expect(later).not.toContain('0123456789abcdefghij');
    expect(later).toContain('Workspace secret key: sk_0… (set TESSERA_SECRET_KEY to choose it, or to rotate it)');
  });
});
