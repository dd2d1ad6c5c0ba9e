import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUint64Decimal, stringifyWithUint64, topLevelMemberText, UINT64_MAX } from '../../main/core/uint64';

describe('isUint64Decimal', () => {
  it('accepts canonical decimals up to 2^64-1', () => {
    for (const text of ['0', '1', '9007199254740993', UINT64_MAX.toString()])
      expect(isUint64Decimal(text)).toBe(true);
  });

  it('refuses everything else', () => {
    for (const text of [
      '',
      '-1',
      '01',
      '1.0',
      '1e3',
      ' 1',
      (UINT64_MAX + 1n).toString(),
      '123456789012345678901',
    ]) {
      expect(isUint64Decimal(text)).toBe(false);
    }
  });
});

describe('topLevelMemberText', () => {
  it('reads the exact digits of a number above 2^53', () => {
    const text = '{"ActionStatus":"OK","Next":18446744073709551615,"TotalCount":3}';
    expect(JSON.parse(text).Next).toBe(18446744073709552000);
    expect(topLevelMemberText(text, 'Next')).toBe('18446744073709551615');
  });

  it('ignores the same key inside nested values and strings', () => {
    const text =
      '{"GroupIdList":[{"Next":1},{"GroupId":"\\"Next\\":2"}],"Info":{"Next":3},"Note":"Next","Next" : 9007199254740993 }';
    expect(topLevelMemberText(text, 'Next')).toBe('9007199254740993');
  });

  it('reads a string value, an escaped key, and takes the last duplicate as JSON.parse does', () => {
    expect(topLevelMemberText('{"Next":"42"}', 'Next')).toBe('42');
    expect(topLevelMemberText('{"\\u004eext":7}', 'Next')).toBe('7');
    expect(topLevelMemberText('{"Next":1,"Next":2}', 'Next')).toBe('2');
  });

  it('answers nothing, rather than reading on, for text cut short inside a key or a string value', () => {
    expect(topLevelMemberText('{"Next":1,"Tot', 'Next')).toBeUndefined();
    expect(topLevelMemberText('{"Next":"12', 'Next')).toBeUndefined();
  });

  it('returns undefined when the member is absent or not a number or string', () => {
    expect(topLevelMemberText('{"Nexts":1}', 'Next')).toBeUndefined();
    expect(topLevelMemberText('{"Next":null}', 'Next')).toBeUndefined();
    expect(topLevelMemberText('[{"Next":1}]', 'Next')).toBeUndefined();
  });

  it('round-trips any uint64 in any surrounding document', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: UINT64_MAX }),
        fc.dictionary(fc.string(), fc.jsonValue()),
        (next, others) => {
          const { Next: _ignored, ...rest } = others;
          const text = JSON.stringify({ ...rest, Next: 0 }).replace(/"Next":0}$/, `"Next":${next}}`);
          expect(topLevelMemberText(text, 'Next')).toBe(next.toString());
        },
      ),
    );
  });
});

describe('stringifyWithUint64', () => {
  it('writes the exact digits, which the scanner reads back, after any other members', () => {
    expect(stringifyWithUint64({}, 'Next', UINT64_MAX)).toBe(`{"Next":${UINT64_MAX}}`);
    const text = stringifyWithUint64(
      { ActionStatus: 'OK', GroupIdList: [{ Next: 1 }] },
      'Next',
      2n ** 60n + 1n,
    );
    expect(JSON.parse(text).ActionStatus).toBe('OK');
    expect(topLevelMemberText(text, 'Next')).toBe((2n ** 60n + 1n).toString());
  });
});
