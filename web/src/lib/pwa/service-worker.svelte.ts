import type { Workbox } from 'workbox-window';

/**
 * The installed app's service worker. A new version never takes over silently: it waits until
 * staff press "Reload" in the update prompt (local data survives a reload; an unexpected reload
 * in the middle of typing would still be rude).
 */
class AppUpdate {
  available = $state(false);
  private workbox: Workbox | null = null;
  private accepted = false;

  async register(): Promise<void> {
    if (!('serviceWorker' in navigator)) return;
    const { Workbox } = await import('workbox-window');
    const workbox = new Workbox('/sw.js', { scope: '/' });
    workbox.addEventListener('waiting', () => (this.available = true));
    // The first install also takes control (clientsClaim); only a version someone accepted
    // reloads the page. (`isUpdate` is false for updates found after this page registered.)
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (this.accepted) window.location.reload();
    });
    this.workbox = workbox;
    await workbox.register();
    // Browsers look for a new worker only on navigation; a front-desk tab stays open all day.
    setInterval(() => void workbox.update().catch(() => undefined), 30 * 60 * 1000);
  }

  apply(): void {
    this.accepted = true;
    this.workbox?.messageSkipWaiting();
  }
}

export const appUpdate = new AppUpdate();
