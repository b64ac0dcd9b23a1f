import {
  DEVICE_HEADER,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  SYNC_BASE_PATH,
  type PullResponse,
  type PushResponse,
  type PushRow,
  type StreamEvent,
} from '@clinicdesk/shared/sync/protocol.ts';
import { uuidv7 } from '@clinicdesk/shared/ids/uuid-v7.ts';
import { randomBytes } from 'node:crypto';
import { parseEventBlock } from '../../web/src/lib/sync/live-stream.ts';
import { signIn } from '../fault/session.ts';

/**
 * A simulated device speaking the sync protocol from Node (shared/src/sync/protocol.ts): its
 * own session and device id, pull and push over HTTP, the live event stream held open. Light
 * on purpose, so that under load the figures are the server's, not a device database's.
 */
export class SyncClient {
  readonly baseUrl: string;
  readonly deviceId: string;
  readonly session: { cookie: string; deviceId: string };
  private readonly headers: Record<string, string>;

  private constructor(baseUrl: string, cookie: string, deviceId: string) {
    this.baseUrl = baseUrl;
    this.deviceId = deviceId;
    this.session = { cookie, deviceId };
    this.headers = {
      cookie,
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
      [DEVICE_HEADER]: deviceId,
    };
  }

  static async signIn(
    baseUrl: string,
    credentials: { username: string; password: string },
  ): Promise<SyncClient> {
    const deviceId = uuidv7(Date.now(), randomBytes(10));
    const session = await signIn(baseUrl, credentials, deviceId);
    return new SyncClient(baseUrl, session.cookie, deviceId);
  }

  async pull(collection: string, since: number, limit: number): Promise<PullResponse> {
    const response = await fetch(
      `${this.baseUrl}${SYNC_BASE_PATH}/${collection}/pull?since=${since}&limit=${limit}`,
      { headers: this.headers },
    );
    if (!response.ok) throw new Error(`pull failed: ${response.status} ${await response.text()}`);
    return (await response.json()) as PullResponse;
  }

  async push(collection: string, rows: PushRow[]): Promise<PushResponse> {
    const response = await fetch(`${this.baseUrl}${SYNC_BASE_PATH}/${collection}/push`, {
      method: 'POST',
      headers: { ...this.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ rows }),
    });
    if (!response.ok) throw new Error(`push failed: ${response.status} ${await response.text()}`);
    return (await response.json()) as PushResponse;
  }

  /** Pulls from `since` until the server has nothing newer; returns the documents' count. */
  async pullAll(
    collection: string,
    since: number,
    limit: number,
  ): Promise<{ count: number; seq: number }> {
    let count = 0;
    let seq = since;
    for (;;) {
      const page = await this.pull(collection, seq, limit);
      count += page.documents.length;
      seq = page.checkpoint.seq;
      if (page.documents.length < limit) return { count, seq };
    }
  }

  /**
   * Holds the live stream open and hands each event to `onEvent`. `opened` settles once the
   * server has answered; `closed` when the stream ends (after `close()`, or if the server drops it).
   */
  openStream(onEvent: (event: StreamEvent) => void): {
    opened: Promise<void>;
    closed: Promise<void>;
    close: () => void;
  } {
    const controller = new AbortController();
    const url = `${this.baseUrl}${SYNC_BASE_PATH}/stream?protocol=${PROTOCOL_VERSION}&device=${this.deviceId}`;
    let markOpened: () => void = () => {};
    let failOpen: (error: unknown) => void = () => {};
    const opened = new Promise<void>((resolve, reject) => {
      markOpened = resolve;
      failOpen = reject;
    });
    const closed = (async () => {
      try {
        const response = await fetch(url, {
          headers: { ...this.headers, accept: 'text/event-stream' },
          signal: controller.signal,
        });
        if (!response.ok || !response.body) throw new Error(`stream refused: ${response.status}`);
        markOpened();
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          let boundary = buffer.indexOf('\n\n');
          while (boundary >= 0) {
            const event = parseEventBlock(buffer.slice(0, boundary));
            buffer = buffer.slice(boundary + 2);
            if (event) onEvent(event);
            boundary = buffer.indexOf('\n\n');
          }
        }
      } catch (error) {
        if (!controller.signal.aborted) failOpen(error);
      }
    })();
    return { opened, closed, close: () => controller.abort() };
  }
}
