/**
 * The routes the web calls, held to the server's own types (issue 11, point 8). This file is
 * checked by the compiler (`pnpm run check`, svelte-check over web/src): a route the web calls
 * that leaves `AppType` — renamed, moved, or mounted outside the server's one chain — is a
 * missing property here, and an answer that no longer has the shape the web reads is a failed
 * `toExtend` or `toEqualTypeOf`. (Vitest runs it too, but `expectTypeOf` checks nothing at run
 * time: the compiler is the test.)
 */
import type { AuditReportPage, AuditUploadResponse } from '@clinicdesk/shared/audit/audit-event.ts';
import type { SessionUser } from '@clinicdesk/shared/auth/roles.ts';
import type { EnrolmentOffer, SignInAnswer } from '@clinicdesk/shared/auth/second-factor.ts';
import type { StaffAccount } from '@clinicdesk/shared/auth/staff-account.ts';
import type { ChartNumberBlockResponse } from '@clinicdesk/shared/charts/chart-number.ts';
import type { DuplicatePairsResponse } from '@clinicdesk/shared/charts/duplicate-review.ts';
import type { BlobRef } from '@clinicdesk/shared/blobs/blob-ref.ts';
import type { DeviceHealth, DeviceReport } from '@clinicdesk/shared/sync/device-health.ts';
import type { PullResponse, PushRequest, PushResponse } from '@clinicdesk/shared/sync/protocol.ts';
import type { InferRequestType } from 'hono/client';
import { describe, expectTypeOf, it } from 'vitest';
import type { PatientHistoryAnswer } from '../charts/chart-api.ts';
import type { api } from './client.ts';
import type { SuccessBody } from './http.ts';

/** What a call answers when it succeeds, as the web reads it. */
type Answer<Call extends (...args: never[]) => Promise<unknown>> = SuccessBody<
  Awaited<ReturnType<Call>>
>;
type Ok = { ok: true };
type Sync = typeof api.sync.v1;
type SecondFactor = (typeof api.auth)['second-factor'];
type Account = (typeof api.staff)[':id'];
/** What a call takes, as one object (Hono builds it as an intersection of its parts). */
type Sent<Call> = { [Part in keyof InferRequestType<Call>]: InferRequestType<Call>[Part] };

describe('the typed client (compile-time: pnpm run check)', () => {
  it('reads each answer the web uses in the shape shared declares', () => {
    expectTypeOf<Answer<typeof api.auth.login.$post>>().toExtend<SignInAnswer>();
    expectTypeOf<Answer<typeof api.auth.session.$get>>().toExtend<{ user: SessionUser }>();
    expectTypeOf<Answer<typeof api.auth.logout.$post>>().toExtend<Ok>();
    expectTypeOf<Answer<SecondFactor['code']['$post']>>().toExtend<{ user: SessionUser }>();
    expectTypeOf<Answer<SecondFactor['enrolment']['$post']>>().toExtend<EnrolmentOffer>();
    expectTypeOf<Answer<SecondFactor['enrolment']['confirm']['$post']>>().toExtend<{
      user: SessionUser;
    }>();
    expectTypeOf<Answer<SecondFactor['cancel']['$post']>>().toExtend<Ok>();

    expectTypeOf<Answer<typeof api.staff.$get>>().toExtend<{ staff: StaffAccount[] }>();
    expectTypeOf<Answer<typeof api.staff.$post>>().toExtend<{ account: StaffAccount }>();
    expectTypeOf<Answer<Account['$patch']>>().toExtend<{ account: StaffAccount }>();
    expectTypeOf<Answer<Account['password']['$post']>>().toExtend<{ account: StaffAccount }>();
    expectTypeOf<Answer<Account['unlock']['$post']>>().toExtend<{ account: StaffAccount }>();
    expectTypeOf<Answer<Account['second-factor']['reset']['$post']>>().toExtend<{
      account: StaffAccount;
    }>();

    expectTypeOf<Answer<Sync[':collection']['pull']['$get']>>().toExtend<PullResponse>();
    expectTypeOf<Answer<Sync[':collection']['push']['$post']>>().toExtend<PushResponse>();
    expectTypeOf<Answer<Sync['chart-numbers']['$post']>>().toExtend<ChartNumberBlockResponse>();
    expectTypeOf<Answer<Sync['audit']['events']['$post']>>().toExtend<AuditUploadResponse>();
    expectTypeOf<Answer<Sync['devices']['$get']>>().toExtend<{ devices: DeviceHealth[] }>();
    expectTypeOf<Answer<Sync['devices']['report']['$post']>>().toExtend<Ok>();
    expectTypeOf<Answer<Sync['devices'][':deviceId']['name']['$put']>>().toExtend<Ok>();
    expectTypeOf<Answer<Sync['devices'][':deviceId']['retire']['$post']>>().toExtend<Ok>();
    expectTypeOf<Sync['stream']['$get']>().toBeFunction();

    expectTypeOf<Answer<typeof api.charts.duplicates.$get>>().toExtend<DuplicatePairsResponse>();
    expectTypeOf<Answer<typeof api.charts.duplicates.dismiss.$post>>().toExtend<Ok>();
    expectTypeOf<
      Answer<(typeof api.charts)[':id']['history']['$get']>
    >().toExtend<PatientHistoryAnswer>();
    expectTypeOf<Answer<typeof api.audit.v1.events.$get>>().toExtend<AuditReportPage>();
    expectTypeOf<(typeof api.audit.v1)['events.csv']['$path']>().toBeFunction();
    expectTypeOf<Answer<(typeof api.blobs)[':sha256']['$put']>>().toExtend<BlobRef>();
    expectTypeOf<(typeof api.blobs)[':sha256']['$get']>().toBeFunction();
  });

  it('sends each body and query in the shape the server reads', () => {
    expectTypeOf<Sent<Sync[':collection']['push']['$post']>>().toEqualTypeOf<{
      param: { collection: string };
      json: PushRequest;
    }>();
    expectTypeOf<Sent<Sync[':collection']['pull']['$get']>>().toEqualTypeOf<{
      param: { collection: string };
      query?: { since?: string; limit?: string };
    }>();
    expectTypeOf<Sent<Sync['devices']['report']['$post']>>().toEqualTypeOf<{
      json: DeviceReport;
    }>();
    expectTypeOf<Sent<Sync['stream']['$get']>>().toEqualTypeOf<{
      query: { protocol: string; device: string };
    }>();
    expectTypeOf<Sent<typeof api.auth.login.$post>>().toEqualTypeOf<{
      json: { username: string; password: string; deviceId: string };
    }>();
  });
});
