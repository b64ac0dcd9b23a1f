import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DeviceCall, DeviceCalls, DeviceInit, DeviceMessage, DeviceRequest } from './device-protocol.ts'; // prettier-ignore
import type { TraceSink } from './trace.ts';

/**
 * The worker's entry as a path on disk. Built from this module's own URL (the source file under
 * Vitest as under plain Node), not with `new Worker(new URL(…))`, which a bundler may rewrite.
 */
const ENTRY = fileURLToPath(new URL('./device-worker-entry.ts', import.meta.url));

/**
 * The scenario's handle on one simulated device running in its own worker thread
 * (device-worker.ts): typed calls, each answered once; a worker that fails to start or dies
 * fails every call waiting on it with its error.
 */
export class DeviceThread {
  readonly index: number;
  deviceId = '';
  private readonly worker: Worker;
  private serial = 0;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>(); // prettier-ignore
  private failure: Error | null = null;

  private constructor(index: number, trace: TraceSink) {
    this.index = index;
    this.worker = new Worker(ENTRY, { name: `fault-device-${index}` });
    this.worker.on('message', (message: DeviceMessage) => {
      if (message.kind === 'trace') return trace.log(message.event);
      const call = this.waiting.get(message.id);
      if (!call) return;
      this.waiting.delete(message.id);
      if (message.ok) call.resolve(message.result);
      else call.reject(new Error(`d${index}: ${message.error}`));
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const call of this.waiting.values()) call.reject(error);
      this.waiting.clear();
    };
    this.worker.on('error', (error) => fail(new Error(`d${index}'s worker failed: ${error.stack ?? error.message}`))); // prettier-ignore
    this.worker.on('exit', (code) => fail(new Error(`d${index}'s worker exited (code ${code})`)));
  }

  /** Starts the worker: it loads the device's modules while the caller goes on. */
  static start(index: number, trace: TraceSink): DeviceThread {
    return new DeviceThread(index, trace);
  }

  /** Opens the device in its worker: signed in, its database open, syncing. */
  async open(init: DeviceInit): Promise<void> {
    this.deviceId = (await this.call('open', init)).deviceId;
  }

  get label(): string {
    return `d${this.index}`;
  }

  call<K extends DeviceCall>(
    call: K,
    args: DeviceCalls[K]['args'],
  ): Promise<DeviceCalls[K]['result']> {
    if (this.failure) return Promise.reject(this.failure);
    const id = ++this.serial;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, call, args } as DeviceRequest);
    });
  }

  /** Closes the device's database and replication, then ends the thread. */
  async close(): Promise<void> {
    try {
      if (!this.failure) await this.call('close', null);
    } finally {
      this.worker.removeAllListeners('exit');
      await this.worker.terminate();
    }
  }
}
