import type { DeviceHealth } from '@clinicdesk/shared/sync/device-health.ts';
import {
  DEVICE_HEADER,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  SYNC_BASE_PATH,
} from '@clinicdesk/shared/sync/protocol.ts';
import { type ApiFailure, requestJson } from '../api/http.ts';

/**
 * The server's view of every device (online only: it is about the server's knowledge), and the
 * office manager's two actions on it: naming a device and retiring an old one.
 */
export class DeviceList {
  devices = $state.raw<DeviceHealth[] | null>(null);
  problem = $state<string | null>(null);
  loading = $state(false);
  /** Why the last rename or retire of each device failed, by device id. */
  problems = $state<Record<string, string>>({});
  /** The device whose rename or retire is being sent. */
  busy = $state<string | null>(null);
  private readonly deviceId: string;

  constructor(deviceId: string) {
    this.deviceId = deviceId;
  }

  private get headers() {
    return { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), [DEVICE_HEADER]: this.deviceId };
  }

  async refresh(): Promise<void> {
    this.loading = true;
    const outcome = await requestJson<{ devices: DeviceHealth[] }>(`${SYNC_BASE_PATH}/devices`, {
      headers: this.headers,
    });
    this.loading = false;
    if (outcome.ok) {
      this.devices = outcome.value.devices;
      this.problem = null;
    } else {
      this.problem =
        outcome.kind === 'network'
          ? 'The device list comes from the server, which cannot be reached right now.'
          : outcome.message;
    }
  }

  /** Gives a device the name staff chose; true when the server took it. */
  rename(deviceId: string, name: string): Promise<boolean> {
    return this.act(deviceId, `${SYNC_BASE_PATH}/devices/${deviceId}/name`, {
      method: 'PUT',
      body: JSON.stringify({ name }),
    });
  }

  /** Takes an old device off the list (the server refuses one with unsynced changes). */
  retire(deviceId: string): Promise<boolean> {
    return this.act(deviceId, `${SYNC_BASE_PATH}/devices/${deviceId}/retire`, { method: 'POST' });
  }

  private async act(deviceId: string, path: string, init: RequestInit): Promise<boolean> {
    this.busy = deviceId;
    const outcome = await requestJson<{ ok: true }>(path, { ...init, headers: this.headers });
    this.busy = null;
    const { [deviceId]: _previous, ...others } = this.problems;
    this.problems = outcome.ok ? others : { ...others, [deviceId]: explain(outcome) };
    if (outcome.ok) await this.refresh();
    return outcome.ok;
  }
}

function explain(failure: ApiFailure): string {
  return failure.kind === 'network'
    ? 'The server cannot be reached right now; try again once this device is online.'
    : failure.message;
}
