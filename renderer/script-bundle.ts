/**
 * The page's further bundles (room-chart.js, views.js): classic scripts beside popover.js that the
 * page adds when it first needs them, each leaving its exports on a global (esbuild's `globalName`,
 * see scripts/build.mjs). Classic scripts rather than ES module chunks: the same file then loads under
 * the strict CSP (script-src 'self') from app:// in the tray app and from headcount serve alike (with
 * the page's cookie), needs nothing from the network, and serve's page, which carries popover.js
 * inside it, asks for nothing more before its first rows.
 */

/**
 * The exports of the bundle in `file`, loading it on the first call; later calls share that load.
 * `exports` reads them from the global the bundle sets. A failed load is forgotten, so the next call
 * tries again.
 */
export function scriptBundle<T>(file: string, exports: () => T | undefined): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    const loaded = exports();
    if (loaded) return Promise.resolve(loaded);
    loading ??= new Promise<T>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = new URL(file, document.baseURI).href;
      script.addEventListener('load', () => {
        const bundle = exports();
        if (bundle) resolve(bundle);
        else reject(new Error(`${file} did not provide what it should`));
      });
      script.addEventListener('error', () => reject(new Error(`${file} could not be loaded`)));
      document.head.append(script);
    }).catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}
