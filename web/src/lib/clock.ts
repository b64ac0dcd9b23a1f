/** The device clock as ISO text (for display and for "last sync"; never for ordering sync). */
export function nowIso(): string {
  return new Date().toISOString();
}

/** Today in the device's time zone, as ISO `YYYY-MM-DD`. */
export function today(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}
