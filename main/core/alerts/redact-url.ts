/**
 * Webhook URLs are credentials: whoever holds a WeCom `key`, a DingTalk `access_token` or a Slack
 * `/services/…` path can post to the channel. These helpers give the form that may be shown, logged
 * and stored, and scrub the same pieces out of any other text (a server's error body, say).
 */

/** What replaces each masked piece. */
export const MASK = '***';

// Path segments after these names are the token itself: Slack `/services/T…/B…/…`, Feishu and Lark
// `/open-apis/bot/v2/hook/<token>`, Discord `/api/webhooks/<id>/<token>`.
const TOKEN_AFTER = new Set(['services', 'hook', 'hooks', 'webhooks']);

// Shorter pieces are not worth scrubbing from free text: masking every "1" would garble a message.
const MIN_SCRUB_LENGTH = 4;

interface UrlParts {
  prefix: string;
  host: string;
  segments: string[];
  query: Array<{ key: string; value: string | undefined }>;
  userinfo: string;
  fragment: string;
}

/**
 * The URL with scheme, host, port and the path's shape kept and every token masked: all query
 * values, user name and password, the fragment, and secret-looking path segments (long, or letters
 * mixed with digits, or anything after `services/`, `hook/`, `hooks/`, `webhooks/`).
 * In `https://hooks.slack.com/services/T0/B0/XXXX` each of the last three segments becomes `***`.
 */
export function redactUrl(url: string): string {
  const parts = split(url);
  if (!parts) return '(not a valid web URL)';
  const masked = maskedSegments(parts.segments);
  const path = masked.map((segment) => (segment.secret ? MASK : segment.text)).join('/');
  const query = parts.query
    .map(({ key, value }) => (value === undefined ? MASK : `${key}=${value === '' ? '' : MASK}`))
    .join('&');
  return (
    `${parts.prefix}${parts.userinfo ? `${MASK}@` : ''}${parts.host}${path}` +
    `${query ? `?${query}` : ''}${parts.fragment ? `#${MASK}` : ''}`
  );
}

/** Every piece {@link redactUrl} masks, as written in the URL and decoded, for {@link maskSecrets}. */
export function urlSecrets(url: string): string[] {
  const parts = split(url);
  if (!parts) return [url];
  const raw = [
    ...maskedSegments(parts.segments)
      .filter((segment) => segment.secret)
      .map((segment) => segment.text),
    ...parts.query.map(({ key, value }) => value ?? key),
    parts.userinfo,
    parts.fragment,
  ];
  const all = raw.flatMap((piece) => [piece, decoded(piece)]);
  return [...new Set(all)].filter((piece) => piece.length >= MIN_SCRUB_LENGTH);
}

/** `text` with every occurrence of each secret replaced by {@link MASK}, longest secrets first. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  const ordered = secrets
    .filter((secret) => secret.length >= MIN_SCRUB_LENGTH)
    .sort((a, b) => b.length - a.length);
  let result = text;
  for (const secret of ordered) result = result.split(secret).join(MASK);
  return result;
}

function split(url: string): UrlParts | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  // Opaque URLs (mailto:, data:) have no host and no path shape worth keeping.
  if (parsed.host === '') return undefined;
  const userinfo = [parsed.username, parsed.password].filter(Boolean).join(':');
  const query = parsed.search
    .slice(1)
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf('=');
      return at < 0 ? { key: pair, value: undefined } : { key: pair.slice(0, at), value: pair.slice(at + 1) };
    });
  return {
    prefix: `${parsed.protocol}//`,
    host: parsed.host,
    segments: parsed.pathname.split('/'),
    query,
    userinfo,
    fragment: parsed.hash.slice(1),
  };
}

function maskedSegments(segments: string[]): Array<{ text: string; secret: boolean }> {
  let afterMarker = false;
  return segments.map((text) => {
    const secret = text !== '' && (afterMarker || looksSecret(decoded(text)));
    if (TOKEN_AFTER.has(text.toLowerCase())) afterMarker = true;
    return { text, secret };
  });
}

function looksSecret(segment: string): boolean {
  if (segment.length >= 16) return true;
  return segment.length >= 8 && /\d/.test(segment) && /[a-z]/i.test(segment);
}

function decoded(piece: string): string {
  try {
    return decodeURIComponent(piece.replace(/\+/g, ' '));
  } catch {
    return piece;
  }
}
