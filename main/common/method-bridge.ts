/**
 * The calling side of a remote API, made from the list of its method names: each method forwards
 * its arguments to `call` and answers with what `call` answers. The Electron preload (over IPC) and
 * the web client (over HTTP) both make their MonitorApi this way from the contract's
 * `MONITOR_METHODS`, so a method added to the contract is carried by both with no edit of theirs.
 *
 * Give both type arguments: `forwardMethods<MonitorApi, MonitorMethod>(MONITOR_METHODS, call)`. The
 * answer is typed as the API says; that `call` keeps that promise is the transport's to check (main
 * validates every call's arguments, and answers with what the method returned).
 */
export function forwardMethods<
  Api extends Record<Method, (...args: never[]) => Promise<unknown>>,
  Method extends string,
>(
  methods: readonly Method[],
  call: (method: Method, args: unknown[]) => Promise<unknown>,
): Pick<Api, Method> {
  const entries = methods.map((method) => [method, (...args: unknown[]) => call(method, args)]);
  // The one unchecked step: each entry forwards its method's own arguments and answer.
  return Object.fromEntries(entries) as unknown as Pick<Api, Method>;
}
