/**
 * Upload limit per request of views and prints; a device with more sends several. Apart from
 * audit-event.ts (its schemas) so that the syncing tab's upload does not load them.
 */
export const AUDIT_UPLOAD_MAX_EVENTS = 500;
