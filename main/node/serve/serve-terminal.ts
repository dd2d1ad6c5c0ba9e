import type { MonitorApi } from '../../contract/monitor-api';
import { terminalText } from '../cli/terminal-text';
import { overlayLink } from '../overlay/overlay-token';
import { isLoopbackHost } from './serve-token';

/** The host part of a link to the dashboard: a wildcard address is reached through loopback. */
function linkHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::' || host === '[::]') return '[::1]';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/**
 * Says the dashboard is ready: its link with the token on a line of its own on stdout, where
 * /metrics is, and on stderr a warning when the dashboard can be reached from the network.
 */
export function announce(run: {
  host: string;
  port: number;
  token: string;
  demo: boolean;
  /** Whether a token of its own opens /metrics. */
  metricsToken?: boolean;
  /** The overlay token and a watched room to show its link with, when the overlay is on. */
  overlay?: { token: string; groupId: string | null } | null;
}): void {
  const base = `http://${linkHost(run.host)}:${run.port}`;
  if (!isLoopbackHost(run.host)) {
    process.stderr.write(
      `headcount: warning: the dashboard is reachable from the network (listening on ${run.host} port ${run.port}). ` +
        'Anyone who reaches it with the token sees your rooms and can change what is watched; it speaks plain ' +
        'HTTP, so put a TLS proxy in front of it on networks you do not trust. Secret keys are not accepted ' +
        'from the browser here.\n',
    );
  }
  if (run.demo) {
    process.stderr.write('Demo mode: a built-in simulator plays a scripted show; no account is used.\n');
  }
  process.stdout.write(`Dashboard: ${base}/?token=${encodeURIComponent(run.token)}\n`);
  const scrapeWith = run.metricsToken ? 'the metrics token' : 'the token';
  process.stdout.write(`Metrics: ${base}/metrics (send ${scrapeWith} as a bearer token)\n`);
  if (run.overlay) {
    const { token, groupId } = run.overlay;
    process.stdout.write(
      `Overlay for OBS: ${overlayLink(base, groupId ?? '<group id>', token)}\n` +
        '  (a Browser Source; room= takes any watched group id, URL-encoded: # is %23)\n',
    );
  }
  process.stdout.write('Press Ctrl-C to stop.\n');
}

/**
 * Keeps serving when the server rejects the credentials, so the dashboard can say why; the
 * terminal hears it once per reason.
 */
export function reportRejectedCredentials(api: MonitorApi): () => void {
  let said = '';
  return api.onPush((push) => {
    if (push.type !== 'profiles' && push.type !== 'snapshot') return;
    const profiles = push.type === 'profiles' ? push.profiles : push.snapshot.profiles;
    const failed = profiles.find((profile) => profile.state === 'auth-failed');
    const reason = failed ? `${failed.label}: ${failed.reason ?? 'credentials rejected'}` : '';
    if (reason && reason !== said) {
      process.stderr.write(`headcount: ${terminalText(reason)} (still serving the dashboard)\n`);
    }
    said = reason;
  });
}

/** Resolves on the first SIGINT or SIGTERM. */
export function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
