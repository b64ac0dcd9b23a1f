/** "Mar 5, 2026" for a calendar day (YYYY-MM-DD), the same in every time zone. */
export function formatDay(day: string | undefined): string {
  if (!day) return 'No date';
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return day;
  return new Date(Date.UTC(year, month - 1, date)).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** "Mar 5, 2026, 2:14 PM" for a stamp, in this device's time zone. */
export function formatStamp(at: string): string {
  return new Date(at).toLocaleString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
}
