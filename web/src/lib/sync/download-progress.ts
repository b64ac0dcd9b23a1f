/**
 * A collection this device is catching up on: its first sync (thousands of patients on a new
 * tablet), or a long time offline. It begins with the first pull answer that says more is to
 * come — or, for a collection never received whole here, before any answer — and ends with the
 * answer that says nothing is left.
 */
export type Download = {
  /** Documents received in this catch-up so far. */
  received: number;
  /** Still to come, as the server last counted them; null while not known (no answer yet). */
  remaining: number | null;
  /** When the first answer of this catch-up arrived (ms), and how many it brought: the rate is
   * measured from there, since the time before it is spent on one request, not on the flow. */
  firstAnswerAt: number | null;
  firstReceived: number;
  /** When the last answer arrived (ms). */
  lastAnswerAt: number | null;
};

/** What the screen shows of a download. */
export type DownloadProgress = {
  received: number;
  /** received + remaining; null while the server has not said. */
  total: number | null;
  /** A rough estimate of the time left, once two answers have given a rate; else null. */
  secondsLeft: number | null;
};

/** A download not begun: the collection is known to be incomplete, nothing counted yet. */
export const NOT_STARTED: Download = {
  received: 0,
  remaining: null,
  firstAnswerAt: null,
  firstReceived: 0,
  lastAnswerAt: null,
};

/** One more pull answer of a catch-up: `remaining` null when the server does not count. */
export function afterAnswer(
  download: Download,
  received: number,
  remaining: number | null,
  at: number,
): Download {
  const first = download.firstAnswerAt === null;
  return {
    received: download.received + received,
    remaining,
    firstAnswerAt: first ? at : download.firstAnswerAt,
    firstReceived: first ? received : download.firstReceived,
    lastAnswerAt: at,
  };
}

/** The downloads of several collections as one (the sync strip shows one line). */
export function combined(downloads: readonly Download[]): DownloadProgress | null {
  if (downloads.length === 0) return null;
  let received = 0;
  let total: number | null = 0;
  let secondsLeft: number | null = 0;
  for (const download of downloads) {
    const progress = progressOf(download);
    received += progress.received;
    total = total === null || progress.total === null ? null : total + progress.total;
    // Collections come down side by side: the slowest decides.
    secondsLeft =
      secondsLeft === null || progress.secondsLeft === null
        ? null
        : Math.max(secondsLeft, progress.secondsLeft);
  }
  return { received, total, secondsLeft };
}

export function progressOf(download: Download): DownloadProgress {
  const { received, remaining, firstAnswerAt, firstReceived, lastAnswerAt } = download;
  const total = remaining === null ? null : received + remaining;
  const flowed = received - firstReceived;
  const elapsed =
    firstAnswerAt !== null && lastAnswerAt !== null ? lastAnswerAt - firstAnswerAt : 0;
  const secondsLeft =
    remaining !== null && flowed > 0 && elapsed > 0
      ? Math.ceil(((remaining / flowed) * elapsed) / 1000)
      : null;
  return { received, total, secondsLeft };
}

/** "About 2 minutes left", in the words staff would use; null while no estimate. */
export function timeLeftText(seconds: number | null): string | null {
  if (seconds === null) return null;
  if (seconds < 60) return 'Less than a minute left';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `About ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} left`;
  const hours = Math.round(minutes / 60);
  return `About ${hours} ${hours === 1 ? 'hour' : 'hours'} left`;
}

/** "1,000 of 3,000", or "1,000 so far" while the total is not known. */
export function countText({ received, total }: DownloadProgress): string {
  const n = received.toLocaleString('en-US');
  return total === null ? `${n} so far` : `${n} of ${total.toLocaleString('en-US')}`;
}
