import { type Context, Hono } from 'hono';
import { ROLES, type Role } from '@clinicdesk/shared/auth/roles.ts';
import { UUID_PATTERN } from '@clinicdesk/shared/ids/uuid-v7.ts';
import { fail, ok, type Result } from '@clinicdesk/shared/result.ts';
import type { AppEnv } from '../app-env.ts';
import { apiError } from '../http/api-error.ts';
import { type NoBody, readJson, requireJson } from '../middleware/json-body.ts';
import { requireFeature } from '../middleware/require-feature.ts';
import type { StaffService } from '../services/staff.service.ts';

const BODY_MAX_BYTES = 4096;
const NO_ACCOUNT = 'There is no such staff account';

/**
 * `/api/staff`: the administrator's staff accounts (list, create, change role or name,
 * deactivate and reactivate, reset a password or a lost second factor, unlock). Mounted behind `requireSession`; every
 * route needs the `staff.manage` feature.
 */
export function createStaffRoutes(deps: { staff: StaffService }) {
  const { staff } = deps;
  const json = <Body>() => requireJson<Body>({ maxBytes: BODY_MAX_BYTES });
  return new Hono<AppEnv>()
    .use('*', requireFeature('staff.manage'))
    .get('/', async (c) => c.json({ staff: await staff.list() }, 200))
    .post('/', json<NewAccount>(), async (c) => {
      const input = parseNewAccount(await readJson(c.req));
      if (!input.ok) return apiError(c, 'invalid-request', input.error);
      const created = await staff.create(actorOf(c), input.value);
      if (!created.ok) return apiError(c, 'invalid-request', created.error.message);
      return c.json({ account: created.value }, 201);
    })
    .patch('/:id', json<AccountChanges>(), async (c) => {
      const id = c.req.param('id');
      if (!UUID_PATTERN.test(id)) return apiError(c, 'not-found', NO_ACCOUNT);
      const changes = parseChanges(await readJson(c.req));
      if (!changes.ok) return apiError(c, 'invalid-request', changes.error);
      const result = await staff.change(actorOf(c), id, changes.value);
      if (!result.ok) return apiError(c, result.error.code, result.error.message);
      return c.json({ account: result.value }, 200);
    })
    .post('/:id/password', json<{ password: string }>(), async (c) => {
      const id = c.req.param('id');
      if (!UUID_PATTERN.test(id)) return apiError(c, 'not-found', NO_ACCOUNT);
      const body = (await readJson(c.req)) as { password?: unknown } | null;
      if (typeof body?.password !== 'string')
        return apiError(c, 'invalid-request', 'Send { "password" }');
      const result = await staff.resetPassword(actorOf(c), id, body.password);
      if (!result.ok) return apiError(c, result.error.code, result.error.message);
      return c.json({ account: result.value }, 200);
    })
    .post(
      '/:id/second-factor/reset',
      requireJson<NoBody>({ maxBytes: BODY_MAX_BYTES, bodyOptional: true }),
      async (c) => {
        const id = c.req.param('id');
        if (!UUID_PATTERN.test(id)) return apiError(c, 'not-found', NO_ACCOUNT);
        const result = await staff.resetSecondFactor(actorOf(c), id);
        if (!result.ok) return apiError(c, result.error.code, result.error.message);
        return c.json({ account: result.value }, 200);
      },
    )
    .post(
      '/:id/unlock',
      requireJson<NoBody>({ maxBytes: BODY_MAX_BYTES, bodyOptional: true }),
      async (c) => {
        const id = c.req.param('id');
        if (!UUID_PATTERN.test(id)) return apiError(c, 'not-found', NO_ACCOUNT);
        const result = await staff.unlock(actorOf(c), id);
        if (!result.ok) return apiError(c, result.error.code, result.error.message);
        return c.json({ account: result.value }, 200);
      },
    );
}

/** The administrator making the change, for the audit trail. */
function actorOf(c: Context<AppEnv>) {
  const { user, deviceId } = c.get('session');
  return { id: user.id, username: user.username, deviceId };
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

type NewAccount = { username: string; displayName: string; role: Role; password: string };
type AccountChanges = { role?: Role; active?: boolean; displayName?: string };

function parseNewAccount(body: unknown): Result<NewAccount, string> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return fail('Send { "username", "displayName", "role", "password" }');
  const { username, displayName, role, password } = body as Record<string, unknown>;
  if (typeof username !== 'string') return fail('Enter a username');
  if (typeof displayName !== 'string') return fail('Enter the person’s name');
  if (!isRole(role)) return fail('Choose one of the roles');
  if (typeof password !== 'string') return fail('Enter a first password');
  return ok({ username: username.trim(), displayName, role, password });
}

function parseChanges(body: unknown): Result<AccountChanges, string> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return fail('Send { "role" }, { "active" } or { "displayName" }');
  const { role, active, displayName, ...rest } = body as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return fail(`Unknown field ${Object.keys(rest)[0]}`);
  if (role !== undefined && !isRole(role)) return fail('Choose one of the roles');
  if (active !== undefined && typeof active !== 'boolean') return fail('active is true or false');
  if (displayName !== undefined && typeof displayName !== 'string')
    return fail('Enter the person’s name');
  return ok({
    ...(role !== undefined ? { role } : {}),
    ...(active !== undefined ? { active } : {}),
    ...(displayName !== undefined ? { displayName } : {}),
  });
}
