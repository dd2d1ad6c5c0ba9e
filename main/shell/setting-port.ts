/** One setting as a shell module reads and writes it; the wiring backs it with the settings store. */
export interface SettingPort<T> {
  get(): T;
  set(value: T): void;
}
