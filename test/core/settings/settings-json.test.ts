import { describe, expect, it } from 'vitest';
import { parseSettingsJson, SettingsJsonError } from '../../../main/core/settings/settings-json';

/** Where parseSettingsJson says `text` goes wrong, as "line:column". */
function whereWrong(text: string): string {
  try {
    parseSettingsJson(text);
  } catch (error) {
    if (error instanceof SettingsJsonError) return `${error.line}:${error.column}`;
    throw error;
  }
  return 'valid';
}

describe('a settings file read as JSON', () => {
  it('drops a byte-order mark, and takes an empty or blank file as the defaults', () => {
    expect(parseSettingsJson('\uFEFF{"a":1}')).toEqual({ a: 1 });
    expect(parseSettingsJson('')).toEqual({});
    expect(parseSettingsJson(' \n\t')).toEqual({});
    expect(parseSettingsJson('\uFEFF')).toEqual({});
  });

  it('says where the first mistake is, by line and column, without quoting the file', () => {
    const text = '{\n  "webhooks": [\n    { "url": "https://hooks.example.com/T0/secret" ,, }\n  ]\n}';
    let error: unknown;
    try {
      parseSettingsJson(text);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(SettingsJsonError);
    expect((error as Error).name).toBe('SettingsJsonError');
    expect((error as Error).message).toBe('not valid JSON at line 3, column 53');
    expect((error as Error).message).not.toContain('secret');
  });

  it('places mistakes at the start, in the middle and at an unexpected end', () => {
    expect(whereWrong('x')).toBe('1:1');
    expect(whereWrong('{"a": tru}')).toBe('1:10');
    expect(whereWrong('{\n"a": 1,\n"b": }')).toBe('3:6');
    expect(whereWrong('{"a": [1, 2')).toBe('1:12');
    expect(whereWrong('{"a": "no end')).toBe('1:14');
    // A character named without a place, in the middle: found by halving, not taken as the end.
    expect(whereWrong('[1, x, 2]')).toBe('1:5');
    expect(whereWrong('{"a": tru, "b": 2}')).toBe('1:10');
    expect(whereWrong('[\n  1,\n  nul,\n  2\n]')).toBe('3:6');
    expect(whereWrong('[1, 2] x')).toBe('1:8');
    expect(whereWrong('{"a": 1}')).toBe('valid');
    // Mistakes whose message names no position, in the middle and at the second character.
    expect(whereWrong('{"a": tru, "b": [1, 2, 3]}')).toBe('1:10');
    expect(whereWrong('[x, 1]')).toBe('1:2');
  });
});
