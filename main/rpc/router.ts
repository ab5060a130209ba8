// The one way through (architecture.md): validate input (zod), bind the session, check the policy
// (AC-11: the main process decides, menus only mirror it), call the handler, write the operation
// log entry in the same transaction (AU-1), validate the output, and return errors without stacks.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { BUSINESS_LABELS, DESIGNATION_LABELS } from '../../shared/codes';
import { KuraError, toWireError } from '../../shared/errors';
import { looksLikeMyNumber, TWELVE_DIGIT_RUN } from '../../shared/mynumber';
import { contract, type Channel, type ChannelOutput, type ChannelParsedInput, type ChannelSpec, type RpcResult } from '../../shared/rpc';
import type { Permission } from '../../shared/rpc/permissions';
import { decide, loadSubject, type Subject } from '../core/access';
import { japanDate } from '../core/kernel';
import type { AuditOutcome } from '../core/audit';
import { handlers } from './handlers';
import type { Kura } from './kura';
import type { Connection } from './session';

export type AuditNote = { target?: string | null; detail?: Record<string, unknown>; outcome?: AuditOutcome };

export type Call<C extends Channel> = {
  channel: C;
  input: ChannelParsedInput<C>;
  conn: Connection;
  kura: Kura;
  now: Date;
  /** The acting user, re-read from the store for this call; null on public channels without a session. */
  subject: Subject | null;
  /** Throws forbidden / business_* unless the subject holds the permission now. */
  require(permission: Permission): Subject;
  /** Runs fn and the channel's log entry in one transaction: both commit or neither does (AU-1). */
  commit<T>(fn: () => T, note?: AuditNote | ((result: T) => AuditNote)): T;
  /** Sets what the log entry says when the handler did not commit (read-only channels). */
  note(note: AuditNote): void;
  /** Operator recorded when there is no session yet (login, setup). */
  setOperator(userId: string | null): void;
};

export type Handler<C extends Channel> = (call: Call<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
export type Handlers = { [C in Channel]: Handler<C> };

/** Never let a 12-digit run reach a log line or the console (AC-9, AU-3). */
export function redactDigits(text: string): string {
  return text.replace(new RegExp(TWELVE_DIGIT_RUN.source, 'g'), '[12桁]');
}

/**
 * Free-text fields that end up in the log or on reports; a My Number typed there would leak (AC-9).
 * (Linkage answer `content` is judged row by row by its handler, which refuses only that row.)
 */
const FREE_TEXT_KEYS = new Set(['reason', 'findings', 'note', 'notes', 'memo', 'purpose', 'summary', 'response', 'comment', 'description', 'witness', 'method', 'label', 'holder', 'storagePlace']);

function freeTextWithNumber(input: unknown, path = ''): string | null {
  if (input === null || typeof input !== 'object') return null;
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    const here = path ? `${path}.${key}` : key;
    if (typeof value === 'string' && FREE_TEXT_KEYS.has(key) && looksLikeMyNumber(value)) return here;
    const nested = typeof value === 'object' ? freeTextWithNumber(value, here) : null;
    if (nested) return nested;
  }
  return null;
}

function invalidInput(error: z.ZodError): KuraError {
  // Field paths only: a zod message may quote the input, and the input may be a My Number.
  const fields = [...new Set(error.issues.map((i) => i.path.join('.') || '(input)'))].join(', ');
  return new KuraError('invalid_input', { fields: redactDigits(fields) });
}

export class Router {
  /** Errors whose refusal is already in the log, so it is written once. */
  private readonly logged = new WeakSet<KuraError>();
  constructor(private readonly kura: Kura) {}

  async invoke(conn: Connection, channelName: string, rawInput: unknown): Promise<RpcResult> {
    if (!Object.hasOwn(contract, channelName)) return { ok: false, error: toWireError(new KuraError('unknown_channel')) };
    const channel = channelName as Channel;
    try {
      return { ok: true, data: await this.dispatch(conn, channel, rawInput) } as RpcResult;
    } catch (e) {
      return { ok: false, error: toWireError(this.toKuraError(e, conn, channel)) };
    }
  }

  private async dispatch<C extends Channel>(conn: Connection, channel: C, rawInput: unknown): Promise<ChannelOutput<C>> {
    const spec: ChannelSpec = contract[channel];
    const kura = this.kura;
    const now = kura.now();
    const parsed = spec.input.safeParse(rawInput ?? {});
    const subject = this.bindSession(conn, channel, now);
    if (!parsed.success) throw this.refuse(conn, channel, subject, invalidInput(parsed.error));
    const numberInText = freeTextWithNumber(parsed.data);
    if (numberInText) throw this.refuse(conn, channel, subject, new KuraError('free_text_has_number', { field: numberInText }));
    if (spec.access !== 'public' && spec.access !== 'session') this.check(conn, channel, subject!, spec.access);
    // The declared business must still be assigned: a grant can end while the session is open (AC-4, AC-7).
    if (spec.business && (subject?.declared !== spec.business || !subject.businesses.includes(spec.business))) {
      throw this.refuse(conn, channel, subject, new KuraError('business_required', { business: BUSINESS_LABELS[spec.business].ja }), { business: spec.business });
    }
    if (spec.designation && !kura.designations().includes(spec.designation)) {
      // AC-12: the menu may hide it; this refusal is the control.
      throw this.refuse(conn, channel, subject, new KuraError('terminal_not_designated', { designation: DESIGNATION_LABELS[spec.designation].ja }), { designation: spec.designation });
    }

    let audited = false;
    let pending: AuditNote = {};
    let operator: string | null = subject?.userId ?? null;
    const call: Call<C> = {
      channel,
      input: parsed.data as ChannelParsedInput<C>,
      conn,
      kura,
      now,
      subject,
      require: (permission) => {
        if (!subject) throw this.refuse(conn, channel, null, new KuraError('not_logged_in'));
        return this.check(conn, channel, subject, permission);
      },
      commit: (fn, note) =>
        kura.store.transaction(() => {
          const result = fn();
          const resolved = typeof note === 'function' ? note(result) : (note ?? pending);
          if (spec.audit) this.log(conn, channel, operator, subject, resolved.outcome ?? 'ok', resolved);
          audited = true;
          return result;
        }),
      note: (n) => {
        pending = n;
      },
      setOperator: (userId) => {
        operator = userId;
      },
    };
    const handler = handlers[channel] as Handler<C>;
    let output: ChannelOutput<C>;
    try {
      output = await handler(call);
    } catch (e) {
      // A business refusal (stale 更新通番, taken number ...) is logged against the record it concerned.
      if (e instanceof KuraError && spec.audit && !audited) {
        const input = parsed.data as { shikakuId?: unknown };
        const target = typeof input.shikakuId === 'string' ? input.shikakuId : null;
        this.kura.store.transaction(() => this.log(conn, channel, operator, subject, 'refused', { target, detail: { reason: e.code } }));
        this.logged.add(e);
      }
      throw e;
    }
    if (spec.audit && !audited) kura.store.transaction(() => this.log(conn, channel, operator, conn.session ? subject : null, 'ok', pending));
    if (conn.session && !spec.allowWhenRestricted) conn.session.lastActivityAt = now.getTime();
    return spec.output.parse(output) as ChannelOutput<C>;
  }

  /** Session rules: expiry, idle lock (AC-10), pending password change (AC-5). */
  private bindSession(conn: Connection, channel: Channel, now: Date): Subject | null {
    const spec: ChannelSpec = contract[channel];
    const session = conn.session;
    if (!session) {
      if (spec.access === 'public') return null;
      throw new KuraError(conn.replaced ? 'session_replaced' : 'not_logged_in');
    }
    const { policy } = this.kura;
    // A disabled or retired ID loses its open session at once, not at the next login (AC-4).
    const user = this.kura.users.find(session.userId);
    if (!user || user.disabledAt || (user.retiredOn && user.retiredOn <= japanDate(now))) {
      conn.end();
      throw new KuraError('account_disabled');
    }
    // A lockout (repeated wrong passwords, here or on the unlock screen) also ends the open session.
    if (user.lockedAt) {
      conn.end();
      throw new KuraError('account_locked');
    }
    if (now.getTime() - session.startedAt > policy.session.maxSessionHours * 3_600_000) {
      conn.end();
      if (spec.access === 'public') return null;
      throw new KuraError('session_expired');
    }
    if (now.getTime() - session.lastActivityAt > policy.session.idleLockSeconds * 1000) session.locked = true;
    const subject = loadSubject(this.kura.store.db, policy, session.userId, { declared: session.business, myNumberOff: session.myNumberOff }, now);
    const unlockChannels: Channel[] = ['session.unlock', 'session.get', 'session.lock', 'auth.logout'];
    if (session.locked && !unlockChannels.includes(channel)) throw new KuraError('session_locked');
    if (session.mustChangePassword && !spec.allowWhenRestricted) throw new KuraError('password_change_required');
    return subject;
  }

  private check(conn: Connection, channel: Channel, subject: Subject, permission: Permission): Subject {
    const decision = decide(subject, permission);
    if (!decision.allowed) throw this.refuse(conn, channel, subject, new KuraError(decision.reason), { permission });
    return subject;
  }

  /** Logs a refusal in its own transaction (the action did not happen) and returns the error to throw. */
  private refuse(conn: Connection, channel: Channel, subject: Subject | null, error: KuraError, detail: Record<string, unknown> = {}): KuraError {
    if (contract[channel].audit) {
      this.kura.store.transaction(() => this.log(conn, channel, subject?.userId ?? null, subject, 'refused', { detail: { ...detail, reason: error.code } }));
    }
    this.logged.add(error);
    return error;
  }

  private log(conn: Connection, channel: Channel, operator: string | null, subject: Subject | null, outcome: AuditOutcome, note: AuditNote): number {
    return this.kura.audit.append({
      operator,
      terminal: this.kura.terminalName() ?? '(未設定)',
      business: subject?.declared ?? conn.session?.business ?? null,
      event: contract[channel].audit ?? channel,
      target: note.target ?? null,
      outcome,
      detail: { origin: conn.origin, ...(note.detail ?? {}) },
    });
  }

  private toKuraError(e: unknown, conn: Connection, channel: Channel): KuraError {
    if (e instanceof KuraError) {
      if (contract[channel].audit && !this.logged.has(e) && !['not_logged_in', 'session_locked', 'password_change_required', 'session_expired'].includes(e.code)) {
        this.safeLog(conn, channel, 'refused', { reason: e.code });
      }
      return e;
    }
    if (e instanceof z.ZodError) {
      // An output that fails its schema is our bug, and it must not reach the renderer (AC-9).
      const ref = randomUUID().slice(0, 8);
      console.error(`[kura] output of ${channel} failed its schema (ref ${ref}): ${redactDigits(e.message)}`);
      this.safeLog(conn, channel, 'failed', { ref, reason: 'output_schema' });
      return new KuraError('internal', { ref });
    }
    const ref = randomUUID().slice(0, 8);
    const message = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
    console.error(`[kura] ${channel} failed (ref ${ref}): ${redactDigits(message)}`);
    this.safeLog(conn, channel, 'failed', { ref });
    return new KuraError('internal', { ref });
  }

  private safeLog(conn: Connection, channel: Channel, outcome: AuditOutcome, detail: Record<string, unknown>): void {
    try {
      this.kura.store.transaction(() => this.log(conn, channel, conn.session?.userId ?? null, null, outcome, { detail }));
    } catch (logError) {
      console.error(`[kura] could not log ${channel}: ${redactDigits(String(logError))}`);
    }
  }
}
