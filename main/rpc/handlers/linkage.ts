// Information linkage through the router (LK-1..LK-4). Every channel is 情報連携 work: the router
// has checked the permission and that 情報連携 is declared (AC-7). The rules live in main/core/linkage.
import type { Business } from '../../../shared/codes';
import { KuraError } from '../../../shared/errors';
import {
  buildInquiry, chooseProcedure, IDENTITY_HEADING, IdentityConfirmations, loadProcedures, matchAnswers, permittedProcedures, ProvisionRecords,
  readLinkageFile, RECORDS_HEADING, type IdentityMatch, type Procedure,
} from '../../core/linkage';
import { eraseSourceFile } from '../../core/imports';
import type { Kura } from '../kura';
import { resourcePath } from '../resources';
import type { Handler } from '../router';
import { importScanner } from './imports';
import { checkImportSource } from './source-path';

type Linkage = { records: ProvisionRecords; identity: IdentityConfirmations; procedures: Procedure[] };
const perKura = new WeakMap<Kura, Linkage>();
const configuredTables = new WeakMap<Kura, Procedure[]>();

/** Replaces the procedure table for a Kura (a test, or a society's own table). */
export function configureLinkageProcedures(kura: Kura, procedures: Procedure[]): void {
  configuredTables.set(kura, procedures);
  perKura.delete(kura);
}

function linkageOf(kura: Kura): Linkage {
  let linkage = perKura.get(kura);
  if (!linkage) {
    linkage = {
      records: new ProvisionRecords(kura.store.db, kura.now),
      identity: new IdentityConfirmations(kura.store, kura.members, kura.vault, kura.now),
      procedures: configuredTables.get(kura) ?? loadProcedures(resourcePath('linkage-procedures.json')),
    };
    perKura.set(kura, linkage);
  }
  return linkage;
}

const businessesOf = (businesses: readonly Business[]): Business[] => [...businesses];

/** LK-4: only the procedures of the user's own businesses are offered. */
export const listProcedures: Handler<'linkage.procedures'> = ({ kura, subject }) => permittedProcedures(linkageOf(kura).procedures, businessesOf(subject!.businesses));

/** The file's real path, after the MD-2 check of the medium it is on; a refusal names the reason. */
async function linkageSource(kura: Kura, path: string): Promise<string> {
  const source = await checkImportSource(kura, path);
  if (!source.ok) throw new KuraError('linkage_file_refused', { detail: `${source.message.ja} ${source.message.en}` });
  return source.path;
}

/** LK-1: a file from the intermediate server, or one record typed in. */
export const addRecords: Handler<'linkage.records.add'> = async (call) => {
  const { records } = linkageOf(call.kura);
  const userId = call.subject!.userId;
  if ('record' in call.input) {
    const record = call.input.record;
    return call.commit(
      () => {
        records.add({ ...record, providedAt: record.providedAt ?? '' }, userId);
        return { read: 1, added: 1, duplicates: 0, errors: [] };
      },
      { target: `${record.shoriNo}-${record.shoriEdaban}`, detail: { source: 'manual' } },
    );
  }
  const path = await linkageSource(call.kura, call.input.path);
  const file = await readLinkageFile(path, RECORDS_HEADING, importScanner(call.kura));
  return call.commit(
    () => records.importLines(file.lines, userId, file.digest),
    (r) => ({ detail: { source: 'file', digest: file.digest, read: r.read, added: r.added, duplicates: r.duplicates, errors: r.errors.length } }),
  );
};

/** LK-1: the search itself is logged (access to a specific personal information file, AU-1). */
export const searchRecords: Handler<'linkage.records.search'> = ({ kura, input, note }) => {
  const found = linkageOf(kura).records.search(input);
  const truncated = found.length > input.limit;
  const records = found.slice(0, input.limit).map(({ source: _source, ...r }) => r);
  note({ target: input.shikakuId ?? null, detail: { from: input.from ?? null, to: input.to ?? null, procedure: input.procedure ?? null, results: records.length } });
  return { records, truncated };
};

/** LK-2: the J-LIS answer, matched to members; the numbers stay encrypted in the store. */
export const importIdentity: Handler<'linkage.identity.import'> = async (call) => {
  const path = await linkageSource(call.kura, call.input.path);
  const file = await readLinkageFile(path, IDENTITY_HEADING, importScanner(call.kura));
  const result = call.commit(
    () => linkageOf(call.kura).identity.importLines(file.lines, call.subject!.userId),
    (r) => ({ target: r.batchId, detail: { digest: file.digest, rows: r.rows.length } }),
  );
  // DP-5: the J-LIS answer holds My Numbers; once imported, the file is overwritten and deleted.
  const erased = eraseSourceFile(path, file.digest);
  call.commit(() => null, { target: result.batchId, outcome: erased.deleted ? 'ok' : 'failed', detail: { step: 'source_erased', result: erased.detail } });
  const counts: Record<IdentityMatch, number> = { by_number: 0, by_name_birth: 0, conflict: 0, ambiguous: 0, unmatched: 0, error: 0 };
  for (const row of result.rows) counts[row.match]++;
  return { batchId: result.batchId, counts, rows: result.rows };
};

/** LK-3, LK-4: a permitted procedure, members named by 被保険者枝番 only. */
export const buildInquiryFile: Handler<'linkage.inquiry.build'> = (call) => {
  const subject = call.subject!;
  const procedure = chooseProcedure(linkageOf(call.kura).procedures, call.input.procedureCode, businessesOf(subject.businesses));
  return call.commit(
    () => buildInquiry(call.kura.store.db, call.kura.members, procedure, call.input.shikakuIds, subject.userId, call.now),
    (built) => ({ target: built.inquiryId, detail: { procedure: procedure.code, rows: built.rows.length } }),
  );
};

/** LK-3: answers find their member through the inquiry's 枝番 → 資格ID. */
export const receiveAnswers: Handler<'linkage.inquiry.answers'> = (call) =>
  call.commit(
    () => matchAnswers(call.kura.store.db, call.input.inquiryId, call.input.answers, call.now),
    (results) => ({ target: call.input.inquiryId, detail: { answers: results.length, matched: results.filter((r) => r.outcome === 'matched').length } }),
  );

export const linkageHandlers = {
  'linkage.procedures': listProcedures,
  'linkage.records.add': addRecords,
  'linkage.records.search': searchRecords,
  'linkage.identity.import': importIdentity,
  'linkage.inquiry.build': buildInquiryFile,
  'linkage.inquiry.answers': receiveAnswers,
};
