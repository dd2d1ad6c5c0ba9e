/**
 * `Notification`, recording what was shown. How `show()` answers is set per test, as the platforms
 * differ: Linux emits `show` before `show()` returns (libnotify), macOS and Windows a moment later or
 * `failed` with a reason; a notification the presenter never creates answers nothing at all.
 */
import { EventEmitter } from 'node:events';

/** How the next notifications answer `show()`. */
export type FakeShowAnswer = 'show-now' | 'show-later' | 'fail' | 'nothing';

interface Options {
  title?: string;
  body?: string;
  urgency?: 'normal' | 'critical' | 'low';
  silent?: boolean;
}

export class Notification extends EventEmitter {
  static supported = true;
  static answer: FakeShowAnswer = 'show-now';
  static failure = 'Toast could not be shown: the app is not registered';
  /** Every notification made since the last {@link Notification.reset}. */
  static made: Notification[] = [];

  static isSupported(): boolean {
    return Notification.supported;
  }

  /** Test helper: back to a system that shows everything at once. */
  static reset(): void {
    Notification.supported = true;
    Notification.answer = 'show-now';
    Notification.made = [];
  }

  readonly options: Options;
  shown = 0;
  closed = false;

  constructor(options: Options = {}) {
    super();
    this.options = { ...options };
    Notification.made.push(this);
  }

  show(): void {
    this.shown++;
    const answer = Notification.answer;
    if (answer === 'show-now') this.emit('show', {});
    else if (answer === 'show-later') setImmediate(() => this.emit('show', {}));
    else if (answer === 'fail') setImmediate(() => this.emit('failed', {}, Notification.failure));
  }

  close(): void {
    this.closed = true;
  }

  /** Test helper: the user clicks it. */
  click(): void {
    this.emit('click', {});
  }

  /** Test helper: the user or a timeout closes it. */
  dismiss(): void {
    this.emit('close', {});
  }
}
