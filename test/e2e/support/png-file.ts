/**
 * Reading a downloaded PNG: its signature and the size from the IHDR chunk that must come first
 * (PNG specification, 5.2 and 11.2.2), and its pixels as Chromium decodes them.
 */
import type { Page } from 'playwright-core';

/** The eight bytes every PNG file starts with. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height in pixels of the PNG in `bytes`; throws when `bytes` is not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new Error('Not a PNG: the signature is missing.');
  }
  // The first chunk: a 4-byte length (13 for IHDR), its type, then width and height big-endian.
  if (bytes.readUInt32BE(8) !== 13 || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('Not a PNG: the first chunk is not IHDR.');
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** What a decoded image holds: how many distinct colours, whether every pixel is opaque, how many are clear. */
export interface PngPixels {
  width: number;
  height: number;
  colours: number;
  opaque: boolean;
  /** Pixels with an alpha of 0. */
  transparent: number;
}

/** Decodes `bytes` with the browser's own image decoder in `page`, and sums up its pixels. */
export function pngPixels(page: Page, bytes: Buffer): Promise<PngPixels> {
  return page.evaluate(async (base64) => {
    // The page's own globals, named by what is used of them (the tests compile without the DOM types).
    const { createImageBitmap, OffscreenCanvas } = globalThis as unknown as BrowserDecoder;
    const data = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D context to decode the PNG into.');
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const colours = new Set<number>();
    let opaque = true;
    let transparent = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      colours.add(((pixels[i] ?? 0) << 16) | ((pixels[i + 1] ?? 0) << 8) | (pixels[i + 2] ?? 0));
      if (pixels[i + 3] !== 255) opaque = false;
      if (pixels[i + 3] === 0) transparent++;
    }
    return { width: bitmap.width, height: bitmap.height, colours: colours.size, opaque, transparent };
  }, bytes.toString('base64'));
}

/** What {@link pngPixels} uses of the browser's image decoding and canvas. */
interface BrowserDecoder {
  createImageBitmap(blob: Blob): Promise<{ width: number; height: number }>;
  OffscreenCanvas: new (
    width: number,
    height: number,
  ) => {
    getContext(kind: '2d'): {
      drawImage(image: unknown, x: number, y: number): void;
      getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
    } | null;
  };
}
