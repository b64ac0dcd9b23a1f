/** `2026-11-26` → `11/26/2026`, as the office writes dates. */
export function formatBinderDate(day: string): string {
  const [year, month, date] = day.split('-');
  return `${month}/${date}/${year}`;
}

/** When the copy was written, in the device's time: "11/26/2026 at 9:05 AM". */
export function formatCopiedAt(iso: string): string {
  const at = new Date(iso);
  const day = formatBinderDate(
    `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`,
  );
  return `${day} at ${at.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' })}`;
}
