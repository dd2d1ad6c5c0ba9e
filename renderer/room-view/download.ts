/**
 * Saves a file the user asked for through a link to a Blob: the same in Electron (whose
 * will-download shows the save dialog) and in a browser, with no file access in the page.
 */

/** Offers `blob` for download as `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started reading the Blob by the next task; the URL is not needed after that.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
