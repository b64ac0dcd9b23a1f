import {
  deviceAttention,
  retireProblem,
  type DeviceHealth,
  type DeviceReport,
} from '@clinicdesk/shared/sync/device-health.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import type { DeviceRecord, Store } from '../storage/store.ts';

export type DeviceRefusal = { code: 'not-found' | 'invalid-request'; message: string };

const NO_DEVICE: DeviceRefusal = { code: 'not-found', message: 'No such device has synced' };

/** Device sync health: what each device reports, the office manager's overview, names, retiring. */
export function createDevicesService(deps: { store: Store; clock: () => Date }) {
  const health = (device: DeviceRecord, now: Date): DeviceHealth => {
    const found = {
      deviceId: device.deviceId,
      name: device.name,
      user: device.user,
      firstSeenAt: device.firstSeenAt.toISOString(),
      lastSeenAt: device.lastSeenAt.toISOString(),
      report:
        device.report && device.reportedAt
          ? { ...device.report, reportedAt: device.reportedAt.toISOString() }
          : null,
    };
    return { ...found, attention: deviceAttention(found, now) };
  };

  return {
    report(deviceId: string, userId: string, report: DeviceReport): Promise<void> {
      return deps.store.saveDeviceReport({ deviceId, userId, report, at: deps.clock() });
    },

    async list(): Promise<DeviceHealth[]> {
      const now = deps.clock();
      return (await deps.store.listDevices()).map((device) => health(device, now));
    },

    async rename(deviceId: string, name: string): Promise<Result<true, DeviceRefusal>> {
      return (await deps.store.nameDevice(deviceId, name)) ? ok(true) : fail(NO_DEVICE);
    },

    /**
     * Takes an old device off the list. Never one that still holds unsynced changes: retiring
     * it would hide the very device whose work is not yet on the server.
     */
    async retire(deviceId: string): Promise<Result<true, DeviceRefusal>> {
      const now = deps.clock();
      const device = (await deps.store.listDevices()).find((d) => d.deviceId === deviceId);
      if (!device) return fail(NO_DEVICE);
      const problem = retireProblem(health(device, now));
      if (problem) return fail({ code: 'invalid-request', message: problem });
      return (await deps.store.retireDevice(deviceId, now)) ? ok(true) : fail(NO_DEVICE);
    },
  };
}

export type DevicesService = ReturnType<typeof createDevicesService>;
