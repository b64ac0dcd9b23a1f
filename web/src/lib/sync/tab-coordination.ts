import type { Download } from './download-progress.ts';
import type { Connection, SyncStatus } from './sync-status.svelte.ts';

type StatusSnapshot = {
  connection: Connection;
  pending: number;
  pendingByKind: Record<string, number>;
  counting: boolean;
  lastSyncAt: string | null;
  lastProblem: string | null;
  downloads: Record<string, Download>;
  downloadsKnown: boolean;
};
type Message = { type: 'status'; status: StatusSnapshot } | { type: 'hello' };

/**
 * Several tabs of one user share one local database, and only the leader tab (RxDB's leader
 * election, on Web Locks) talks to the server. The leader tells the other tabs what the sync
 * state is; a follower shows it. When the leader tab closes, another tab wins the election and
 * `onLeadership` starts its sync.
 */
export function coordinateTabs(options: {
  userId: string;
  status: SyncStatus;
  waitForLeadership: () => Promise<unknown>;
  onLeadership: () => void;
}): { isLeader: () => boolean; close: () => void } {
  const { status } = options;
  let leader = false;
  let closed = false;
  const channel = new BroadcastChannel(`clinicdesk-sync-status-${options.userId}`);

  const snapshot = (): StatusSnapshot => ({
    connection: status.connection,
    pending: status.pending,
    pendingByKind: status.pendingByKind,
    counting: status.counting,
    lastSyncAt: status.lastSyncAt,
    lastProblem: status.lastProblem,
    downloads: status.downloads,
    downloadsKnown: status.downloadsKnown,
  });
  const announce = () => {
    if (leader && !closed)
      channel.postMessage({ type: 'status', status: snapshot() } satisfies Message);
  };

  const stopWatching = status.onChange(announce);
  channel.onmessage = (event: MessageEvent<Message>) => {
    const message = event.data;
    if (message.type === 'hello') announce();
    else if (message.type === 'status' && !leader) status.showLeaderState(message.status);
  };
  // A tab that opens late asks the leader for the current state instead of waiting for a change.
  channel.postMessage({ type: 'hello' } satisfies Message);

  void options.waitForLeadership().then(() => {
    if (closed) return;
    leader = true;
    options.onLeadership();
    announce();
  });

  return {
    isLeader: () => leader,
    close() {
      closed = true;
      stopWatching();
      channel.close();
    },
  };
}
