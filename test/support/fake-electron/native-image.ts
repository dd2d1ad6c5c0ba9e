/** `nativeImage`: records where an image came from (a path, and whether that file exists) or its PNG representations. */
import { existsSync } from 'node:fs';

export class NativeImage {
  template = false;
  readonly representations: Array<{ scaleFactor: number; buffer: Buffer }> = [];

  constructor(
    /** The file it was made from, if any. */
    readonly path: string | null = null,
    /** Whether that file exists (Electron gives an empty image for a missing file). */
    readonly fileExists = false,
  ) {}

  setTemplateImage(template: boolean): void {
    this.template = template;
  }

  isTemplateImage(): boolean {
    return this.template;
  }

  addRepresentation(options: { scaleFactor: number; buffer?: Buffer }): void {
    if (options.buffer)
      this.representations.push({ scaleFactor: options.scaleFactor, buffer: options.buffer });
  }

  isEmpty(): boolean {
    return !this.fileExists && this.representations.length === 0;
  }
}

export const nativeImage = {
  createFromPath: (path: string) => new NativeImage(path, existsSync(path)),
  createEmpty: () => new NativeImage(),
  createFromBuffer(buffer: Buffer, options: { scaleFactor?: number } = {}) {
    const image = new NativeImage();
    image.addRepresentation({ scaleFactor: options.scaleFactor ?? 1, buffer });
    return image;
  },
};
