import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY, resolveAppPath } from '../../../src-main/shell/app-protocol.js';

describe('app:// protocol', () => {
  const root = path.resolve('/srv/renderer');

  it('maps app URLs to files under the renderer folder', () => {
    expect(resolveAppPath(root, `${APP_ORIGIN}/index.html`)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, `${APP_ORIGIN}/`)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, `${APP_ORIGIN}/assets/a%20b.js?x=1`)).toBe(path.join(root, 'assets/a b.js'));
  });

  it('refuses other origins and any escape from the folder', () => {
    expect(resolveAppPath(root, 'app://elsewhere/index.html')).toBeNull();
    expect(resolveAppPath(root, 'https://example.com/index.html')).toBeNull();
    expect(resolveAppPath(root, `${APP_ORIGIN}/..%2F..%2Fetc%2Fpasswd`)).toBeNull();
    // The URL parser resolves encoded dot segments itself; the result must still stay inside root.
    expect(resolveAppPath(root, `${APP_ORIGIN}/%2e%2e/%2e%2e/secret`)).toBe(path.join(root, 'secret'));
    expect(resolveAppPath(root, 'not a url')).toBeNull();
  });

  it('answers bad %-escapes and NUL with null (a 404), never a throw (issue 18, defect 11)', () => {
    for (const bad of ['%', '%ZZ', '%C0%AE', '%E0%A4%A', 'index.html%00', 'assets/a%00b.js', '%ed%a0%80']) {
      expect(() => resolveAppPath(root, `${APP_ORIGIN}/${bad}`)).not.toThrow();
      expect(resolveAppPath(root, `${APP_ORIGIN}/${bad}`)).toBeNull();
    }
  });

  it('allows no remote origin in the content security policy', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|'unsafe-/);
  });
});
