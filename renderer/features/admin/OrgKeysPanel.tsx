// 組織鍵 (architecture.md Keys): where this terminal's organisation keys came from, its own request
// while it waits for them, and, on an administrator's terminal, other terminals' requests to grant
// after comparing the fingerprint out of band. No key material is ever shown: fingerprints and a check value only.
import { useCallback, useEffect, useState } from 'react';
import { formatMessage, type Lang, type Message } from '../../../shared/i18n';
import type { ChannelOutput } from '../../../shared/rpc';
import { call, RpcError } from '../../app/client';
import { formatTime } from '../../app/sync';
import { useApp } from '../../app/store';
import { ConfirmDialog } from '../retention/ConfirmDialog';
import { Input } from './controls';

type Status = ChannelOutput<'keys.status'>;
type Request = ChannelOutput<'keys.pending'>['requests'][number];

const TEXT = {
  title: { ja: '組織鍵（個人番号の暗号鍵・索引鍵）', en: 'Organisation keys (My Number data and index keys)' },
  lead: {
    ja: '組織鍵は最初の端末で作成され、管理者の端末からこの端末の公開鍵あてに暗号化して渡されます。データセンターは暗号化されたまま中継するだけです。',
    en: 'The first terminal creates the keys; an administrator\u2019s terminal wraps them for this terminal\u2019s public key. The data center only relays the wrapped keys.',
  },
  origin: { ja: '鍵の出どころ', en: 'Origin' },
  created: { ja: 'この端末で作成', en: 'Created on this terminal' },
  relayed: { ja: '端末 {terminal} から受領', en: 'Received from terminal {terminal}' },
  since: { ja: '記録日時', en: 'Recorded' },
  checkValue: { ja: '確認値', en: 'Check value' },
  checkHint: { ja: '同じ鍵を持つ端末どうしは確認値が一致します。', en: 'Terminals holding the same keys show the same check value.' },
  myRequest: { ja: 'この端末の鍵依頼', en: 'This terminal\u2019s request' },
  fingerprint: { ja: '指紋', en: 'Fingerprint' },
  waiting: { ja: '{at} に依頼。指紋を管理者に電話などで伝え、渡されたら「受け取る」を押してください。', en: 'Requested {at}. Read the fingerprint to the administrator; after the grant, press Install.' },
  request: { ja: '組織鍵を依頼', en: 'Request keys' },
  install: { ja: '受け取る', en: 'Install' },
  requested: { ja: '組織鍵を依頼しました。指紋 {fingerprint} を管理者に伝えてください。', en: 'Keys requested. Give the administrator the fingerprint {fingerprint}.' },
  installed: { ja: '組織鍵を受け取りました（確認値 {checkValue}）。管理者の端末の確認値と照合してください。', en: 'Keys installed (check value {checkValue}); compare it with the administrator\u2019s terminal.' },
  pendingTitle: { ja: '他の端末からの鍵依頼', en: 'Key requests from other terminals' },
  pendingHint: { ja: '依頼元の端末に表示された指紋と一字ずつ照合してから渡してください。', en: 'Compare the fingerprint with the one shown on the requesting terminal, character by character, before granting.' },
  terminal: { ja: '端末ID', en: 'Terminal' },
  requestedAt: { ja: '依頼日時', en: 'Requested' },
  grant: { ja: '照合して渡す', en: 'Compared: grant' },
  granted: { ja: '端末 {terminal} に組織鍵を渡しました。', en: 'Keys granted to terminal {terminal}.' },
  none: { ja: '依頼はありません。', en: 'No open requests.' },
  refresh: { ja: '更新', en: 'Refresh' },
  role: { ja: '鍵を渡せるか', en: 'May grant' },
  declaredFirst: { ja: '最初の端末として宣言済み（{by}、{at}）。この端末の鍵が組織鍵です。', en: 'Declared the first terminal ({by}, {at}); its keys are the organisation\u2019s.' },
  relayedRole: { ja: '組織鍵を受け取った端末です。他の端末に渡せます。', en: 'Holds the relayed organisation keys; may grant them.' },
  undeclared: {
    ja: '未宣言：この端末で作成した鍵は、最初の端末として宣言するまで他の端末に渡せません。',
    en: 'Not declared: keys created here cannot be granted until this terminal is declared the first terminal.',
  },
  declare: { ja: '最初の端末として宣言', en: 'Declare the first terminal' },
  declareTitle: { ja: 'この端末を最初の端末として宣言しますか', en: 'Declare this the first terminal?' },
  declareBody: {
    ja: '組織で最初に設置した端末だけを宣言してください。宣言すると、この端末の鍵（確認値 {checkValue}）が組織鍵となり、他の端末に渡せるようになります。取り消しや、他の端末からの鍵の受け取りはできなくなります。確認値は組織の鍵記録に控えてください。',
    en: 'Declare only the organisation\u2019s first terminal. Its keys (check value {checkValue}) then become the organisation keys and may be granted; this cannot be undone, and this terminal can no longer receive keys. Note the check value in the organisation\u2019s key record.',
  },
  declareYes: { ja: '宣言する', en: 'Declare' },
  cancel: { ja: 'やめる', en: 'Cancel' },
  declared: { ja: 'この端末を最初の端末として宣言しました（確認値 {checkValue}）。', en: 'Declared the first terminal (check value {checkValue}).' },
  expected: { ja: '組織の確認値', en: 'Organisation check value' },
  expectedHint: {
    ja: '登録済みの端末の画面（端末指定 → 組織鍵）か組織の鍵記録に表示された確認値を入力してください。一致しない鍵は受け取りません。',
    en: 'Type the check value shown on an enrolled terminal (Terminal settings \u2192 Organisation keys) or in the key record; keys that do not match are refused.',
  },
  notEnrolled: { ja: 'データセンターへの端末登録後に、鍵の依頼・受け渡しができます。', en: 'Requests and grants become available once this terminal is enrolled with the data center.' },
} satisfies Record<string, Message>;

const t = (lang: Lang, key: keyof typeof TEXT, params: Record<string, string> = {}): string => formatMessage(TEXT[key], lang, params);
const both = (key: keyof typeof TEXT, params: Record<string, string> = {}): Message => ({ ja: t('ja', key, params), en: t('en', key, params) });

export function OrgKeysPanel() {
  const lang = useApp((s) => s.lang);
  const run = useApp((s) => s.run);
  const busy = useApp((s) => s.busy);
  const inform = useApp((s) => s.inform);
  const [status, setStatus] = useState<Status | null>(null);
  const [enrolled, setEnrolled] = useState(false);
  const [requests, setRequests] = useState<Request[] | null>(null);
  const [listError, setListError] = useState<Message | null>(null);
  const [expected, setExpected] = useState('');
  const [confirming, setConfirming] = useState(false);

  const loadRequests = useCallback(async () => {
    // Read quietly: a link that is down is shown here, not as a refusal of the whole screen.
    try {
      setRequests((await call('keys.pending', {})).requests);
      setListError(null);
    } catch (e) {
      setListError(e instanceof RpcError ? { ja: e.error.ja, en: e.error.en } : null);
    }
  }, []);

  const load = useCallback(async () => {
    const s = await run(() => call('keys.status', {}));
    if (!s) return;
    setStatus(s);
    const link = await call('sync.status', {}).catch(() => null);
    const isEnrolled = link !== null && link.link !== 'unconfigured' && link.link !== 'revoked';
    setEnrolled(isEnrolled);
    if (isEnrolled && !s.request) await loadRequests();
  }, [run, loadRequests]);

  useEffect(() => {
    void load();
  }, [load]);

  const requestKeys = async () => {
    const r = await run(() => call('keys.request', {}));
    if (!r) return;
    await load();
    inform(both('requested', { fingerprint: r.fingerprint }));
  };
  const installKeys = async () => {
    const r = await run(() => call('keys.install', { expectedCheckValue: expected }));
    if (!r) return;
    setExpected('');
    await load();
    inform(both('installed', { checkValue: r.checkValue }));
  };
  const declareFirst = async () => {
    setConfirming(false);
    const r = await run(() => call('keys.declareFirst', {}));
    if (!r) return;
    await load();
    inform(both('declared', { checkValue: r.checkValue }));
  };
  const grant = async (q: Request) => {
    const r = await run(() => call('keys.grant', { terminalId: q.terminalId, fingerprint: q.fingerprint }));
    if (!r) return;
    await loadRequests();
    inform(both('granted', { terminal: r.terminalId }));
  };

  if (!status) return null;
  return (
    <div className="panel-form narrow org-keys" data-testid="org-keys">
      <h3>{t(lang, 'title')}</h3>
      <p className="muted">{t(lang, 'lead')}</p>
      <dl className="mini-facts">
        <div>
          <dt>{t(lang, 'origin')}</dt>
          <dd data-testid="org-keys-origin">{status.origin === 'created' ? t(lang, 'created') : t(lang, 'relayed', { terminal: status.relayedBy ?? '-' })}</dd>
        </div>
        <div>
          <dt>{t(lang, 'role')}</dt>
          <dd data-testid="org-keys-role">
            {status.origin === 'relayed'
              ? t(lang, 'relayedRole')
              : status.declaredFirst
                ? t(lang, 'declaredFirst', { by: status.declaredFirst.declaredBy, at: formatTime(status.declaredFirst.declaredAt) ?? '' })
                : t(lang, 'undeclared')}
          </dd>
        </div>
        <div>
          <dt>{t(lang, 'since')}</dt>
          <dd>{formatTime(status.recordedAt) ?? ''}</dd>
        </div>
        <div>
          <dt>{t(lang, 'checkValue')}</dt>
          <dd>
            <code data-testid="org-keys-check">{status.checkValue}</code>
            <div className="muted">{t(lang, 'checkHint')}</div>
          </dd>
        </div>
        {status.request ? (
          <div>
            <dt>{t(lang, 'myRequest')}</dt>
            <dd>
              {t(lang, 'fingerprint')} <code className="fingerprint" data-testid="org-keys-fingerprint">{status.request.fingerprint}</code>
              <div className="muted">{t(lang, 'waiting', { at: formatTime(status.request.requestedAt) ?? '' })}</div>
            </dd>
          </div>
        ) : null}
      </dl>
      {!enrolled ? <p className="muted">{t(lang, 'notEnrolled')}</p> : null}
      {enrolled && status.installable && status.request ? (
        <Input id="org-keys-expected" label={t(lang, 'expected')} value={expected} maxLength={20} onChange={setExpected} hint={t(lang, 'expectedHint')} />
      ) : null}
      {enrolled && status.installable ? (
        <div className="actions">
          {status.request ? (
            <button type="button" className="primary" data-testid="org-keys-install" disabled={busy || expected.trim() === ''} onClick={() => void installKeys()}>
              {t(lang, 'install')}
            </button>
          ) : null}
          <button type="button" data-testid="org-keys-request" disabled={busy} onClick={() => void requestKeys()}>
            {t(lang, 'request')}
          </button>
        </div>
      ) : null}
      {status.origin === 'created' && !status.declaredFirst && !status.request ? (
        <div className="actions">
          <button type="button" data-testid="org-keys-declare" disabled={busy} onClick={() => setConfirming(true)}>
            {t(lang, 'declare')}
          </button>
        </div>
      ) : null}
      {confirming ? (
        <ConfirmDialog title={t(lang, 'declareTitle')} confirmLabel={t(lang, 'declareYes')} cancelLabel={t(lang, 'cancel')} busy={busy} testId="org-keys-declare-confirm" onConfirm={() => void declareFirst()} onCancel={() => setConfirming(false)}>
          <p>{t(lang, 'declareBody', { checkValue: status.checkValue })}</p>
        </ConfirmDialog>
      ) : null}
      {enrolled && !status.request ? (
        <>
          <h4>{t(lang, 'pendingTitle')}</h4>
          <p className="muted">{t(lang, 'pendingHint')}</p>
          {listError ? <p className="muted" role="status">{listError[lang]}</p> : null}
          {requests && requests.length === 0 ? <p className="muted">{t(lang, 'none')}</p> : null}
          {requests && requests.length > 0 ? (
            <table className="plain-table compact" data-testid="org-keys-requests">
              <thead>
                <tr>
                  <th>{t(lang, 'terminal')}</th>
                  <th>{t(lang, 'fingerprint')}</th>
                  <th>{t(lang, 'requestedAt')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {requests.map((q) => (
                  <tr key={q.terminalId}>
                    <td>{q.terminalId}</td>
                    <td>
                      <code className="fingerprint">{q.fingerprint}</code>
                    </td>
                    <td>{formatTime(q.requestedAt) ?? ''}</td>
                    <td>
                      <button type="button" className="primary" data-testid={`org-keys-grant-${q.terminalId}`} disabled={busy} onClick={() => void grant(q)}>
                        {t(lang, 'grant')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <div className="actions">
            <button type="button" disabled={busy} onClick={() => void loadRequests()}>
              {t(lang, 'refresh')}
            </button>
          </div>
        </>
      ) : null}
    </div>
  );
}
