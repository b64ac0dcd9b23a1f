/**
 * Who wrote a stored version, from the server's own record of the session (ADR 8): the person
 * signed in and the device the session was bound to, with the name staff gave that device. A
 * version the server wrote itself (the demo clinic's records, set up before anyone signed in)
 * has no person and no device.
 */
export type HistoryWriter =
  | { kind: 'staff'; name: string; deviceId: string | null; deviceName: string | null }
  | { kind: 'setup' };

/** One stored version with the server's writer, as the store keeps it (document_versions). */
export type StoredVersion = {
  seq: number;
  data: Record<string, unknown>;
  serverTime: Date;
  /** The writer's staff name; null when no staff account wrote it (the server's own setup). */
  userName: string | null;
  deviceId: string | null;
  /** The name staff gave the writing device ("Front desk tablet 2"), if any. */
  deviceName?: string | null | undefined;
};

/** The server's writer of a version, for staff to read. */
export function writerOf(version: StoredVersion): HistoryWriter {
  if (version.userName === null) return { kind: 'setup' };
  return {
    kind: 'staff',
    name: version.userName,
    deviceId: version.deviceId,
    deviceName: version.deviceName ?? null,
  };
}
