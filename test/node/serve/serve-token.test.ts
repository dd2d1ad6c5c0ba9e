import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../main/core/config-error';
import { chooseOverlayToken } from '../../../main/node/overlay/overlay-token';
import { metricsTokenFrom } from '../../../main/node/serve/metrics-token';
import { chooseToken, isLoopbackHost, randomToken, tokenMatches } from '../../../main/node/serve/serve-token';
import { tokenBits } from '../../../main/node/serve/token-strength';

describe('serve tokens', () => {
  it('tells loopback hosts from the others', () => {
    for (const host of ['127.0.0.1', '127.8.9.10', 'localhost', 'LOCALHOST', '::1', '[::1]']) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of ['0.0.0.0', '::', '192.168.1.4', '10.0.0.1', 'example.com', '128.0.0.1', '::ffff:1']) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });

  it('makes a fresh random token per run on loopback, and requires the user one elsewhere', () => {
    const first = chooseToken('127.0.0.1', undefined);
    expect(first).toMatch(/^[\w-]{43}$/);
    expect(chooseToken('127.0.0.1', undefined)).not.toBe(first);
    expect(randomToken()).not.toBe(randomToken());
    expect(() => chooseToken('0.0.0.0', undefined)).toThrow(ConfigError);
    expect(() => chooseToken('0.0.0.0', '   ')).toThrow(/Refusing to serve on 0\.0\.0\.0/);
    expect(() => chooseToken('0.0.0.0', 'fifteen-chars!!')).toThrow(/at least 16 characters long \(got 15\)/);
    expect(chooseToken('0.0.0.0', 'Xk29fLq81ZpW0rTm')).toBe('Xk29fLq81ZpW0rTm');
    expect(chooseToken('127.0.0.1', ' a-chosen-token-16 ')).toBe('a-chosen-token-16');
  });

  it('refuses a chosen token that is long but easy to guess, and says why', () => {
    for (const weak of [
      'aaaaaaaaaaaaaaaa',
      'abcdefghijklmnopqrstu',
      '1234567890123456',
      'password123password123',
    ]) {
      expect(() => chooseToken('0.0.0.0', weak), weak).toThrow(
        /too easy to guess: about \d+ bits by a simple estimate, and at least 80 are needed/,
      );
      expect(() => chooseToken('127.0.0.1', weak), weak).toThrow(ConfigError);
    }
    expect(() =>
      metricsTokenFrom({ HEADCOUNT_METRICS_TOKEN: 'bbbbbbbbbbbbbbbbbbbb' }, randomToken()),
    ).toThrow(/The metrics token is too easy to guess/);
    expect(() =>
      chooseOverlayToken(
        { HEADCOUNT_OVERLAY_TOKEN: 'obsobsobsobsobsobs' },
        { token: randomToken(), metricsToken: null },
      ),
    ).toThrow(/The overlay token is too easy to guess/);
    expect(tokenBits('aaaaaaaaaaaaaaaa')).toBeLessThan(25);
    // What people are told to use, and what a random mix of 16 letters and digits is worth.
    expect(tokenBits(randomBytes(24).toString('base64'))).toBeGreaterThan(150);
    expect(tokenBits(randomBytes(16).toString('hex'))).toBeGreaterThan(120);
    expect(tokenBits('Xk29fLq81ZpW0rTm')).toBeGreaterThan(90);
  });

  it('compares tokens whatever their lengths', () => {
    const token = randomToken();
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(token, token.slice(0, -1))).toBe(false);
    expect(tokenMatches(token, `${token}x`)).toBe(false);
    expect(tokenMatches(token, '')).toBe(false);
  });
});
