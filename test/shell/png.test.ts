import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeIco } from '../../main/shell/ico';
import { encodePng } from '../../main/shell/png';
import { createImage } from '../../main/shell/raster';
import { decodePng, readIco } from './decode-png';

describe('encodePng', () => {
  it('round-trips any RGBA pixels', () => {
    const image = fc
      .integer({ min: 1, max: 12 })
      .chain((width) =>
        fc
          .integer({ min: 1, max: 12 })
          .chain((height) =>
            fc
              .uint8Array({ minLength: width * height * 4, maxLength: width * height * 4 })
              .map((data) => ({ width, height, data })),
          ),
      );
    fc.assert(
      fc.property(image, (original) => {
        const decoded = decodePng(encodePng(original));
        expect(decoded.width).toBe(original.width);
        expect(decoded.height).toBe(original.height);
        expect(Buffer.from(decoded.data).equals(Buffer.from(original.data))).toBe(true);
      }),
    );
  });
});

describe('encodeIco', () => {
  it('points each entry at its PNG and writes 256 as 0', () => {
    const pngs = [16, 256].map((size) => ({ size, png: encodePng(createImage(size, size)) }));
    const ico = encodeIco(pngs);
    expect(ico[6 + 16]).toBe(0);
    const entries = readIco(ico);
    expect(entries.map((entry) => entry.width)).toEqual([16, 256]);
    expect(entries.map((entry) => decodePng(entry.png).width)).toEqual([16, 256]);
  });

  it('refuses a size an icon cannot hold', () => {
    expect(() => encodeIco([{ size: 512, png: encodePng(createImage(1, 1)) }])).toThrow(RangeError);
  });
});
