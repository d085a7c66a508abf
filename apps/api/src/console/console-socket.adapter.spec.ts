import { isAllowedOrigin } from './console-socket.adapter.js';

describe('isAllowedOrigin', () => {
  it("lets the api's own origin through: the host the request was sent to", () => {
    expect(isAllowedOrigin('http://127.0.0.1:3000', '127.0.0.1:3000', [])).toBe(true);
    expect(isAllowedOrigin('https://enlace.example.gov', 'enlace.example.gov', [])).toBe(true);
  });

  it('refuses any other origin unless listed', () => {
    expect(isAllowedOrigin('http://evil.example', '127.0.0.1:3000', [])).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:3001', '127.0.0.1:3000', [])).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:5173', '127.0.0.1:3000', ['http://127.0.0.1:5173'])).toBe(true);
  });

  it('refuses the opaque origin and garbage', () => {
    expect(isAllowedOrigin('null', '127.0.0.1:3000', [])).toBe(false);
    expect(isAllowedOrigin('file:///etc', '127.0.0.1:3000', [])).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:3000', undefined, [])).toBe(false);
  });

  it('lets clients that send no Origin through (not a browser page; the token is still required)', () => {
    expect(isAllowedOrigin(undefined, '127.0.0.1:3000', [])).toBe(true);
  });
});
