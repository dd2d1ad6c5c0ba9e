import { describe, expect, it } from 'vitest';
import { ERROR_KINDS, type ErrorKind } from '../../main/common/error-kinds';
import {
  APP_STOPPING_KINDS,
  EXPLANATIONS,
  imErrorFromCode,
  kindOfCode,
  ROOM_STOPPING_KINDS,
} from '../../main/core/error-kind';

/** Every code of reference/tencent-im-api.md, by the class it gives. */
const REFERENCE: Record<ErrorKind, number[]> = {
  auth: [
    60004, 60005, 60006, 60010, 60015, 70001, 70002, 70003, 70005, 70009, 70013, 70014, 70016, 70020, 70052,
    70403,
  ],
  'rate-limited': [60007, 60011, 60018, 60019, 10006, 70050],
  transient: [10002, 60008, 60013, 60014, 70169, 70500],
  account: [60016, 60017, 60020, 60021, 70051, 70114, 70398],
  request: [60002, 60003, 60009, 60012, 10003, 10004, 70402],
  'group-gone': [10010],
  'not-live-room': [10007],
  'invalid-group': [10015],
  protocol: [],
  unknown: [],
};

describe('error kinds', () => {
  it.each(Object.entries(REFERENCE).flatMap(([kind, codes]) => codes.map((code) => [code, kind] as const)))(
    'maps %i to %s',
    (code, kind) => {
      expect(kindOfCode(code)).toBe(kind);
      const error = imErrorFromCode(code, 'server text');
      expect(error.kind).toBe(kind);
      expect(error.code).toBe(code);
      expect(error.message).toContain(String(code));
      expect(error.message).toContain('server text');
    },
  );

  it('asks about the region for 70016 and 70020', () => {
    for (const code of [70016, 70020]) {
      expect(imErrorFromCode(code, '').message).toMatch(/region/i);
    }
    expect(imErrorFromCode(70003, '').message).not.toMatch(/region/i);
  });

  it('points at the clock when a fresh UserSig is still called expired', () => {
    expect(imErrorFromCode(70001, '').message).toMatch(/date and time/);
  });

  it('keeps an unknown code and says it is unknown', () => {
    const error = imErrorFromCode(12345, 'something new');
    expect(error).toMatchObject({ kind: 'unknown', code: 12345 });
    expect(error.message).toContain('12345');
    expect(error.message).toContain('something new');
  });

  it('explains every kind in words, and never as a count', () => {
    for (const kind of ERROR_KINDS) {
      expect(EXPLANATIONS[kind].length).toBeGreaterThan(20);
    }
    expect(imErrorFromCode(10010, '').message).not.toMatch(/\b0 online\b/);
  });

  it('stops the room only for room problems and the app only for credential or account problems', () => {
    expect([...ROOM_STOPPING_KINDS].sort()).toEqual(['group-gone', 'invalid-group', 'not-live-room']);
    expect([...APP_STOPPING_KINDS].sort()).toEqual(['account', 'auth']);
  });
});

describe('the message of each code', () => {
  it('is the explanation of its kind, then the code and the server text trimmed', () => {
    expect(imErrorFromCode(70003, '  bad sig \n').message).toBe(`${EXPLANATIONS.auth} (70003: bad sig)`);
    expect(imErrorFromCode(10010, '').message).toBe(`${EXPLANATIONS['group-gone']} (10010)`);
    expect(imErrorFromCode(10006, ' \t ').message).toBe(`${EXPLANATIONS['rate-limited']} (10006)`);
    expect(imErrorFromCode(99999, 'new').message).toBe(`${EXPLANATIONS.unknown} (99999: new)`);
  });

  it('gives the special hints to their codes only', () => {
    const special: Record<number, RegExp> = {
      70016: /is the region right for this SDKAppID\?/,
      70020: /is the region right for this SDKAppID\?/,
      70050: /^Too many bad UserSigs: the server locked this app for one minute\. Check the secret key\./,
      70001: /^The server says the UserSig expired even though it was just signed/,
    };
    for (const [code, hint] of Object.entries(special)) {
      expect(imErrorFromCode(Number(code), '').message).toMatch(hint);
    }
    for (const [kind, codes] of Object.entries(REFERENCE)) {
      for (const code of codes.filter((c) => !(c in special))) {
        expect(imErrorFromCode(code, '').message).toBe(`${EXPLANATIONS[kind as ErrorKind]} (${code})`);
      }
    }
  });
});
