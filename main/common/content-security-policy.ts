/**
 * The Content-Security-Policy of every app page: only the app's own scripts, styles, images and
 * fonts (and the one inline style of index.html, by its hash), no eval or inline script, no
 * connections but to the app itself (the page talks to main through the preload bridge), no
 * plugins, forms or <base>, and no frames but the preview of the OBS overlay. The chart's script,
 * which the page adds when a room is first opened (room-chart.js), is one of the app's own files:
 * 'self' covers it, from app:// as from headcount serve.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // The inline style of index.html that paints the placeholder rows, by its hash (a test checks it).
  "style-src 'self' 'sha256-QHglQcqxGOMlcD24N00HSNmeeHQLSjNemdYYk2WvjIA='",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  // The room view's preview of the OBS overlay: a frame of serve's own /overlay, or of the tray app's
  // overlay server on loopback, whose port the streamer may change.
  "frame-src 'self' http://127.0.0.1:*",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
