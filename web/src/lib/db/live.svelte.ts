import type { Observable } from 'rxjs';
import { createSubscriber } from 'svelte/reactivity';

/**
 * An RxJS observable (an RxDB query, say) as a value Svelte tracks. It subscribes when a
 * component first reads `current` and unsubscribes when the last reader is destroyed, so a
 * page never leaks a live query.
 */
export function live<T, I>(observable: Observable<T>, initial: I): { readonly current: T | I } {
  let value: T | I = initial;
  const subscribe = createSubscriber((update) => {
    const subscription = observable.subscribe((next) => {
      value = next;
      update();
    });
    return () => subscription.unsubscribe();
  });
  return {
    get current() {
      subscribe();
      return value;
    },
  };
}
