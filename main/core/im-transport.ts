/**
 * How one IM REST request travels (doc 1047/34620): the signed URL with a fresh `random`, the app's
 * rate gate before every attempt, and the region's backup host when the current one cannot be reached.
 */
import type { Clock } from './clock';
import type { ImError } from './error-kind';
import type { HttpPost, HttpRequest, HttpResponse } from './http-port';
import { type ApiResult, neverReached, transportError } from './im-response';
import { pooledRandomUint32 } from './random-words';
import type { CallSlot } from './rate-budget';
import type { Endpoint } from './regions';
import { UserSigCache } from './usersig-cache';

export interface ImTransportOptions {
  sdkAppId: number;
  identifier: string;
  secretKey: string;
  endpoint: Endpoint;
  post: HttpPost;
  clock: Pick<Clock, 'wall'>;
  /**
   * The rate gate of `command`, passed before every attempt: a slot at once when one is free, else a
   * promise of one. A slot it gives is told when the request left (or, when it never did, once the
   * attempt is over), so the budget dates the call then.
   */
  acquire: (command: string) => CallSlot | undefined | Promise<CallSlot | undefined> | Promise<void>;
  /** Source of the per-request uint32 `random`; crypto-random when not given. */
  random?: () => number;
  timeoutMs: number;
  userSigLifetimeSeconds?: number | undefined;
}

type Attempt = { ok: true; response: HttpResponse } | { ok: false; failure: unknown };

/** What an attempt whose `sendIf` said no when its slot came fails with: nothing was sent. */
const NOT_SENT = Symbol('not sent');

/** Sends signed requests to one app's hosts, staying on whichever host last worked. */
export class ImTransport {
  private readonly sigs: UserSigCache;
  private readonly random: () => number;
  private readonly hosts: string[];
  private hostIndex = 0;
  /** The query of the UserSig last sent, escaped once: its `userSig` is also what `scrub` hides. */
  private queryFor = { userSig: '', text: '' };

  constructor(private readonly options: ImTransportOptions) {
    this.sigs = new UserSigCache(options, options.clock, options.userSigLifetimeSeconds);
    this.random = options.random ?? pooledRandomUint32();
    this.hosts = [options.endpoint.primary, options.endpoint.backup].filter((base): base is string => !!base);
  }

  /**
   * Posts `body` to `service/command`; when the host cannot be reached, tries the other one too.
   * `sendIf`, asked once the command's rate gate lets the call go, can still hold it back (a count
   * gone stale while it waited its turn): then nothing is sent, and the answer is a failure.
   */
  async send(
    service: string,
    command: string,
    body: string,
    sendIf?: () => boolean,
  ): Promise<ApiResult<HttpResponse>> {
    const path = `/v4/${service}/${command}`;
    const current = this.hostIndex;
    const first = await this.attempt(current, command, path, body, sendIf);
    if (first.ok) return { ok: true, value: first.response };
    if (first.failure === NOT_SENT) {
      return {
        ok: false,
        error: { kind: 'transient', message: 'Not sent: no longer wanted when its turn came.' },
      };
    }
    const other = current === 0 ? 1 : 0;
    if (!neverReached(first.failure) || other >= this.hosts.length)
      return this.failure(current, first.failure);
    const second = await this.attempt(other, command, path, body, sendIf);
    if (second.ok) {
      this.hostIndex = other;
      return { ok: true, value: second.response };
    }
    const { error } = this.failure(other, second.failure);
    const alsoTried = `${hostOf(this.hosts[current])} could not be reached either.`;
    return { ok: false, error: { ...error, message: `${error.message} ${alsoTried}` } };
  }

  /** Signs a new UserSig for the following requests (after the server said 70001). */
  renewUserSig(): void {
    this.sigs.renew();
  }

  /** Removes anything secret a server or transport might echo: the key, the UserSig, a `usersig=` query. */
  scrub(text: string): string {
    let clean = text.replace(/usersig=[^&\s]*/gi, 'usersig=[hidden]');
    for (const secret of [this.options.secretKey, this.queryFor.userSig]) {
      if (secret) clean = clean.split(secret).join('[hidden]');
    }
    return clean.slice(0, 300);
  }

  /**
   * One attempt on the host at `index`, once the command's rate gate lets it go: at once when a slot
   * is free, with no turn of the event loop spent waiting for it. The slot ends when the attempt is
   * over, answered, failed or not sent.
   */
  private async attempt(
    index: number,
    command: string,
    path: string,
    body: string,
    sendIf?: () => boolean,
  ): Promise<Attempt> {
    const grant = this.options.acquire(command);
    const slot = (grant instanceof Promise ? await grant : grant) || undefined;
    try {
      if (sendIf && !sendIf()) return { ok: false, failure: NOT_SENT };
      const userSig = this.sigs.get();
      const random = Math.floor(this.random()) >>> 0;
      const request: HttpRequest = {
        url: `${this.hosts[index]}${path}?${this.signedQuery(userSig)}${random}&contenttype=json`,
        body,
        timeoutMs: this.options.timeoutMs,
      };
      if (slot) request.onSent = () => slot.sent();
      try {
        return { ok: true, response: await this.options.post(request) };
      } catch (failure) {
        return { ok: false, failure };
      }
    } finally {
      slot?.done();
    }
  }

  /**
   * The query up to its `random`: the app, the admin and the UserSig (several hundred characters),
   * escaped once per UserSig rather than for every request.
   */
  private signedQuery(userSig: string): string {
    if (this.queryFor.userSig !== userSig) {
      const { sdkAppId, identifier } = this.options;
      this.queryFor = {
        userSig,
        text: `sdkappid=${sdkAppId}&identifier=${encodeURIComponent(identifier)}&usersig=${encodeURIComponent(userSig)}&random=`,
      };
    }
    return this.queryFor.text;
  }

  private failure(index: number, failure: unknown): { ok: false; error: ImError } {
    const error = transportError(failure, hostOf(this.hosts[index]), this.options.timeoutMs, (text) =>
      this.scrub(text),
    );
    return { ok: false, error };
  }
}

function hostOf(base: string | undefined): string {
  try {
    return new URL(base ?? '').host;
  } catch {
    return 'the IM host';
  }
}
