import { describe, expect, it } from 'vitest';
import { renderAppIcon } from '../../main/shell/app-icon';
import { renderTemplateIcon } from '../../main/shell/template-icon';
import { TRAY_STATES } from '../../main/shell/tray-state';
import { pixel } from './decode-png';

describe('renderTemplateIcon', () => {
  it('is black with the shape in alpha, as macOS template images must be', () => {
    for (const state of TRAY_STATES) {
      const image = renderTemplateIcon(state, 16, 2);
      expect(image.width).toBe(32);
      let opaque = 0;
      for (let i = 0; i < image.data.length; i += 4) {
        expect([image.data[i], image.data[i + 1], image.data[i + 2]]).toEqual([0, 0, 0]);
        if ((image.data[i + 3] as number) > 128) opaque++;
      }
      expect(opaque).toBeGreaterThan(100);
    }
  });

  it('gives every state its own shape', () => {
    const shapes = TRAY_STATES.map((state) =>
      Buffer.from(renderTemplateIcon(state, 16, 1).data).toString('base64'),
    );
    expect(new Set(shapes).size).toBe(TRAY_STATES.length);
  });

  it('draws the demo state as an outline', () => {
    expect(pixel(renderTemplateIcon('normal', 16, 2), 16, 10)[3]).toBe(255);
    expect(pixel(renderTemplateIcon('demo', 16, 2), 16, 10)[3]).toBe(0);
  });
});

describe('renderAppIcon', () => {
  it('leaves the icon grid’s transparent margin and fills the body', () => {
    const image = renderAppIcon(256);
    expect(pixel(image, 5, 5)[3]).toBe(0);
    expect(pixel(image, 40, 128)[3]).toBe(255);
    expect(pixel(image, 128, 100)).toEqual([255, 255, 255, 255]);
  });
});
