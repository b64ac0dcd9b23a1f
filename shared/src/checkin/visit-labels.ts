/**
 * The visit's coded answers with the words staff read. Apart from the schema so that what only
 * shows them (the board, the conflict inbox) loads no zod.
 */
export const VISIT_TYPES = ['appointment', 'walk-in'] as const;
export type VisitType = (typeof VISIT_TYPES)[number];
export const VISIT_TYPE_LABELS: Record<VisitType, string> = {
  appointment: 'Appointment',
  'walk-in': 'Walk-in',
};

export const CANCEL_REASONS = ['left-without-being-seen', 'entered-in-error'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];
export const CANCEL_REASON_LABELS: Record<CancelReason, string> = {
  'left-without-being-seen': 'Left without being seen',
  'entered-in-error': 'Checked in by mistake',
};
