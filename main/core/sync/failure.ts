// Why a sync run stopped, in words the status screen can show (Japanese first) and a code for tests.
import { errorResponse, type SyncErrorCode } from '../../../shared/sync/protocol';
import type { TransportResponse } from './transport';

export type SyncFailureCode = SyncErrorCode | 'link_down' | 'bad_response';

const MESSAGES: Record<SyncFailureCode, { ja: string; en: string }> = {
  link_down: { ja: 'データセンターに接続できません。回線（VPN）を確認してください。作業はこのまま続けられます。', en: 'Cannot reach the data center. Check the VPN link; work can continue offline.' },
  terminal_revoked: { ja: 'この端末の証明書は失効しました。端末内の複製データを消去しました。システム管理責任者に連絡してください。', en: 'This terminal was revoked and its replica has been wiped. Contact the system administrator.' },
  sync_gap: { ja: '送信待ちの変更に欠番があります。システム管理責任者に連絡してください。', en: 'The queue of changes has a gap. Contact the system administrator.' },
  log_rollback: { ja: '操作ログが以前の状態に戻されています（改ざんの疑い）。システム管理責任者に連絡してください。', en: 'The operation log was rolled back (possible tampering). Contact the system administrator.' },
  log_fork: { ja: '操作ログがデータセンターの記録と一致しません（改ざんの疑い）。システム管理責任者に連絡してください。', en: 'The operation log does not match the data center record (possible tampering). Contact the system administrator.' },
  log_chain_broken: { ja: '操作ログの連鎖が壊れています。システム管理責任者に連絡してください。', en: 'The operation log chain is broken. Contact the system administrator.' },
  bad_signature: { ja: '操作ログの署名を検証できません。システム管理責任者に連絡してください。', en: 'The operation log signature does not verify. Contact the system administrator.' },
  invalid_body: { ja: 'データセンターが送信内容を受け付けませんでした。システム管理責任者に連絡してください。', en: 'The data center refused the request. Contact the system administrator.' },
  internal: { ja: 'データセンターで問題が発生しました。しばらくして自動で再試行します。', en: 'The data center had a problem; sync retries automatically.' },
  bad_response: { ja: 'データセンターの応答を解釈できません。システム管理責任者に連絡してください。', en: 'The data center answer could not be read. Contact the system administrator.' },
};

export class SyncFailure extends Error {
  constructor(
    readonly code: SyncFailureCode,
    readonly detail = '',
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
    this.name = 'SyncFailure';
  }
  get ja(): string {
    return MESSAGES[this.code].ja;
  }
  get en(): string {
    return MESSAGES[this.code].en;
  }
}

export function syncFailureMessage(code: SyncFailureCode): { ja: string; en: string } {
  return MESSAGES[code];
}

/** Turns a non-200 answer into a SyncFailure. */
export function failureFrom(res: TransportResponse): SyncFailure {
  const parsed = errorResponse.safeParse(res.body);
  if (parsed.success) return new SyncFailure(parsed.data.error, parsed.data.detail);
  return new SyncFailure(res.status >= 500 ? 'internal' : 'bad_response', `HTTP ${res.status}`);
}

export function isSyncFailureCode(code: string): code is SyncFailureCode {
  return Object.hasOwn(MESSAGES, code);
}
