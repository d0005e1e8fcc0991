/**
 * Timers in a dedicated Worker: Chrome throttles the timers of a hidden tab's page to once a minute
 * after five minutes, which would slow a campaign from 8 messages a second to one a minute. Worker
 * timers are not throttled that way, so the page asks the worker to wake it.
 */
const timers = new Map<number, ReturnType<typeof setTimeout>>();

// The worker's global scope, typed by hand: the DOM and WebWorker libraries cannot share a program.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<{ id: number; ms?: number; cancel?: true }>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
  const { id, ms, cancel } = event.data;
  if (cancel) {
    clearTimeout(timers.get(id));
    timers.delete(id);
    return;
  }
  timers.set(
    id,
    setTimeout(() => {
      timers.delete(id);
      scope.postMessage({ id });
    }, ms ?? 0),
  );
};

export {};
