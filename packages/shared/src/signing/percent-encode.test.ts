import { describe, it, expect } from 'vitest';
import { percentEncode } from './percent-encode.js';

// docs/providers.md §1.4 items 1 and 3.
describe('percentEncode', () => {
  it("encodes ! ' ( ) * which encodeURIComponent leaves literal", () => {
    expect(percentEncode("!'()*")).toBe('%21%27%28%29%2A');
  });

  it('leaves the unreserved characters A-Z a-z 0-9 - _ . ~ literal', () => {
    expect(percentEncode('AZaz09-_.~')).toBe('AZaz09-_.~');
  });

  it('writes a space as %20, never +, and encodes + itself', () => {
    expect(percentEncode('a b+c')).toBe('a%20b%2Bc');
  });

  it('uses upper-case hex', () => {
    expect(percentEncode('/:#&=,{}"^')).toBe('%2F%3A%23%26%3D%2C%7B%7D%22%5E');
  });

  it('encodes CJK as UTF-8 bytes', () => {
    expect(percentEncode('阿里云短信测试专用')).toBe(
      '%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95%E4%B8%93%E7%94%A8'
    );
  });

  it('reproduces the A-V1-SDK-3 stress value', () => {
    expect(percentEncode('{"name":"A b*c~d+e!f\'g(h)i/j:k","code":"0042"}')).toBe(
      '%7B%22name%22%3A%22A%20b%2Ac~d%2Be%21f%27g%28h%29i%2Fj%3Ak%22%2C%22code%22%3A%220042%22%7D'
    );
  });

  it('encodes an already encoded value again (the V1 string to sign applies it twice)', () => {
    expect(percentEncode('%E6%B5%8B')).toBe('%25E6%25B5%258B');
  });
});
