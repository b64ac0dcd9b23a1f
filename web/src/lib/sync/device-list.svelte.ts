import type { DeviceHealth } from '@clinicdesk/shared/sync/device-health.ts';
import { api, syncHeaders } from '../api/client.ts';
import { type ApiFailure, type ApiOutcome, requestJson } from '../api/http.ts';

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

  private get options() {
    return { headers: syncHeaders(this.deviceId) };
  }

  async refresh(): Promise<void> {
    this.loading = true;
    const outcome = await requestJson(() => api.sync.v1.devices.$get({}, this.options));
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
    return this.act(deviceId, () =>
      requestJson(() =>
        api.sync.v1.devices[':deviceId'].name.$put(
          { param: { deviceId }, json: { name } },
          this.options,
        ),
      ),
    );
  }

  /** Takes an old device off the list (the server refuses one with unsynced changes). */
  retire(deviceId: string): Promise<boolean> {
    return this.act(deviceId, () =>
      requestJson(() =>
        api.sync.v1.devices[':deviceId'].retire.$post({ param: { deviceId } }, this.options),
      ),
    );
  }

  private async act(
    deviceId: string,
    send: () => Promise<ApiOutcome<{ ok: true }>>,
  ): Promise<boolean> {
    this.busy = deviceId;
    const outcome = await send();
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
