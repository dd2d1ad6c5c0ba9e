import type { AlertPhase, AlertRule, Severity } from '../../common/alert-rules';
import type { ErrorKind } from '../../common/error-kinds';
import type { ChangeSettings, RuleSettings } from '../../common/rule-settings';
import type { ImError } from '../error-kind';
import type { Sample } from '../monitor-events';
import type { Alert } from './alert';
import { alertMessage, clockTime, duration, people, roomName, signedPercent } from './alert-text';
import { FiringState, type Transition } from './firing-state';
import { recoveryPoint } from './rule-settings';
import { type SessionSummary, SessionTracker } from './stream-session';

/** An alert before it is given its id and profile. */
export type AlertDraft = Omit<Alert, 'id' | 'profile'>;

/** What an alert says as data besides its words; the peak defaults to the running session's. */
type DraftFacts = Pick<AlertDraft, 'value' | 'threshold' | 'session' | 'errorKind'> & {
  change?: { people: number; percent: number; windowMs: number } | null;
  peak?: Sample;
};

const SEVERITY: Record<AlertRule, Severity> = {
  above: 'warning',
  below: 'warning',
  spike: 'info',
  drop: 'warning',
  peak: 'info',
  milestone: 'info',
  failing: 'warning',
  stale: 'warning',
  closed: 'critical',
  auth: 'critical',
  account: 'critical',
  session: 'info',
  'push-failing': 'warning',
};

/** Evaluates every rule of one room on its samples, failures and state changes. */
export class RoomAlerts {
  private readonly states = new Map<AlertRule, FiringState>();
  private readonly recent: Sample[] = [];
  private readonly sessions = new SessionTracker();
  private peakAnnounced = 0;
  private milestonesAnnounced = new Set<number>();
  private firstFailureAt: number | null = null;
  /** Whether the room ever answered with a count: a 10010 after one means closed, before one not found. */
  private counted = false;
  /** Set after the machine woke: staleness is expected until the next fresh count. */
  private staleExpected = false;
  private out: AlertDraft[] = [];
  /** What the next settled alert's title says instead of its rule's usual words. */
  private what: string | undefined;

  constructor(
    readonly groupId: string,
    private rules: Required<RuleSettings>,
    private label?: string,
  ) {}

  setRules(rules: Required<RuleSettings>, label?: string): void {
    this.rules = rules;
    this.label = label;
  }

  onSample(sample: Sample): AlertDraft[] {
    this.out = [];
    const { at, online } = sample;
    if (!this.counted) this.alreadyThere(online);
    this.counted = true;
    this.staleExpected = false;
    this.firstFailureAt = null;
    const counted = { value: online };
    this.settle('failing', at, false, true, 0, counted);
    this.settle('stale', at, false, true, 0, counted);
    this.settle('closed', at, false, true, 0, counted);
    // Sessions first, so the other alerts quote a peak that includes this sample.
    this.sessionEvents(sample);
    this.thresholds(sample);
    this.changes(sample);
    this.recent.push(sample);
    this.forgetOlderThan(at - this.longestWindow());
    return this.out;
  }

  onError(error: ImError, at: number, consecutiveFailures: number): AlertDraft[] {
    this.out = [];
    if (error.kind === 'group-gone' && !this.counted) {
      // Never counted: most likely a mistyped id, which is a fault to fix, not a stream that ended.
      this.what = 'not found, check the id';
      this.settle('failing', at, true, false, 0, {}, NOT_FOUND, error.kind);
    } else if (error.kind === 'group-gone') {
      if (this.rules.closed) this.settle('closed', at, true, false, 0, {}, error.message, error.kind);
      this.sessionEnded(this.sessions.end(at));
      // Its stream is over: a room that goes live again announces its peaks and milestones anew.
      this.forgetAnnounced();
    } else if (error.kind === 'not-live-room' || error.kind === 'invalid-group') {
      // Polling stops for good: say so at once rather than after K failures.
      this.what = error.kind === 'not-live-room' ? 'not a live room' : 'invalid id';
      this.settle('failing', at, true, false, 0, {}, error.message, error.kind);
    } else if (
      this.rules.failing &&
      error.kind !== 'rate-limited' &&
      error.kind !== 'auth' &&
      error.kind !== 'account'
    ) {
      this.firstFailureAt ??= at;
      const { consecutive, forSeconds } = this.rules.failing;
      const failing = consecutiveFailures >= consecutive || at - this.firstFailureAt >= forSeconds * 1000;
      this.settle('failing', at, failing, false, 0, {}, error.message, error.kind);
    }
    return this.out;
  }

  onStale(at: number): AlertDraft[] {
    this.out = [];
    if (this.rules.stale && !this.staleExpected) {
      this.settle('stale', at, true, false, 0, {}, 'no fresh count for two polling intervals');
    }
    return this.out;
  }

  /** The machine slept: the coming staleness is expected, not news. */
  onResumed(): void {
    this.staleExpected = true;
  }

  private thresholds(sample: Sample): void {
    for (const direction of ['above', 'below'] as const) {
      const settings = this.rules[direction];
      if (!settings) continue;
      const recoverAt = recoveryPoint(direction, settings);
      const fire =
        direction === 'above' ? sample.online >= settings.threshold : sample.online <= settings.threshold;
      const clear = direction === 'above' ? sample.online < recoverAt : sample.online > recoverAt;
      // The message's heading says the rule and its threshold ("Above 1,000: fired").
      const facts = { value: sample.online, threshold: settings.threshold };
      this.settle(direction, sample.at, fire, clear, (settings.forSeconds ?? 0) * 1000, facts);
    }
  }

  private changes(sample: Sample): void {
    for (const rule of ['spike', 'drop'] as const) {
      const settings = this.rules[rule];
      if (!settings) continue;
      const change = this.changeWithin(sample, settings, rule);
      const meets = (s: ChangeSettings, factor: number) =>
        change !== null &&
        Math.abs(change.people) >= s.people * factor &&
        Math.abs(change.percent) >= s.percent * factor;
      const transition = this.state(rule).update(
        sample.at,
        meets(settings, 1),
        !meets(settings, 0.5),
        0,
        this.repeatMs,
      );
      if (!transition) continue;
      if (transition === 'recovered' && !this.rules.recovered) continue;
      const detail =
        change && transition !== 'recovered'
          ? `${signedPercent(change.percent)} in ${duration(change.windowMs)}`
          : `settled at ${people(sample.online)}`;
      this.push(rule, phaseOf(transition), sample.at, `${people(sample.online)} online`, detail, {
        value: sample.online,
        change,
      });
    }
  }

  /**
   * The largest rise (spike) or fall (drop) into this sample from any sample within the window. An
   * audience arriving as a stream starts is the session's news, not a spike: a rise is measured only
   * from counts after the session's first window, so the ramp's tail does not fire once it ends.
   */
  private changeWithin(sample: Sample, settings: ChangeSettings, rule: 'spike' | 'drop') {
    const windowMs = settings.windowSeconds * 1000;
    const session = this.sessions.current;
    const rampEnds = rule === 'spike' && session?.sawStart ? session.startedAt + windowMs : 0;
    const since = Math.max(sample.at - windowMs, rampEnds);
    let from: Sample | null = null;
    for (const earlier of this.recent) {
      if (earlier.at < since || earlier.online <= 0) continue;
      // The latest of equal extremes, so the change is told over the shortest time it took.
      if (!from || (rule === 'spike' ? earlier.online <= from.online : earlier.online >= from.online))
        from = earlier;
    }
    if (!from) return null;
    const diff = sample.online - from.online;
    if (rule === 'spike' ? diff <= 0 : diff >= 0) return null;
    // The time the change took, as the message tells it, not the rule's whole window.
    return { people: diff, percent: (diff / from.online) * 100, windowMs: sample.at - from.at, from };
  }

  /**
   * The first count of a room is where watching began, not news: the milestones it is already past
   * and its peak so far are taken as known, so that none fires on it ("passed 5,000" for a room that
   * was at 12,000 before anyone looked).
   */
  private alreadyThere(online: number): void {
    for (const milestone of this.rules.milestones)
      if (online >= milestone) this.milestonesAnnounced.add(milestone);
    this.peakAnnounced = online;
  }

  private sessionEvents(sample: Sample): void {
    const { started, ended } = this.sessions.onSample(sample);
    this.sessionEnded(ended);
    if (started && this.rules.sessions) {
      this.push('session', 'notice', sample.at, 'stream started', `${people(sample.online)} online`, {
        value: sample.online,
        session: { event: 'started' },
      });
    }
    if (ended || sample.online <= 0) {
      this.forgetAnnounced();
      return;
    }
    const peak = this.rules.peak;
    const session = this.sessions.current;
    if (peak && session && sample.online >= peak.minOnline && sample.online === session.peak.online) {
      // In whole percents, so that 110 is 10 % above 100 (100 * 1.1 is 110.00000000000001).
      if (
        sample.online * 100 >= this.peakAnnounced * (100 + peak.stepPercent) &&
        sample.online > this.peakAnnounced
      ) {
        this.peakAnnounced = sample.online;
        this.push(
          'peak',
          'notice',
          sample.at,
          `new peak ${people(sample.online)}`,
          'highest of this stream',
          { value: sample.online },
        );
      }
    }
    for (const milestone of this.rules.milestones) {
      if (sample.online >= milestone && !this.milestonesAnnounced.has(milestone)) {
        this.milestonesAnnounced.add(milestone);
        this.push(
          'milestone',
          'notice',
          sample.at,
          `passed ${people(milestone)} online`,
          `${people(sample.online)} now`,
          { value: sample.online, threshold: milestone },
        );
      }
    }
  }

  /** A stream ended: the next one's peaks and milestones are news again. */
  private forgetAnnounced(): void {
    this.peakAnnounced = 0;
    this.milestonesAnnounced = new Set();
  }

  private sessionEnded(summary: SessionSummary | null): void {
    if (!summary || !this.rules.sessions) return;
    const length = summary.sawStart
      ? `after ${duration(summary.durationMs)}`
      : `(watched for ${duration(summary.durationMs)})`;
    const detail = `peak ${people(summary.peak.online)} at ${clockTime(summary.peak.at)}, average ${people(summary.average)}`;
    this.push('session', 'notice', summary.endedAt, `stream ended ${length}`, detail, {
      peak: summary.peak,
      session: {
        event: 'ended',
        sawStart: summary.sawStart,
        durationMs: summary.durationMs,
        average: summary.average,
      },
    });
  }

  /** Feeds a firing-state rule and turns its transition into an alert. */
  private settle(
    rule: AlertRule,
    at: number,
    fire: boolean,
    clear: boolean,
    forMs: number,
    facts: Pick<DraftFacts, 'value' | 'threshold'>,
    because: string | (() => string) = '',
    errorKind?: ErrorKind,
  ): void {
    const transition = this.state(rule).update(at, fire, clear, forMs, this.repeatMs);
    if (!transition) return;
    if (transition === 'recovered' && !this.rules.recovered) return;
    // Words are built only for an alert that goes out: formatting numbers on every sample costs.
    const why = typeof because === 'function' ? because() : because;
    const { value } = facts;
    const what = value === undefined ? (this.what ?? RULE_WORDS[rule]) : `${people(value)} online`;
    this.what = undefined;
    // The heading says the rule and that it recovered; the failure's words are no longer news.
    const detail = transition === 'recovered' ? '' : why;
    // A recovery is told by the count that ended it, not by the failure it ended.
    const kind = transition === 'recovered' ? undefined : errorKind;
    this.push(rule, phaseOf(transition), at, what, detail, {
      ...facts,
      ...(kind ? { errorKind: kind } : {}),
    });
  }

  private push(
    rule: AlertRule,
    phase: AlertPhase,
    at: number,
    what: string,
    detail: string,
    facts: DraftFacts = {},
  ): void {
    const { value, change, peak, threshold, session, errorKind } = facts;
    const sessionPeak = peak ?? this.sessions.current?.peak;
    const peakText =
      sessionPeak && rule !== 'session' && value !== undefined ? `peak ${people(sessionPeak.online)}` : '';
    const name = roomName(this.groupId, this.label);
    this.out.push({
      rule,
      phase,
      severity: phase === 'recovered' ? 'info' : SEVERITY[rule],
      groupId: this.groupId,
      ...(this.label ? { label: this.label } : {}),
      title: `${name}: ${what}`,
      message: alertMessage({ rule, phase, threshold, details: [detail, peakText], groupId: this.groupId }),
      at,
      ...(value === undefined ? {} : { value }),
      ...(change
        ? { change: { people: change.people, percent: change.percent, windowMs: change.windowMs } }
        : {}),
      ...(sessionPeak ? { peak: { online: sessionPeak.online, at: sessionPeak.at } } : {}),
      ...(threshold === undefined ? {} : { threshold }),
      ...(session ? { session } : {}),
      ...(errorKind ? { errorKind } : {}),
    });
  }

  private state(rule: AlertRule): FiringState {
    let state = this.states.get(rule);
    if (!state) {
      state = new FiringState();
      this.states.set(rule, state);
    }
    return state;
  }

  private longestWindow(): number {
    return Math.max(this.rules.spike?.windowSeconds ?? 0, this.rules.drop?.windowSeconds ?? 0) * 1000;
  }

  /** How often a rule that keeps firing reminds (0: never). */
  private get repeatMs(): number {
    return this.rules.repeatMinutes * 60_000;
  }

  private forgetOlderThan(at: number): void {
    let drop = 0;
    while (drop < this.recent.length && (this.recent[drop] as Sample).at < at) drop++;
    if (drop > 0) this.recent.splice(0, drop);
  }
}

const RULE_WORDS: Record<AlertRule, string> = {
  above: 'above threshold',
  below: 'below threshold',
  spike: 'spike',
  drop: 'drop',
  peak: 'peak',
  milestone: 'milestone',
  failing: 'polls failing',
  stale: 'count is stale',
  closed: 'room closed',
  auth: 'credentials rejected',
  account: 'account problem',
  session: 'stream',
  'push-failing': 'count not reaching viewers',
};

const NOT_FOUND =
  'The server knows no room with this id (10010) and it never answered with a count: check the id, or it closed before watching began.';

function phaseOf(transition: NonNullable<Transition>): AlertPhase {
  return transition === 'fired' ? 'firing' : transition;
}
