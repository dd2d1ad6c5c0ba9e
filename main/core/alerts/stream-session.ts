import type { Sample } from '../monitor-events';

/** A stream session of one room: from going live to going back to 0 or closing. */
export interface StreamSession {
  startedAt: number;
  /** False when the room was already live when watching began, so the real start is unknown. */
  sawStart: boolean;
  peak: Sample;
  /** Sum and count of the samples, for the average. */
  total: number;
  samples: number;
  lastAt: number;
}

export interface SessionSummary {
  startedAt: number;
  endedAt: number;
  sawStart: boolean;
  durationMs: number;
  peak: Sample;
  average: number;
}

/** Tracks the current stream session of one room from its samples. */
export class SessionTracker {
  private session: StreamSession | null = null;
  private seenAny = false;

  get current(): StreamSession | null {
    return this.session;
  }

  /**
   * Feeds a sample. Returns `started` when this sample began a session (and the start was seen, not
   * inherited from before watching), `ended` with the summary when it ended one.
   */
  onSample(sample: Sample): { started: boolean; ended: SessionSummary | null } {
    const first = !this.seenAny;
    this.seenAny = true;
    if (sample.online > 0) {
      if (!this.session) {
        this.session = {
          startedAt: sample.at,
          sawStart: !first,
          peak: sample,
          total: sample.online,
          samples: 1,
          lastAt: sample.at,
        };
        return { started: !first, ended: null };
      }
      const s = this.session;
      if (sample.online > s.peak.online) s.peak = sample;
      s.total += sample.online;
      s.samples += 1;
      s.lastAt = sample.at;
      return { started: false, ended: null };
    }
    return { started: false, ended: this.end(sample.at) };
  }

  /** The room closed: the session, if any, ends now. */
  end(at: number): SessionSummary | null {
    const s = this.session;
    this.session = null;
    this.seenAny = true;
    if (!s) return null;
    return {
      startedAt: s.startedAt,
      endedAt: at,
      sawStart: s.sawStart,
      durationMs: at - s.startedAt,
      peak: s.peak,
      average: s.total / s.samples,
    };
  }
}
