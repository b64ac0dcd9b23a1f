import type { Manual } from '@clinicdesk/shared/policies/manual.schema.ts';
import type { Policy } from '@clinicdesk/shared/policies/policy.schema.ts';
import type { PolicyVersion } from '@clinicdesk/shared/policies/policy-version.schema.ts';
import { recordAccess } from '../../audit/audit.actions.ts';
import { today } from '../../clock.ts';
import type { Workspace } from '../../workspace.ts';

/**
 * Printing a policy or a manual on this device, network or not: the versions' texts are read
 * from the local database, the fonts from the app's precached files, the PDF made here. Every
 * version that goes on paper is recorded in the audit trail as printed (offline too: the
 * events wait in the local queue), so the practice can tell who holds an uncontrolled copy of
 * which version.
 */
export type PrintItem = {
  policy: Policy;
  version: PolicyVersion;
  status: string;
  inForce: boolean;
};

export type PolicyPrint = {
  url: string;
  fileName: string;
  pageCount: number;
  /** Versions printed, in the order printed. */
  versions: { id: string; label: string }[];
  unprintable: string[];
};

async function makePdf(
  workspace: Pick<Workspace, 'user'>,
  items: readonly PrintItem[],
  manual: Manual | undefined,
) {
  const [{ printPolicies }, { renderPolicyText }, { loadUnicodeFonts }] = await Promise.all([
    import('./policy-pdf.ts'),
    import('./policy-render.ts'),
    import('../../disclosures/unicode-fonts.ts'),
  ]);
  const [fonts, texts] = await Promise.all([
    loadUnicodeFonts(),
    Promise.all(items.map((item) => renderPolicyText(item.version.text))),
  ]);
  return printPolicies({
    ...(manual
      ? { manual: { title: manual.title, ...(manual.description ? { description: manual.description } : {}) } }
      : {}),
    policies: items.map(({ policy, version, status, inForce }, index) => ({
      number: policy.number,
      title: policy.title,
      area: policy.area,
      legalReferences: policy.legalReferences,
      versionNumber: version.versionNumber,
      ...(version.effectiveOn ? { effectiveOn: version.effectiveOn } : {}),
      status,
      inForce,
      blocks: texts[index]!.blocks,
    })),
    printedOn: today(),
    printedBy: workspace.user.displayName,
    createdAt: new Date(),
    ...(fonts ? { fonts } : {}),
  }); // prettier-ignore
}

/** Makes the PDF of one version, or of a manual's versions in force (with contents). */
export async function preparePolicyPrint(
  workspace: Pick<Workspace, 'user'>,
  items: readonly PrintItem[],
  manual?: Manual,
): Promise<PolicyPrint> {
  const printed = await makePdf(workspace, items, manual);
  const first = items[0];
  const fileName =
    manual || !first
      ? `${manual?.slug ?? 'policies'}-${today()}.pdf`
      : `${first.policy.number}-v${first.version.versionNumber}.pdf`;
  return {
    url: URL.createObjectURL(new Blob([printed.bytes.slice()], { type: 'application/pdf' })),
    fileName,
    pageCount: printed.pageCount,
    versions: items.map(({ policy, version }) => ({
      id: version.id,
      label: `${policy.number} version ${version.versionNumber}`,
    })),
    unprintable: printed.unprintable,
  };
}

/**
 * Records that the prepared PDF was opened to print or downloaded: one entry per version on
 * it, as a print (the PDF opened for the printer) or an export (saved as a file).
 */
export async function recordPolicyPrint(
  workspace: Pick<Workspace, 'local' | 'user'>,
  print: PolicyPrint,
  use: 'print' | 'download',
): Promise<void> {
  for (const version of print.versions)
    await recordAccess(workspace, use === 'print' ? 'print' : 'export', 'policies', version.id);
}
