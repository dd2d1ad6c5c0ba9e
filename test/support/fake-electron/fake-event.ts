/** An Electron event as listeners see it: preventDefault() marks it, plus any event-specific fields. */
export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

/** A fresh event carrying `fields` (e.g. the `url` of a will-navigate). */
export function fakeEvent<T extends object>(fields: T = {} as T): FakeEvent & T {
  return {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}
