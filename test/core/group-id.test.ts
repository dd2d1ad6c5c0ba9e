import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupIdProblem, MAX_GROUP_ID_BYTES } from '../../main/core/group-id';

describe('groupIdProblem', () => {
  it.each([
    '@TGS#a6I4ZUUGO',
    'x',
    'room 42 / main stage!',
    ' ',
    '~'.repeat(MAX_GROUP_ID_BYTES),
    '"quoted" \\ back',
  ])('accepts %j', (id) => {
    expect(groupIdProblem(id)).toBeNull();
  });

  it('says the id is empty', () => {
    expect(groupIdProblem('')).toMatch(/empty/);
  });

  it('gives the length of a long id', () => {
    expect(groupIdProblem('a'.repeat(49))).toMatch(/49 bytes.*48/);
  });

  it('names a control character and where it is', () => {
    expect(groupIdProblem('ab\tc')).toBe(
      'The group id has a control character (U+0009) at position 3; only printable ASCII is allowed.',
    );
    expect(groupIdProblem('abc\u007f')).toMatch(/U\+007F.*position 4/);
  });

  it('names a non-ASCII character by code point, counting characters not UTF-16 units', () => {
    expect(groupIdProblem('房间1')).toMatch(/non-ASCII.*U\+623F.*position 1/);
    expect(groupIdProblem('a😀b\u00e9')).toMatch(/U\+1F600.*position 2/);
  });

  it('agrees with the rule for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (id) => {
        const valid = Buffer.byteLength(id) >= 1 && Buffer.byteLength(id) <= 48 && /^[\x20-\x7e]+$/.test(id);
        expect(groupIdProblem(id) === null).toBe(valid);
      }),
    );
  });
});
