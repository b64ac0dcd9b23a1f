/**
 * Which documents' files this device keeps for working through an outage (issue 12.9), within
 * the storage the practice gives each device. Pure: the files, their sizes and when each was
 * last used are passed in.
 *
 * In order of what matters most:
 * 1. files taken here that the server does not have yet (`unsynced`): never evicted — they are
 *    the only copy;
 * 2. files of documents someone pinned ("Keep on this device"): never evicted, fetched even
 *    past the budget (the plan then says so: `overBudget`);
 * 3. today's patients' recent documents, in the order given (most wanted first), while they fit;
 * 4. the other documents' files already here, the most recently used first.
 * What does not fit is evicted, least recently used first.
 */

/** A file on this device: its address, its size in bytes, when it was last opened or stored. */
export type StoredFile = { sha256: string; size: number; usedAt: string };

/** A file a document on this device points at (its latest version). */
export type WantedFile = { sha256: string; size: number };

export type KeepReason = 'unsynced' | 'pinned' | 'today' | 'recently-used';

export type OfflinePlanInput = {
  stored: readonly StoredFile[];
  /** Files waiting in this device's upload queue. */
  unsynced: ReadonlySet<string>;
  pinned: readonly WantedFile[];
  /** Today's patients' recent documents' files, the most wanted first. */
  today: readonly WantedFile[];
  /**
   * The files that documents on this device point at (any version). A stored file outside it
   * (a patient's photo, a card scan) is not the keeper's: neither counted nor evicted.
   */
  documentFiles: ReadonlySet<string>;
  budgetBytes: number;
  /** Whether files not here may be fetched now; offline, the plan counts only what is here. */
  online: boolean;
};

export type OfflinePlan = {
  /** Files here that stay, and why. */
  keep: ReadonlyMap<string, KeepReason>;
  /** Files to fetch from the server (pinned ones first), with why. */
  download: readonly (WantedFile & { reason: 'pinned' | 'today' })[];
  /** Files here to remove, least recently used first. */
  evict: readonly string[];
  /** Pinned files not here that cannot be fetched now (offline). */
  missing: readonly WantedFile[];
  /** What the device holds against the budget once the plan is carried out. */
  usedBytes: number;
  /** What unsynced and pinned files alone take. */
  essentialBytes: number;
  /** Unsynced and pinned files alone take more than the budget. */
  overBudget: boolean;
};

export function planOfflineFiles(input: OfflinePlanInput): OfflinePlan {
  const stored = new Map(input.stored.map((file) => [file.sha256, file]));
  const keep = new Map<string, KeepReason>();
  const download: (WantedFile & { reason: 'pinned' | 'today' })[] = [];
  const fetching = new Set<string>();
  const missing: WantedFile[] = [];
  let used = 0;

  for (const file of input.stored)
    if (input.unsynced.has(file.sha256) && !keep.has(file.sha256)) {
      keep.set(file.sha256, 'unsynced');
      used += size(file.size);
    }

  for (const wanted of input.pinned) {
    if (keep.has(wanted.sha256) || fetching.has(wanted.sha256)) continue;
    const here = stored.get(wanted.sha256);
    if (here) {
      keep.set(wanted.sha256, 'pinned');
      used += size(here.size);
    } else if (input.online) {
      fetching.add(wanted.sha256);
      download.push({ ...wanted, reason: 'pinned' });
      used += size(wanted.size);
    } else if (!missing.some((file) => file.sha256 === wanted.sha256)) missing.push(wanted);
  }
  const essentialBytes = used;

  for (const wanted of input.today) {
    if (keep.has(wanted.sha256) || fetching.has(wanted.sha256)) continue;
    const here = stored.get(wanted.sha256);
    if (!here && !input.online) continue;
    const bytes = size(here?.size ?? wanted.size);
    // One that does not fit is skipped, not the end: a smaller one after it may.
    if (used + bytes > input.budgetBytes) continue;
    used += bytes;
    if (here) keep.set(wanted.sha256, 'today');
    else {
      fetching.add(wanted.sha256);
      download.push({ ...wanted, reason: 'today' });
    }
  }

  // The rest: documents' files already here, evicted from the least recently used until the
  // whole fits. (A file of today's that did not fit above is among them, and goes.)
  const rest = input.stored
    .filter((file) => !keep.has(file.sha256) && input.documentFiles.has(file.sha256))
    .sort(leastRecentlyUsedFirst);
  let total = used + rest.reduce((sum, file) => sum + size(file.size), 0);
  const evict: string[] = [];
  for (const file of rest) {
    if (total <= input.budgetBytes) {
      keep.set(file.sha256, 'recently-used');
      continue;
    }
    evict.push(file.sha256);
    total -= size(file.size);
  }

  return {
    keep,
    download,
    evict,
    missing,
    usedBytes: total,
    essentialBytes,
    overBudget: essentialBytes > input.budgetBytes,
  };
}

/** Oldest use first; two used at the same instant by address, so every device plans alike. */
function leastRecentlyUsedFirst(a: StoredFile, b: StoredFile): number {
  if (a.usedAt !== b.usedAt) return a.usedAt < b.usedAt ? -1 : 1;
  return a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0;
}

/** A size as counted: a negative or unreadable one (a damaged entry) counts as nothing. */
function size(bytes: number): number {
  return Number.isFinite(bytes) && bytes > 0 ? bytes : 0;
}
