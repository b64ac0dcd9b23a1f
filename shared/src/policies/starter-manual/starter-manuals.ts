/**
 * The manuals of the starter manual set (issue 13, points 1 and 9), in the order a practice
 * reads them. Their policies are markdown files in the folder named by `slug`; a policy's number
 * starts with its manual's `numberPrefix` (PRIV-01, SEC-03), so a number alone says which manual
 * it belongs to.
 */

export const STARTER_MANUAL_SLUGS = [
  'hipaa-privacy',
  'hipaa-security',
  'osha',
  'emergency-downtime',
  'front-desk',
  'personnel',
] as const;
export type StarterManualSlug = (typeof STARTER_MANUAL_SLUGS)[number];

export type StarterManual = {
  slug: StarterManualSlug;
  title: string;
  /** One or two sentences for the manual's first page and the list of manuals. */
  description: string;
  /** Position in the list of manuals, from 1. */
  order: number;
  /** What every policy number in this manual starts with, before the dash. */
  numberPrefix: string;
  /**
   * Readable on every device at the sign-in screen, with nobody signed in (the downtime binder,
   * issue 13 point 8). Only manuals without patient data are offered; the practice may change it.
   */
  readableSignedOut: boolean;
};

export const STARTER_MANUALS: readonly StarterManual[] = [
  {
    slug: 'hipaa-privacy',
    title: 'HIPAA privacy',
    description:
      'How the practice uses and shares patient information, the privacy notice patients receive, patients’ rights to their records, complaints, training, sanctions and breach notification.',
    order: 1,
    numberPrefix: 'PRIV',
    readableSignedOut: false,
  },
  {
    slug: 'hipaa-security',
    title: 'HIPAA security',
    description:
      'How the practice protects electronic patient information: risk analysis, devices and the shared reception tablet, accounts and passwords, backups, disposal, audit review and incidents.',
    order: 2,
    numberPrefix: 'SEC',
    readableSignedOut: false,
  },
  {
    slug: 'osha',
    title: 'OSHA workplace safety',
    description:
      'The bloodborne pathogens exposure control plan and what to do after an exposure, hazard communication, the emergency action plan and fire prevention.',
    order: 3,
    numberPrefix: 'OSHA',
    // The exposure control plan and its first steps after a needlestick must open at once, on any
    // device, even when nobody is signed in or the network is down.
    readableSignedOut: true,
  },
  {
    slug: 'emergency-downtime',
    title: 'Emergency and downtime',
    description:
      'What the front desk does when ClinicDesk or the network is down, when someone collapses in the waiting room, and in severe weather or a power cut.',
    order: 4,
    numberPrefix: 'EM',
    readableSignedOut: true,
  },
  {
    slug: 'front-desk',
    title: 'Front desk',
    description:
      'Day-to-day procedures at the counter: checking patients in, taking payments and closing the day, phone calls and messages, records requests and keeping the counter private.',
    order: 5,
    numberPrefix: 'FD',
    readableSignedOut: false,
  },
  {
    slug: 'personnel',
    title: 'Personnel handbook',
    description:
      'What the practice asks of everyone who works here: the confidentiality agreement, attendance and timekeeping, and the code of conduct.',
    order: 6,
    numberPrefix: 'HR',
    readableSignedOut: false,
  },
];
