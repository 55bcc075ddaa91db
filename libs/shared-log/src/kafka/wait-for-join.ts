import type { Consumer } from 'kafkajs';

/**
 * Resolves when `consumer` joins its group, rejects after `timeoutMs` naming `who`. `cancel` stops
 * waiting (e.g. when `run` itself failed first) without an unhandled rejection.
 */
export function waitForJoin(
  consumer: Consumer,
  timeoutMs: number,
  who = 'consumer',
): { promise: Promise<void>; cancel(): void } {
  let remove = () => {};
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<void>((resolve, reject) => {
    remove = consumer.on(consumer.events.GROUP_JOIN, () => {
      clearTimeout(timer);
      remove();
      resolve();
    });
    timer = setTimeout(() => {
      remove();
      reject(new Error(`${who} did not join its group within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  return {
    promise,
    cancel: () => {
      clearTimeout(timer);
      remove();
      promise.catch(() => undefined);
    },
  };
}
