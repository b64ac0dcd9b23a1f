/**
 * Why protected health information left the practice, as staff choose it when they release
 * records (issue 12.8), and whether the patient's accounting of disclosures must list it
 * (45 CFR 164.528). The exempt purposes are those 164.528(a)(1) lists; the others are the
 * public-interest disclosures of 164.512 a front office meets. Any disclosure the Privacy Rule
 * permits without an authorization that is not on the exempt list must be accounted for, which
 * is why "other" is not offered: a purpose missing here is added here, with its citation.
 */
export interface DisclosurePurposeInfo {
  /** What staff read when choosing. */
  label: string;
  /** The rule that permits it and, for exempt purposes, the exemption. */
  citation: string;
  accounting: 'exempt' | 'required';
  /** For required purposes: the purpose statement the accounting entry carries (164.528(b)(2)(iv)). */
  statement?: string;
}

export const DISCLOSURE_PURPOSES = {
  treatment: {
    label: 'Treatment (to another provider caring for the patient)',
    citation: '45 CFR 164.506; exempt under 164.528(a)(1)(i)',
    accounting: 'exempt',
  },
  payment: {
    label: 'Payment (to a payer or billing service)',
    citation: '45 CFR 164.506; exempt under 164.528(a)(1)(i)',
    accounting: 'exempt',
  },
  'health-care-operations': {
    label: 'Health care operations (quality review, audits of our own, business associates)',
    citation: '45 CFR 164.506; exempt under 164.528(a)(1)(i)',
    accounting: 'exempt',
  },
  'to-the-patient': {
    label: 'To the patient or their personal representative',
    citation: '45 CFR 164.502(a)(1)(i), 164.524; exempt under 164.528(a)(1)(ii)',
    accounting: 'exempt',
  },
  'incident-to-permitted': {
    label: 'Incidental to a permitted use or disclosure',
    citation: '45 CFR 164.502(a)(1)(iii); exempt under 164.528(a)(1)(iii)',
    accounting: 'exempt',
  },
  'patient-authorization': {
    label: "Under the patient's signed authorization",
    citation: '45 CFR 164.508; exempt under 164.528(a)(1)(iv)',
    accounting: 'exempt',
  },
  'directory-or-involved-persons': {
    label: 'Facility directory, or family and friends involved in care',
    citation: '45 CFR 164.510; exempt under 164.528(a)(1)(v)',
    accounting: 'exempt',
  },
  'national-security': {
    label: 'National security or intelligence activities',
    citation: '45 CFR 164.512(k)(2); exempt under 164.528(a)(1)(vi)',
    accounting: 'exempt',
  },
  'correctional-custody': {
    label: 'To a correctional institution or law enforcement, for a person in custody',
    citation: '45 CFR 164.512(k)(5); exempt under 164.528(a)(1)(vii)',
    accounting: 'exempt',
  },
  'limited-data-set': {
    label: 'As part of a limited data set (under a data use agreement)',
    citation: '45 CFR 164.514(e); exempt under 164.528(a)(1)(viii)',
    accounting: 'exempt',
  },
  'court-order-or-subpoena': {
    label: 'Court order, subpoena or other lawful process',
    citation: '45 CFR 164.512(e)',
    accounting: 'required',
    statement: 'Disclosed in response to a court order, subpoena or other lawful process.',
  },
  'law-enforcement': {
    label: 'To law enforcement (not for a person in custody)',
    citation: '45 CFR 164.512(f)',
    accounting: 'required',
    statement: 'Disclosed to a law enforcement official for a law enforcement purpose.',
  },
  'public-health': {
    label: 'Public health reporting (disease, vaccine events, FDA)',
    citation: '45 CFR 164.512(b)',
    accounting: 'required',
    statement: 'Disclosed to a public health authority for public health activities.',
  },
  'health-oversight': {
    label: 'Health oversight (audits, investigations, licensing)',
    citation: '45 CFR 164.512(d)',
    accounting: 'required',
    statement: 'Disclosed to a health oversight agency for oversight activities authorized by law.',
  },
  'abuse-neglect': {
    label: 'Report of abuse, neglect or domestic violence',
    citation: '45 CFR 164.512(c)',
    accounting: 'required',
    statement:
      'Disclosed to a government authority in a report of abuse, neglect or domestic violence.',
  },
  'research-without-authorization': {
    label: 'Research under a waiver of authorization',
    citation: '45 CFR 164.512(i)',
    accounting: 'required',
    statement: 'Disclosed for research approved under a waiver of authorization.',
  },
  'decedent-coroner': {
    label: 'About a patient who died, to a coroner, medical examiner or funeral director',
    citation: '45 CFR 164.512(g)',
    accounting: 'required',
    statement: 'Disclosed to a coroner, medical examiner or funeral director about a decedent.',
  },
  'workers-compensation': {
    label: "Workers' compensation",
    citation: '45 CFR 164.512(l)',
    accounting: 'required',
    statement: "Disclosed as authorized by workers' compensation law.",
  },
  'required-by-law': {
    label: 'Required by law (a statute or regulation requires it)',
    citation: '45 CFR 164.512(a)',
    accounting: 'required',
    statement: 'Disclosed as required by law.',
  },
  'serious-threat': {
    label: 'To avert a serious threat to health or safety',
    citation: '45 CFR 164.512(j)',
    accounting: 'required',
    statement: 'Disclosed to prevent or lessen a serious and imminent threat to health or safety.',
  },
} as const satisfies Record<string, DisclosurePurposeInfo>;

export type DisclosurePurpose = keyof typeof DISCLOSURE_PURPOSES;
export const DISCLOSURE_PURPOSE_IDS = Object.keys(DISCLOSURE_PURPOSES).filter(
  (id): id is DisclosurePurpose => id in DISCLOSURE_PURPOSES,
);

/**
 * Whether a release for this purpose goes in the patient's accounting of disclosures
 * (164.528(a)): everything but the purposes 164.528(a)(1) exempts.
 */
export function needsAccountingEntry(purpose: DisclosurePurpose): boolean {
  return DISCLOSURE_PURPOSES[purpose].accounting === 'required';
}
