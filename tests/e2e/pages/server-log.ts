import { test } from '@playwright/test';
import type { ClinicServer } from '../../support/clinic-server.ts';

/**
 * Stops a test's server; when the test failed, the server's log goes with it first (a refusal
 * or a crash is read there before anything else).
 */
export async function disposeKeepingLogOfFailure(server: ClinicServer): Promise<void> {
  const testInfo = test.info();
  if (testInfo.status !== testInfo.expectedStatus)
    await testInfo.attach('server log', { body: server.log, contentType: 'text/plain' });
  await server.dispose();
}
