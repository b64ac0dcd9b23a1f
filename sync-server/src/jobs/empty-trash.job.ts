import type { DispositionService } from '../services/disposition.service.ts';
import type { Job } from './job-runner.ts';

const EVERY_MS = 24 * 60 * 60_000;

/** Who empties the trash: the server itself, named so in the audit trail. */
export const TRASH_EMPTIER = {
  userId: 'system',
  deviceId: 'server',
  username: 'ClinicDesk (trash)',
};

/**
 * Once a day, documents in the trash past the practice's period (its filing settings; 30 days
 * where it set none) are destroyed — never one under a legal hold (issue 12.5 and 12.7). Each is a `destroy` entry on
 * the audit chain.
 */
export function emptyTrashJob(deps: { disposition: DispositionService }): Job {
  return {
    name: 'empty-trash',
    everyMs: EVERY_MS,
    run: () => deps.disposition.emptyTrash(TRASH_EMPTIER),
  };
}
