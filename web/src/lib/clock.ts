/** The device clock as ISO text (for display and for "last sync"; never for ordering sync). */
export function nowIso(): string {
  return new Date().toISOString();
}
