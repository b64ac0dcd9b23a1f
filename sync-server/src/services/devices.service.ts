import {
  deviceAttention,
  type DeviceHealth,
  type DeviceReport,
} from '@clinicdesk/shared/sync/device-health.ts';
import type { Store } from '../storage/store.ts';

/** Device sync health: what each device reports, and the office manager's overview. */
export function createDevicesService(deps: { store: Store; clock: () => Date }) {
  return {
    report(deviceId: string, userId: string, report: DeviceReport): Promise<void> {
      return deps.store.saveDeviceReport({ deviceId, userId, report, at: deps.clock() });
    },

    async list(): Promise<DeviceHealth[]> {
      const now = deps.clock();
      return (await deps.store.listDevices()).map((device) => {
        const health = {
          deviceId: device.deviceId,
          user: device.user,
          firstSeenAt: device.firstSeenAt.toISOString(),
          lastSeenAt: device.lastSeenAt.toISOString(),
          report:
            device.report && device.reportedAt
              ? { ...device.report, reportedAt: device.reportedAt.toISOString() }
              : null,
        };
        return { ...health, attention: deviceAttention(health, now) };
      });
    },
  };
}

export type DevicesService = ReturnType<typeof createDevicesService>;
