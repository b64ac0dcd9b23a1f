import { z } from 'zod';
import { lineText } from '../text/line-text.ts';

/**
 * Field forms that several kinds of the `policies` and `acknowledgments` partitions share. A
 * partition's RxDB schema holds one form per field name (`rxSchemaOf` refuses two), so a field
 * such as `title` or `policyId` is declared once here and used by every kind that has it.
 */

/**
 * Every record id of both partitions: lower-case letters, digits and hyphens. Manuals, policies,
 * reviews and campaigns take a UUIDv7; a version's, an approval's and an acknowledgment's id is
 * derived from what it is (see `policy-ids.ts`), so that two devices creating the same one while
 * apart write one record that merges, not two.
 */
export const RECORD_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,119}$/;
export const recordId = z.string().regex(RECORD_ID_PATTERN, 'Not a valid record id').max(120);

/** A staff account's id (the `userId` a session and an editor stamp carry). */
export const STAFF_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const staffId = z.string().regex(STAFF_ID_PATTERN, 'Not a valid staff id').max(64);

/** Ordered staff ids: approvers in signing order, a draft's authors. */
export const staffIds = z.array(staffId).max(12);

/**
 * The SHA-256 of a version's canonical content (`canonicalPolicyContent`), lower-case hex. The
 * hash is computed where there is a hash function (WebCrypto, node:crypto), never in `shared/`.
 */
export const CONTENT_HASH_PATTERN = /^[0-9a-f]{64}$/;
export const contentHash = z.string().regex(CONTENT_HASH_PATTERN, 'Not a SHA-256 hash').length(64);

export const title = lineText('title', 160);
/** Position in its list (manuals in the library, policies in their manual). */
export const order = z.number().int().min(0).max(100_000);
