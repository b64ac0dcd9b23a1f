import { Hono } from 'hono';
import { canRead } from '@clinicdesk/shared/auth/permissions.ts';
import {
  BLOB_MAX_BYTES,
  BLOB_TYPES,
  type BlobRef,
  type BlobType,
  SHA256_PATTERN,
} from '@clinicdesk/shared/blobs/blob-ref.ts';
import type { AppEnv } from '../app-env.ts';
import { apiError } from '../http/api-error.ts';
import { requireFeature } from '../middleware/require-feature.ts';
import { syncClient } from '../middleware/sync-client.ts';
import type { BlobService } from '../services/blob.service.ts';
import type { RecordScopes } from '../services/record-scopes.ts';
import type { Store } from '../storage/store.ts';

export const BLOBS_BASE_PATH = '/api/blobs';

const NOT_AN_ADDRESS = 'A file address is the lowercase hex SHA-256 of its content';
const NOT_STORED = 'There is no file at this address';

/**
 * Files by content address under `/api/blobs`: `PUT` stores one (idempotent), `GET` reads it,
 * `HEAD` tells a device whether it still needs uploading. Mounted behind `requireSession`; like
 * sync requests, every request carries the protocol version and device id.
 */
export function createBlobRoutes(deps: {
  blobs: BlobService;
  store: Store;
  scopes: RecordScopes;
  clock: () => Date;
}) {
  const client = syncClient('headers', deps);
  return new Hono<AppEnv>()
    .get('/:sha256', client, requireFeature('blobs.read'), async (c) => {
      const sha256 = c.req.param('sha256');
      if (!SHA256_PATTERN.test(sha256)) return apiError(c, 'invalid-request', NOT_AN_ADDRESS);
      // A file is read only by someone who may read a record that refers to it, or by the
      // person who uploaded it until a record does (issue 11, point 5). Anyone else is told it
      // is not there: its address says nothing about whether it exists.
      const { user } = c.get('session');
      const access = await deps.store.blobAccess(sha256, user.id);
      const reader = { role: user.role, userId: user.id };
      const readableIn = access.referencedIn.filter((collection) => canRead(user.role, collection));
      let readable = access.uploadedByUser;
      for (const collection of readableIn)
        readable ||= await deps.scopes.fileReadable(reader, collection, sha256);
      // Referred to only by records outside this person's scope (a document in a restricted
      // category): refused as such, the way the record itself is refused to them.
      if (!readable && readableIn.length > 0)
        return apiError(c, 'forbidden', 'This file belongs to records you may not read');
      if (!readable) return apiError(c, 'not-found', NOT_STORED);
      // Hono answers HEAD with the GET handler; a HEAD must not open the file it will not send.
      if (c.req.method === 'HEAD') {
        const ref = await deps.blobs.has(sha256);
        return ref ? c.body(null, 200, blobHeaders(ref)) : apiError(c, 'not-found', NOT_STORED);
      }
      const blob = await deps.blobs.get(sha256);
      if (!blob) return apiError(c, 'not-found', NOT_STORED);
      return c.body(blob.body, 200, blobHeaders(blob));
    })
    .put('/:sha256', client, requireFeature('blobs.write'), async (c) => {
      const sha256 = c.req.param('sha256');
      if (!SHA256_PATTERN.test(sha256)) return apiError(c, 'invalid-request', NOT_AN_ADDRESS);
      const type = blobTypeOf(c.req.header('content-type'));
      if (!type)
        return apiError(
          c,
          'unsupported-media-type',
          `Send the file as one of ${BLOB_TYPES.join(', ')} (Content-Type)`,
        );
      // An honest Content-Length over the limit is refused before reading a byte; a dishonest
      // or missing one is caught while the bytes are counted.
      const length = c.req.header('content-length');
      if (length !== undefined && !/^\d{1,16}$/.test(length))
        return apiError(c, 'invalid-request', 'Content-Length must be a whole number');
      if (length !== undefined && Number(length) > BLOB_MAX_BYTES)
        return apiError(
          c,
          'payload-too-large',
          `A file can be at most ${BLOB_MAX_BYTES / (1024 * 1024)} MB`,
        );

      const result = await deps.blobs.put({ sha256, type, body: c.req.raw.body });
      if (!result.ok) return apiError(c, result.error.code, result.error.message);
      // Also when it was stored already (someone else sent the same bytes): it reads back for
      // this person too until the record that refers to it arrives.
      await deps.store.recordBlobUpload(sha256, c.get('session').user.id, deps.clock());
      if (result.value.created) c.header('Location', `${BLOBS_BASE_PATH}/${sha256}`);
      return c.json(result.value.ref, result.value.created ? 201 : 200);
    });
}

function blobHeaders(ref: BlobRef): Record<string, string> {
  const disposition = ref.type === 'application/pdf' ? 'attachment' : 'inline';
  return {
    'Content-Type': ref.type,
    'Content-Length': String(ref.size),
    // Patient photos and scans are PHI: no browser or proxy may keep a copy.
    'Cache-Control': 'no-store',
    // The type was checked against the bytes on upload; the browser must not guess another.
    'X-Content-Type-Options': 'nosniff',
    // Images show in the page; a PDF is downloaded rather than rendered in the app's origin.
    'Content-Disposition': `${disposition}; filename="${ref.sha256}.${EXTENSIONS[ref.type]}"`,
  };
}

const EXTENSIONS = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
} as const satisfies Record<BlobType, string>;

/** The declared type without parameters (`image/png; x=y` → `image/png`), if it is supported. */
function blobTypeOf(contentType: string | undefined): BlobType | null {
  const bare = contentType?.split(';')[0]?.trim().toLowerCase();
  return BLOB_TYPES.find((type) => type === bare) ?? null;
}
