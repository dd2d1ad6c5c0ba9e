import { describe, expect, it } from 'vitest';
import { imErrorFromCode } from '../../../main/core/error-kind';
import { pushFailure } from '../../../main/core/push/push-outcome';

const error = (code: number) => imErrorFromCode(code, 'from the test');

describe('what a failed write into a room means', () => {
  it('stops for good on a key the server calls too long, with the code', () => {
    expect(pushFailure('group-attr', error(10045))).toEqual({
      action: 'refuse',
      reason: 'The server refused the key: keys are at most 32 bytes (10045).',
    });
  });

  it('closes the room once it is gone or its id is not valid', () => {
    for (const code of [10010, 10015])
      expect(pushFailure('message', error(code))).toEqual({
        action: 'close',
        reason: `The room is gone: nothing more is written into it (${code}).`,
      });
  });

  it('says what to change, per way of showing the count, when the server refuses it', () => {
    expect(pushFailure('group-counter', error(10007))).toEqual({
      action: 'refuse',
      reason: expect.stringMatching(/^The server refused the group counter: .*Pro.* \(10007\)$/),
    });
    expect(pushFailure('group-attr', error(10004)).action).toBe('refuse');
    expect(pushFailure('message', error(10007))).toMatchObject({
      reason: expect.stringMatching(/^The server refused the message: .* \(10007\)$/),
    });
  });

  it('names the kind where the error has no code', () => {
    const { code: _code, ...uncoded } = error(10004);
    expect(pushFailure('group-attr', uncoded)).toMatchObject({
      action: 'refuse',
      reason: expect.stringMatching(/\(request\)$/),
    });
  });

  it("slows the room on the group's own attribute limit, and the command on any other rate", () => {
    expect(pushFailure('group-attr', error(10049))).toEqual({ action: 'slow', scope: 'room' });
    expect(pushFailure('group-attr', error(60007))).toEqual({ action: 'slow', scope: 'command' });
  });

  it('tries again later after anything else, in the error’s own words', () => {
    const failed = error(10002);
    expect(pushFailure('group-attr', failed)).toEqual({ action: 'retry', reason: failed.message });
  });
});
