import type { Random } from './random.ts';
import { NO_TRACE, sketch, type TraceSink } from './trace.ts';

/** Per-request probabilities of each network fault while faults are on. */
export type FaultRates = {
  /** The request never leaves the device. */
  dropRequest: number;
  /** The server handles the request, but its answer never reaches the device. */
  dropResponse: number;
  /** The request is sent twice; the device sees one answer. */
  duplicate: number;
  /** Of the duplicates, those sent late, after newer requests of the same device (reordering). */
  lateDuplicate: number;
  /** The request waits a little before it is sent. */
  delay: number;
  maxDelayMs: number;
};

/**
 * The real `fetch`, taken before a device's worker points the global one at its own network
 * (device-worker.ts: the app's file uploads use the global `fetch`).
 */
const realFetch = globalThis.fetch;

export const DEFAULT_FAULT_RATES: FaultRates = {
  dropRequest: 0.1,
  dropResponse: 0.1,
  duplicate: 0.15,
  lateDuplicate: 0.5,
  delay: 0.3,
  maxDelayMs: 120,
};

export type NetworkCounts = {
  requests: number;
  droppedRequests: number;
  droppedResponses: number;
  duplicated: number;
  reordered: number;
  delayed: number;
  refusedWhileOffline: number;
};

/**
 * The network between the simulated devices and the server. Each device gets a `fetch` that
 * carries its session cookie and, while faults are on, loses, repeats, delays and reorders its
 * requests; a partitioned device reaches nothing. Every decision about one request is drawn from
 * the device's own seeded stream when the request starts, so the n-th request of a device meets
 * the same fate in every run with the same seed.
 */
export class FaultyNetwork {
  readonly counts: NetworkCounts = {
    requests: 0,
    droppedRequests: 0,
    droppedResponses: 0,
    duplicated: 0,
    reordered: 0,
    delayed: 0,
    refusedWhileOffline: 0,
  };
  private faultsOn = false;
  private readonly offline = new Set<number>();
  /** Duplicates still on their way; the final check waits for them. */
  private readonly stray = new Set<Promise<void>>();
  private readonly rates: FaultRates;
  private readonly trace: TraceSink;

  constructor(rates: FaultRates = DEFAULT_FAULT_RATES, trace: TraceSink = NO_TRACE) {
    this.rates = rates;
    this.trace = trace;
  }

  startFaults(): void {
    this.faultsOn = true;
  }

  /** Ends every fault and partition: from now on each request is delivered once, in order. */
  heal(): void {
    this.faultsOn = false;
    this.offline.clear();
  }

  setOffline(device: number, offline: boolean): void {
    if (offline) this.offline.add(device);
    else this.offline.delete(device);
  }

  isOffline(device: number): boolean {
    return this.offline.has(device);
  }

  get offlineCount(): number {
    return this.offline.size;
  }

  /** Resolves once no duplicate is still in flight. */
  async drain(): Promise<void> {
    while (this.stray.size > 0) await Promise.allSettled([...this.stray]);
  }

  fetchFor(device: number, rng: Random, cookie: string): typeof fetch {
    let serial = 0;
    return async (input, init) => {
      this.counts.requests++;
      const request = `d${device}#${++serial}`;
      const headers = new Headers(init?.headers);
      headers.set('cookie', cookie);
      const send = async (copy = '') => {
        const response = await realFetch(input, { ...init, headers });
        if (this.trace.enabled) this.traceResponse(request + copy, response.clone());
        return response;
      };
      if (this.trace.enabled) this.traceRequest(request, String(input), init);

      if (this.offline.has(device)) {
        this.counts.refusedWhileOffline++;
        this.trace.log({ request, fate: 'offline' });
        await sleep(rng.int(1, 20));
        throw new TypeError('fetch failed (device is offline)');
      }
      if (!this.faultsOn) return send();

      // Drawn up front, in a fixed order, so that timing never shifts the device's stream.
      const fate = {
        dropRequest: rng.chance(this.rates.dropRequest),
        delayMs: rng.chance(this.rates.delay) ? rng.int(1, this.rates.maxDelayMs) : 0,
        duplicate: rng.chance(this.rates.duplicate),
        lateByMs: rng.chance(this.rates.lateDuplicate) ? rng.int(150, 2_500) : 0,
        dropResponse: rng.chance(this.rates.dropResponse),
      };
      this.trace.log({ request, fate });

      if (fate.dropRequest) {
        this.counts.droppedRequests++;
        throw new TypeError('fetch failed (request lost)');
      }
      if (fate.delayMs > 0) {
        this.counts.delayed++;
        await sleep(fate.delayMs);
      }
      if (fate.duplicate) {
        this.counts.duplicated++;
        if (fate.lateByMs > 0) this.counts.reordered++;
        this.track(
          (async () => {
            if (fate.lateByMs > 0) await sleep(fate.lateByMs);
            const echo = await send(' (copy)');
            await echo.arrayBuffer();
          })(),
        );
      }
      const response = await send();
      if (fate.dropResponse) {
        // Read to the end first: the server has done all its work when the answer is lost.
        await response.arrayBuffer().catch(() => undefined);
        this.counts.droppedResponses++;
        throw new TypeError('fetch failed (response lost)');
      }
      return response;
    };
  }

  private traceRequest(request: string, url: string, init: RequestInit | undefined): void {
    const body =
      typeof init?.body === 'string'
        ? (JSON.parse(init.body) as {
            rows: { assumedMasterState?: unknown; newDocumentState: unknown }[];
          })
        : undefined;
    this.trace.log({
      request,
      url: url.replace(/^.*\/v1\//, ''),
      rows: body?.rows.map((row) => ({
        assumed: sketch(row.assumedMasterState),
        next: sketch(row.newDocumentState),
      })),
    });
  }

  private traceResponse(request: string, response: Response): void {
    void response
      .json()
      .then((body: { documents?: unknown[]; conflicts?: unknown[]; rejected?: unknown[] }) =>
        this.trace.log({
          request,
          status: response.status,
          documents: body.documents?.map(sketch),
          conflicts: body.conflicts?.map(sketch),
          rejected: body.rejected,
        }),
      )
      .catch(() => this.trace.log({ request, status: response.status, body: 'unreadable' }));
  }

  private track(copy: Promise<void>): void {
    // A duplicate that fails (server down, say) is just another lost packet.
    const settled = copy.catch(() => undefined);
    this.stray.add(settled);
    void settled.finally(() => this.stray.delete(settled));
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
