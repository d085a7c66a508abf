import { printableAscii } from './client-info.js';
import { isUsernameInAnyCase } from './username.js';

describe('the sign-in username', () => {
  it('is a directory username in any case', () => {
    for (const name of ['officer.us', 'Officer.US', 'ADMIN', 'a1', 'x_y-z.0']) {
      expect(isUsernameInAnyCase(name)).toBe(true);
    }
  });

  it('is nothing else: spaces, bidirectional overrides, controls, other scripts, look-alikes, lengths', () => {
    const refused = [
      '\u202Enimda\u202C x',
      ' officer.us ',
      'admin\u0000',
      'adm\u200Bin',
      'Ádmin',
      '\u212Aelvin', // the Kelvin sign, which lower-cases to a Latin k
      'a',
      `a${'b'.repeat(64)}`,
      '1admin',
      '.admin',
      '',
      42,
      null,
    ];
    for (const value of refused) expect({ value, ok: isUsernameInAnyCase(value) }).toEqual({ value, ok: false });
  });
});

describe('what a client sent, for the journal and the log', () => {
  it('keeps printable ASCII and shows anything else as ?', () => {
    expect(printableAscii('Mozilla/5.0 (X11; Linux x86_64)', 256)).toBe('Mozilla/5.0 (X11; Linux x86_64)');
    // U+202E as Node reads its UTF-8 bytes in a header (Latin-1): three characters, two of them C1 controls.
    expect(printableAscii('RED \u00e2\u0080\u00ae tail\u001b[31m', 256)).toBe('RED ??? tail?[31m');
    expect(printableAscii('x'.repeat(300), 256)).toHaveLength(256);
  });
});
