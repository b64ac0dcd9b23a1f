/**
 * The screen staff wait for — the patient list's first rows, at a cold start — gets the device's
 * network, scripts and CPU first. Work it does not need (the sync machinery, registering the
 * service worker) starts once it is painted, or 1.5 s after start on screens that never say so
 * (sign-in, check-in, administration), so that nothing waits for it for long (#6).
 */
const AT_THE_LATEST_MS = 1_500;

let markShown: () => void = () => {};
const shown = new Promise<void>((resolve) => (markShown = resolve));
let told = false;

/** Called by a page once its first content has rendered: resolves after that frame is painted. */
export function firstScreenShown(): void {
  if (told) return;
  told = true;
  requestAnimationFrame(() => setTimeout(markShown, 0));
}

/** Resolves once the first screen is painted, or after a few seconds at the latest. */
export function afterFirstScreen(): Promise<void> {
  return Promise.race([
    shown,
    new Promise<void>((resolve) => setTimeout(resolve, AT_THE_LATEST_MS)),
  ]);
}
