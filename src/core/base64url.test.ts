import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from './base64url';

describe('base64url', () => {
  it('round-trips bytes of every length, with only URL-safe characters', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n) & 255);
      const text = toBase64Url(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(fromBase64Url(text)).toEqual(bytes);
    }
    expect(toBase64Url(Uint8Array.from([251, 255]))).toBe('-_8');
  });

  it('rejects text that is not base64url', () => {
    for (const bad of ['a+b', 'abc=', 'a', '%%', 'ab cd']) expect(fromBase64Url(bad)).toBeNull();
  });
});
