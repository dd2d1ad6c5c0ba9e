import { describe, expect, it } from 'vitest';
import { pastedRoomIds, profileInputFrom } from '../../../renderer/settings/profile-fields';

const fields = {
  label: ' Events SG ',
  sdkAppId: '1400123456',
  identifier: 'administrator',
  region: 'singapore',
  endpoint: '',
  secretKey: '',
  allowWeakStorage: false,
};

describe('the profile form', () => {
  it('builds the input, leaving the key out when it is empty (the saved one is kept)', () => {
    expect(profileInputFrom(fields)).toEqual({
      input: { label: 'Events SG', sdkAppId: 1400123456, identifier: 'administrator', region: 'singapore' },
    });
    expect(profileInputFrom({ ...fields, secretKey: ' abc ', id: 'p1' })).toMatchObject({
      input: { id: 'p1', secretKey: 'abc' },
    });
  });

  it('says what is missing before anything is sent', () => {
    expect(profileInputFrom({ ...fields, label: '', sdkAppId: '14e9', identifier: ' ', region: '' })).toEqual(
      {
        problems: ['problem.label', 'problem.sdkAppId', 'problem.identifier', 'problem.region'],
      },
    );
  });

  it('takes pasted room ids one per line, or comma separated on one line', () => {
    expect(pastedRoomIds('@TGS#a\n\n  launch day \r\n@TGS#b')).toEqual(['@TGS#a', 'launch day', '@TGS#b']);
    expect(pastedRoomIds('@TGS#a, @TGS#b,@TGS#c')).toEqual(['@TGS#a', '@TGS#b', '@TGS#c']);
    expect(pastedRoomIds('my room')).toEqual(['my room']);
  });
});
