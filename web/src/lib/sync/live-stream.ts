import {
  DEVICE_HEADER,
  HEARTBEAT_SECONDS,
  PROTOCOL_VERSION,
  type StreamEvent,
} from '@clinicdesk/shared/sync/protocol.ts';
import { api } from '../api/client.ts';
import { type ApiFailure, failureOf } from '../api/http.ts';

export type LiveStreamHandlers = {
  onOpen: () => void;
  onEvent: (event: StreamEvent) => void;
  onDown: (problem: ApiFailure) => void;
};

export type LiveStream = { close: () => void; reconnectNow: () => void };

const BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 15_000];

/**
 * One server-sent-event stream per device, read with fetch rather than EventSource so that a
 * 401 or 426 is seen as such (EventSource hides status codes). The server sends `resync` on
 * connect and a heartbeat every few seconds; three missed heartbeats count as a dead link
 * (Wi-Fi that drops silently never closes the socket), and the stream reconnects with backoff.
 */
export function openLiveStream(deviceId: string, handlers: LiveStreamHandlers): LiveStream {
  let closed = false;
  let attempt = 0;
  let controller: AbortController | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let wakeRetry: (() => void) | null = null;

  // The protocol and device go in the query as well (the server's rule for the stream).
  const query = { protocol: String(PROTOCOL_VERSION), device: deviceId };

  async function connectOnce(): Promise<void> {
    controller = new AbortController();
    const signal = controller.signal;
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const feedWatchdog = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => controller?.abort(), HEARTBEAT_SECONDS * 3 * 1000);
    };
    try {
      const response = await api.sync.v1.stream.$get(
        { query },
        { headers: { accept: 'text/event-stream', [DEVICE_HEADER]: deviceId }, init: { signal } },
      );
      if (!response.ok || !response.body) {
        handlers.onDown(await failureOf(response));
        return;
      }
      attempt = 0;
      handlers.onOpen();
      feedWatchdog();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        feedWatchdog();
        buffer += value;
        let boundary = buffer.indexOf('\n\n');
        while (boundary >= 0) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          const event = parseEventBlock(block);
          if (event) handlers.onEvent(event);
          boundary = buffer.indexOf('\n\n');
        }
      }
      handlers.onDown({ ok: false, kind: 'network', message: 'The live connection closed' });
    } catch {
      if (!closed)
        handlers.onDown({ ok: false, kind: 'network', message: 'The server cannot be reached' });
    } finally {
      clearTimeout(watchdog);
    }
  }

  async function run(): Promise<void> {
    while (!closed) {
      await connectOnce();
      if (closed) return;
      const delay = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)]!;
      attempt++;
      await new Promise<void>((resolve) => {
        wakeRetry = resolve;
        retryTimer = setTimeout(resolve, delay);
      });
      wakeRetry = null;
    }
  }

  void run();

  return {
    close() {
      closed = true;
      clearTimeout(retryTimer);
      controller?.abort();
      wakeRetry?.();
    },
    reconnectNow() {
      attempt = 0;
      clearTimeout(retryTimer);
      wakeRetry?.();
    },
  };
}

/** One SSE block (`event:` and `data:` lines) into a stream event; comments and unknowns → null. */
export function parseEventBlock(block: string): StreamEvent | null {
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  if (data.length === 0) return null;
  try {
    const event = JSON.parse(data.join('\n')) as StreamEvent;
    return typeof event === 'object' && event !== null && 'type' in event ? event : null;
  } catch {
    return null;
  }
}
