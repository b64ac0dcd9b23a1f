import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnrolmentOffer } from '@clinicdesk/shared/auth/second-factor.ts';
import { TOTP } from '@clinicdesk/shared/auth/totp.ts';
import { PENDING_SIGN_IN_LIFETIME } from '../services/second-factor.service.ts';
import { createStaffAccount } from '../services/staff.service.ts';
import {
  addStaff,
  cookieSet,
  createTestServer,
  secondFactorSteps,
  TEST_PASSWORD,
  type TestServer,
} from '../test-support.ts';

/** An office manager's or administrator's first sign-in: setting up the second factor. */
let server: TestServer;
beforeEach(async () => {
  server = await createTestServer();
});
afterEach(() => server.close());

const STEP_MS = TOTP.periodSeconds * 1000;
const { password, codeNow, sendCode, offer, confirm, errorCode, auditTrail, statements } =
  secondFactorSteps(() => server);

describe('enrolling at the first sign-in', () => {
  beforeEach(async () => {
    await addStaff(server, 'ada', 'admin', { enrolled: false });
  });

  it('offers a 160-bit secret as an otpauth URI for ClinicDesk and the username, once confirmed signs in', async () => {
    const { response, pending } = await password('ada');
    expect(await response.json()).toEqual({
      secondFactor: 'enrol',
      expiresInSeconds: PENDING_SIGN_IN_LIFETIME.enrolMs / 1000,
    });
    const offered = await offer(pending);
    expect(offered.status).toBe(200);
    const enrolment = (await offered.json()) as EnrolmentOffer;
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment).toEqual({
      secret: enrolment.secret,
      uri: `otpauth://totp/ClinicDesk:ada?secret=${enrolment.secret}&issuer=ClinicDesk&algorithm=SHA1&digits=6&period=30`,
      issuer: 'ClinicDesk',
      account: 'ada',
    });
    // Asked again (a reload), the same secret: the app may already have scanned it.
    expect(((await (await offer(pending)).json()) as EnrolmentOffer).secret).toBe(enrolment.secret);

    const signedIn = await confirm(pending, codeNow(0, enrolment.secret));
    expect(signedIn.status).toBe(200);
    expect(cookieSet(signedIn, 'cd_session')).toMatch(/^cd_session=/);
    const ada = await server.store.findUserByUsername('ada');
    expect(await server.store.findSecondFactor(ada?.id ?? '')).toMatchObject({
      totpSecret: enrolment.secret,
    });
  });

  it('never sends the secret again once enrolled; the next sign-in asks for a code', async () => {
    const first = await password('ada');
    const { secret } = (await (await offer(first.pending)).json()) as EnrolmentOffer;
    await confirm(first.pending, codeNow(0, secret));

    const next = await password('ada');
    expect(await next.response.json()).toMatchObject({ secondFactor: 'code' });
    const refused = await offer(next.pending);
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain(secret);
    // The confirming code is used up; the next step's code signs in.
    expect(await errorCode(await sendCode(next.pending, codeNow(0, secret)))).toBe(
      'code-already-used',
    );
    server.clock.advance(STEP_MS);
    expect((await sendCode(next.pending, codeNow(0, secret))).status).toBe(200);
  });

  it('enrols nothing on a wrong code, and counts it as a failure', async () => {
    const { pending } = await password('ada');
    const { secret } = (await (await offer(pending)).json()) as EnrolmentOffer;
    const wrong = await confirm(pending, codeNow(3, secret));
    expect(wrong.status).toBe(401);
    expect(await errorCode(wrong)).toBe('wrong-code');
    const ada = await server.store.findUserByUsername('ada');
    expect(await server.store.findSecondFactor(ada?.id ?? '')).toBeNull();
    expect((await server.store.loginThrottle('account:ada', new Date(0))).recentFailures).toBe(1);
    expect((await confirm(pending, codeNow(0, secret))).status).toBe(200);
  });

  it('cannot confirm before a secret was offered, nor send a sign-in code before enrolling', async () => {
    const { pending } = await password('ada');
    expect((await confirm(pending, '123456')).status).toBe(403);
    expect((await sendCode(pending, '123456')).status).toBe(403);
  });

  it('gives the enrolment ten minutes', async () => {
    const { pending } = await password('ada');
    const { secret } = (await (await offer(pending)).json()) as EnrolmentOffer;
    server.clock.advance(PENDING_SIGN_IN_LIFETIME.codeMs);
    expect((await confirm(pending, codeNow(0, secret))).status).toBe(200);

    await server.store.removeSecondFactor((await server.store.findUserByUsername('ada'))!.id);
    const late = await password('ada');
    await offer(late.pending);
    server.clock.advance(PENDING_SIGN_IN_LIFETIME.enrolMs);
    expect(await errorCode(await confirm(late.pending, codeNow(0, secret)))).toBe(
      'sign-in-expired',
    );
  });

  it('records the enrolment without the secret or the code', async () => {
    const { pending } = await password('ada');
    const { secret } = (await (await offer(pending)).json()) as EnrolmentOffer;
    const code = codeNow(0, secret);
    await confirm(pending, code);
    const entries = await auditTrail();
    expect(entries.map((entry) => entry.action)).toEqual(['second-factor-enrolled', 'sign-in']);
    const text = statements(entries);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(code);
  });

  it('is what the administrator made by create-admin does at their first sign-in', async () => {
    const created = await createStaffAccount(
      { store: server.store, clock: server.clock.now, randomBytes: (n) => randomBytes(n) },
      {
        username: 'first.admin',
        displayName: 'First Admin',
        role: 'admin',
        password: TEST_PASSWORD,
      },
    );
    expect(created.ok).toBe(true);
    expect(await (await password('first.admin')).response.json()).toMatchObject({
      secondFactor: 'enrol',
    });
  });
});
