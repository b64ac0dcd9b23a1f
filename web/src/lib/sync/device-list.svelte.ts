import type { DeviceHealth } from '@clinicdesk/shared/sync/device-health.ts';
import {
  DEVICE_HEADER,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  SYNC_BASE_PATH,
} from '@clinicdesk/shared/sync/protocol.ts';
import { requestJson } from '../api/http.ts';

/** The server's view of every device (online only: it is about the server's knowledge). */
export class DeviceList {
  devices = $state.raw<DeviceHealth[] | null>(null);
  problem = $state<string | null>(null);
  loading = $state(false);
  private readonly deviceId: string;

  constructor(deviceId: string) {
    this.deviceId = deviceId;
  }

  async refresh(): Promise<void> {
    this.loading = true;
    const outcome = await requestJson<{ devices: DeviceHealth[] }>(`${SYNC_BASE_PATH}/devices`, {
      headers: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), [DEVICE_HEADER]: this.deviceId },
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
}
