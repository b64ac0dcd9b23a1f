/**
 * The visit's coded answers with the words staff read. Apart from the schema so that what only
 * shows them (the board, the conflict inbox) loads no zod.
 */
export const VISIT_KINDS = ['appointment', 'walk-in'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];
export const VISIT_KIND_LABELS: Record<VisitKind, string> = {
  appointment: 'Appointment',
  'walk-in': 'Walk-in',
};

export const CANCEL_REASONS = ['left-without-being-seen', 'entered-in-error'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];
export const CANCEL_REASON_LABELS: Record<CancelReason, string> = {
  'left-without-being-seen': 'Left without being seen',
  'entered-in-error': 'Checked in by mistake',
};
