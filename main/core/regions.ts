/**
 * The Tencent Cloud IM data centres and their REST hosts (reference/tencent-im-api.md, doc 1047/34620).
 * The host must be the one where the SDKAppID was created.
 */
import { ConfigError } from './config-error';

export interface Region {
  /** Stable key used in settings, `HEADCOUNT_REGION` and `--region`. */
  key: string;
  /** What people call it. */
  label: string;
  primaryHost: string;
  /** Tencent's second domain for the same data centre, for when the primary name does not resolve. */
  backupHost: string;
}

export const REGIONS: readonly Region[] = [
  { key: 'china', label: 'China', primaryHost: 'console.tim.qq.com', backupHost: 'adminapi.my-imcloud.com' },
  {
    key: 'singapore',
    label: 'Singapore',
    primaryHost: 'adminapisgp.im.qcloud.com',
    backupHost: 'adminapisgp.my-imcloud.com',
  },
  {
    key: 'seoul',
    label: 'Seoul',
    primaryHost: 'adminapikr.im.qcloud.com',
    backupHost: 'adminapikr.my-imcloud.com',
  },
  {
    key: 'tokyo',
    label: 'Tokyo',
    primaryHost: 'adminapijpn.im.qcloud.com',
    backupHost: 'adminapijpn.my-imcloud.com',
  },
  {
    key: 'frankfurt',
    label: 'Frankfurt',
    primaryHost: 'adminapiger.im.qcloud.com',
    backupHost: 'adminapiger.my-imcloud.com',
  },
  // Only older docs list Mumbai's backup host; a dead backup costs nothing while the primary resolves.
  {
    key: 'mumbai',
    label: 'Mumbai',
    primaryHost: 'adminapiind.im.qcloud.com',
    backupHost: 'adminapiind.my-imcloud.com',
  },
  {
    key: 'silicon-valley',
    label: 'Silicon Valley',
    primaryHost: 'adminapiusa.im.qcloud.com',
    backupHost: 'adminapiusa.my-imcloud.com',
  },
  {
    key: 'jakarta',
    label: 'Jakarta',
    primaryHost: 'adminapiidn.im.qcloud.com',
    backupHost: 'adminapiidn.my-imcloud.com',
  },
];

/** Base URLs (`scheme://host[:port][/prefix]`, no trailing slash) the IM client posts to. */
export interface Endpoint {
  primary: string;
  /** Tried for the same request when the primary cannot be resolved or connected to. */
  backup?: string;
}

/** The region for `key`, or undefined. */
export function findRegion(key: string): Region | undefined {
  return REGIONS.find((region) => region.key === key);
}

/**
 * Turns a region key or a custom base URL into an {@link Endpoint}. Exactly one must be given.
 * A custom endpoint must use `https://`, except `http://` to a loopback host (the simulator).
 * @throws {ConfigError} with a message for the user when the input is not usable.
 */
export function resolveEndpoint(input: { region?: string; endpoint?: string }): Endpoint {
  const region = input.region?.trim() || undefined;
  const endpoint = input.endpoint?.trim() || undefined;
  if (region && endpoint) {
    throw new ConfigError('Give either a region or an endpoint, not both.');
  }
  if (endpoint) return { primary: customBaseUrl(endpoint) };
  if (!region) {
    throw new ConfigError(`No region given: set one of ${validKeys()} (or a custom endpoint URL).`);
  }
  const found = findRegion(region.toLowerCase());
  if (!found) throw new ConfigError(`Unknown region "${region}": use one of ${validKeys()}.`);
  return { primary: `https://${found.primaryHost}`, backup: `https://${found.backupHost}` };
}

function validKeys(): string {
  return REGIONS.map((region) => region.key).join(', ');
}

function customBaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(`The endpoint "${text}" is not a URL: write it like https://host[:port].`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`The endpoint must start with https:// (got ${url.protocol}//).`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new ConfigError(
      'The endpoint must use https://: plain http:// is only allowed to this machine (localhost, 127.0.0.1, ::1), ' +
        'because the UserSig travels in the URL.',
    );
  }
  if (url.username || url.password)
    throw new ConfigError('The endpoint must not contain a user name or password.');
  if (url.search || url.hash)
    throw new ConfigError('The endpoint must not contain a query (?) or fragment (#).');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** True for `localhost`, 127.0.0.0/8 and ::1, as WHATWG URL parsing normalises them. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
