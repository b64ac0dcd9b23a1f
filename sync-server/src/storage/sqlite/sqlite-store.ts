import { DatabaseSync } from 'node:sqlite';
import type { Store } from '../store.ts';
import { createSqliteAccounts } from './sqlite-accounts.ts';
import { createSqliteCharts } from './sqlite-charts.ts';
import { createSqliteAudit } from './sqlite-audit.ts';
import { createSqliteDocuments } from './sqlite-documents.ts';
import {
  loadSqliteMigrations,
  migrateSqlite,
  migrateSqliteDocuments,
} from './sqlite-migrations.ts';
import { createSqliteSecondFactors } from './sqlite-second-factors.ts';
import { settle } from './sqlite-settle.ts';

/**
 * Opens (or creates) the SQLite database at `path`, brings its schema up to date and returns the
 * Store over it. One process writes; WAL lets pulls read while a push commits.
 */
export function openSqliteStore(path: string, options: { now: Date }): Store {
  const db = new DatabaseSync(path);
  try {
    // synchronous=FULL: a push acknowledged to a device survives a power cut.
    db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = FULL;
      PRAGMA foreign_keys = ON;
      PRAGMA busy_timeout = 5000;`);
    migrateSqlite(db, loadSqliteMigrations(), options.now);
    migrateSqliteDocuments(db);
  } catch (error) {
    db.close();
    throw error;
  }

  const audit = createSqliteAudit(db);
  const documents = createSqliteDocuments(db, audit);
  const accounts = createSqliteAccounts(db);
  const secondFactors = createSqliteSecondFactors(db);

  // node:sqlite is synchronous; the Store contract is async so PostgreSQL can implement it too.
  return {
    pull: (collection, sinceSeq, limit) =>
      settle(() => documents.pull(collection, sinceSeq, limit)),
    pullJson: (collection, sinceSeq, limit) =>
      settle(() => documents.pullJson(collection, sinceSeq, limit)),
    countAfter: (collection, sinceSeq) => settle(() => documents.countAfter(collection, sinceSeq)),
    storedIds: (collection, ids) => settle(() => documents.storedIds(collection, ids)),
    currentOfKinds: (collection, kinds) =>
      settle(() => documents.currentOfKinds(collection, kinds)),
    referencingDocuments: (sha256, collection) =>
      settle(() => documents.referencingDocuments(sha256, collection)),
    reannounce: (collection, ids) => settle(() => documents.reannounce(collection, ids)),
    destroyDocument: (collection, id, disposition) =>
      settle(() => documents.destroyDocument(collection, id, disposition)),
    blobInUse: (sha256) => settle(() => documents.blobInUse(sha256)),
    blobAccess: (sha256, userId) => settle(() => documents.blobAccess(sha256, userId)),
    recordBlobUpload: (sha256, userId, at) =>
      settle(() => documents.recordBlobUpload(sha256, userId, at)),
    unreferencedBlobs: (before, limit) => settle(() => documents.unreferencedBlobs(before, limit)),
    forgetBlobUploads: (sha256) => settle(() => documents.forgetBlobUploads(sha256)),
    push: (collection, rows, writer, serverTime, authorise, sentAs) =>
      settle(() => documents.push(collection, rows, writer, serverTime, authorise, sentAs)),
    countUsers: () => settle(() => accounts.countUsers()),
    createUser: (user) => settle(() => accounts.createUser(user)),
    findUserByUsername: (username) => settle(() => accounts.findUserByUsername(username)),
    findUserById: (id) => settle(() => accounts.findUserById(id)),
    listUsers: () => settle(() => accounts.listUsers()),
    updateUser: (id, changes) => settle(() => accounts.updateUser(id, changes)),
    deleteUserSessions: (userId) => settle(() => accounts.deleteUserSessions(userId)),
    createSession: (session) => settle(() => accounts.createSession(session)),
    findSession: (tokenHash) => settle(() => accounts.findSession(tokenHash)),
    touchSession: (tokenHash, lastSeenAt) =>
      settle(() => accounts.touchSession(tokenHash, lastSeenAt)),
    deleteSession: (tokenHash) => settle(() => accounts.deleteSession(tokenHash)),
    deleteStaleSessions: (now, idleBefore) =>
      settle(() => accounts.deleteStaleSessions(now, idleBefore)),
    createPendingSignIn: (pending) => settle(() => secondFactors.createPendingSignIn(pending)),
    findPendingSignIn: (tokenHash) => settle(() => secondFactors.findPendingSignIn(tokenHash)),
    offerEnrolmentSecret: (tokenHash, secret) =>
      settle(() => secondFactors.offerEnrolmentSecret(tokenHash, secret)),
    consumePendingSignIn: (tokenHash) =>
      settle(() => secondFactors.consumePendingSignIn(tokenHash)),
    deleteExpiredPendingSignIns: (now) =>
      settle(() => secondFactors.deleteExpiredPendingSignIns(now)),
    findSecondFactor: (userId) => settle(() => secondFactors.findSecondFactor(userId)),
    enrolSecondFactor: (record) => settle(() => secondFactors.enrolSecondFactor(record)),
    useSecondFactorStep: (userId, step) =>
      settle(() => secondFactors.useSecondFactorStep(userId, step)),
    removeSecondFactor: (userId) => settle(() => secondFactors.removeSecondFactor(userId)),
    loginThrottle: (key, since) => settle(() => accounts.loginThrottle(key, since)),
    claimLoginAttempt: (key, expected, at) =>
      settle(() => accounts.claimLoginAttempt(key, expected, at)),
    recordLoginFailure: (keys, at, forgetBefore) =>
      settle(() => accounts.recordLoginFailure(keys, at, forgetBefore)),
    clearConsecutiveLoginFailures: (key) =>
      settle(() => accounts.clearConsecutiveLoginFailures(key)),
    lockLogin: (key, at) => settle(() => accounts.lockLogin(key, at)),
    unlockAccount: (username) => settle(() => accounts.unlockAccount(username)),
    recordDevice: (device) => settle(() => accounts.recordDevice(device)),
    saveDeviceReport: (entry) => settle(() => accounts.saveDeviceReport(entry)),
    listDevices: () => settle(() => accounts.listDevices()),
    nameDevice: (deviceId, name) => settle(() => accounts.nameDevice(deviceId, name)),
    retireDevice: (deviceId, at) => settle(() => accounts.retireDevice(deviceId, at)),
    charts: createSqliteCharts(db),
    appendAuditEvents: (events) => settle(() => audit.append(events)),
    auditReport: (query) => settle(() => audit.report(query)),
    readAuditChain: (afterPosition, limit) => settle(() => audit.readChain(afterPosition, limit)),
    auditChainHead: () => settle(() => audit.head()),
    close: () =>
      settle(() => {
        if (db.isOpen) db.close();
      }),
  };
}
