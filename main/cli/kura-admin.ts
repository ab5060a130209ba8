// kura-admin: the headless face of the same router and policy, for IT and administrators.
// Every command logs in as a named user (--as) and goes through Router.invoke like the app does.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { BUSINESSES, DESIGNATIONS, PRIVILEGE_LEVELS, ROLES, type Business, type Designation, type PrivilegeLevel, type Role } from '../../shared/codes';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/rpc';
import { KeyFileKeystore } from '../core/store';
import { Connection, openKura, Router } from '../rpc';
import { askSecret, PromptClosed } from './prompt';
import { BundleError, readBundle } from './bundle';
import { formatConfirm, formatPreview, IMPORT_KINDS } from './import-report';

const USAGE = `kura-admin --data-dir DIR <command>

  init --terminal-name NAME --user-id ID --employee-no NO --name 氏名 [--department 部署]
        初期設定（最初の管理責任者を作成）/ create the store and the first manager
  user add --as ID --user-id ID --employee-no NO --name 氏名 [--role manager,sysadmin] [--reason 理由]
        利用者の追加（取扱不可で登録。権限レベルは作成者以外の管理責任者が grant set で付与）
        / add a user at NONE; a manager other than its creator grants the level with grant set (AC-3)
        (initial password: KURA_NEW_PASSWORD or prompt)
  password change --as ID          自分のパスワード変更（初回ログイン時も）/ change your own password (also the first-login change)
        (current: KURA_PASSWORD or prompt; new: KURA_NEW_PASSWORD or prompt)
  demo seed --as ID --members N     架空の加入者データ / synthetic demo members
  import preview --as ID --file PATH [--kind input|update|cancel]
        事業所配布用個人番号入力データの読込と検査（登録はしない）/ read and check an employer file (registers nothing)
  import confirm --as ID --import-id ID [--accept-warnings]
        検査済みの行を登録し、受領書PDFとエラーリストを作成 / register the accepted rows, write receipts and error lists
  mynumber lookup --as ID --business kyufu
        個人番号で検索（番号はプロンプトまたは KURA_MYNUMBER）/ look up by My Number
  audit verify --as ID              操作ログの改ざん検査 / verify the operation log chain
  user disable|enable|unlock --as ID --user-id ID --reason 理由
  user retire --as ID --user-id ID --retired-on YYYY-MM-DD --reason 理由
  user reset-password --as ID --user-id ID --reason 理由   (temporary password: KURA_NEW_PASSWORD or prompt)
  grant set --as ID --user-id ID --level VIEW --business kyufu --from YYYY-MM-DD [--to YYYY-MM-DD] --reason 理由
  role set --as ID --user-id ID --role manager,sysadmin --reason 理由
  assignments --as ID [--level L] [--business B] [--role R] [--status active|locked|disabled|retired]
        割当状況一覧 / assignment status list (tab-separated)
  review record --as ID --findings 所見     割当状況の定期確認の記録 / record the periodic review
  sync configure --as ID --bundle FILE --server-url https://…   データセンターへの端末登録 / enrol with the data center
  sync run --as ID                   今すぐ同期 / sync now
  sync keys status|request|pending --as ID   組織鍵：状態・依頼・依頼一覧 / organisation keys: status, request, pending
  sync keys install --as ID --check-value XXXX-XXXX
        登録済み端末に表示された組織の確認値と一致する鍵だけを受け取る / install only keys with the organisation's check value
  sync keys declare-first --as ID   この端末を最初の端末として宣言（鍵を渡せるように） / declare this the first terminal (may grant)
  sync keys grant --as ID --terminal ID --fingerprint XXXX-XXXX-XXXX-XXXX-XXXX
        依頼元端末の表示と指紋を照合してから鍵を渡す / compare the fingerprint with the requesting terminal, then grant
  terminal designate --as ID --designation media,backup,integrated_exchange,e_application --reason 理由

Passwords: KURA_PASSWORD (the --as user's) or a hidden prompt. Development key-file keystore only:
a store made by the Electron app (OS keystore) is refused here.`;

class CliError extends Error {}

function list<T extends string>(raw: string | undefined, allowed: readonly T[], what: string): T[] {
  if (!raw) return [];
  return raw.split(',').map((s) => {
    const v = s.trim();
    if (!(allowed as readonly string[]).includes(v)) throw new CliError(`${what} が正しくありません / invalid ${what}: ${v} (${allowed.join(', ')})`);
    return v as T;
  });
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new CliError(`--${flag} を指定してください / --${flag} is required\n\n${USAGE}`);
  return value;
}

/** Exit codes: 0 done, 1 usage shown, 2 refused with a message (3 not found, 4 log broken, 5 sync failed). */
export async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (e) {
    // Refusals an operator can act on: the message, never a stack trace.
    if (e instanceof CliError || e instanceof PromptClosed || e instanceof BundleError) {
      console.error(e.message);
      return 2;
    }
    throw e;
  }
}

function parseCommandLine(argv: string[]) {
  try {
    return parseOptions(argv);
  } catch (e) {
    // node:util's own message names the option; it is English only.
    throw new CliError(`オプションが正しくありません / invalid option: ${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
  }
}

function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' }, as: { type: 'string' }, 'terminal-name': { type: 'string' }, 'user-id': { type: 'string' },
      'employee-no': { type: 'string' }, name: { type: 'string' }, department: { type: 'string' }, level: { type: 'string' },
      business: { type: 'string' }, role: { type: 'string' }, reason: { type: 'string' }, members: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      'retired-on': { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, status: { type: 'string' }, findings: { type: 'string' }, designation: { type: 'string' }, bundle: { type: 'string' }, 'server-url': { type: 'string' },
      terminal: { type: 'string' }, fingerprint: { type: 'string' }, 'check-value': { type: 'string' },
      file: { type: 'string' }, kind: { type: 'string' }, 'import-id': { type: 'string' }, 'accept-warnings': { type: 'boolean' },
    },
  });
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv);
  const command = positionals.join(' ');
  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 1;
  }
  const dataDir = resolve(required(values['data-dir'], 'data-dir'));
  const kura = openKura({ dataDir, keystore: new KeyFileKeystore(dataDir), packaged: false });
  const router = new Router(kura);
  const conn = new Connection('cli');
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const r = await router.invoke(conn, channel, input);
    if (!r.ok) throw new CliError(`${r.error.ja}\n${r.error.en}`);
    return r.data as ChannelOutput<C>;
  };
  const loginAs = async (business?: Business): Promise<void> => {
    const userId = required(values.as, 'as');
    const session = await call('auth.login', { userId, password: await askSecret(`${userId} のパスワード / password: `, 'KURA_PASSWORD') });
    if (session.mustChangePassword) throw new CliError('パスワードの変更が必要です。アプリで変更してください。/ Change your password in the app first.');
    if (business) await call('session.declareBusiness', { business });
  };

  try {
    switch (command) {
      case 'init': {
        const password = await askSecret('管理責任者のパスワード / manager password: ', 'KURA_PASSWORD');
        await call('setup.init', {
          terminalName: required(values['terminal-name'], 'terminal-name'),
          manager: { userId: required(values['user-id'], 'user-id'), employeeNo: required(values['employee-no'], 'employee-no'), name: required(values.name, 'name'), department: values.department, password },
        });
        console.log(`初期設定が完了しました / Kura is set up in ${dataDir}`);
        return 0;
      }
      case 'user add': {
        await loginAs();
        const initialPassword = await askSecret('新しい利用者の初期パスワード / initial password: ', 'KURA_NEW_PASSWORD');
        const user = await call('user.add', {
          userId: required(values['user-id'], 'user-id'), employeeNo: required(values['employee-no'], 'employee-no'), name: required(values.name, 'name'),
          department: values.department, initialPassword,
          level: (list(values.level, PRIVILEGE_LEVELS, 'level')[0] ?? 'NONE') as PrivilegeLevel,
          businesses: list<Business>(values.business, BUSINESSES, 'business'), roles: list<Role>(values.role, ROLES, 'role'), reason: values.reason ?? '',
        });
        console.log(`利用者を追加しました / user added: ${user.userId} ${user.name} ${user.level} [${user.businesses.join(',')}] (初回ログイン時にパスワード変更 / must change password at first login)`);
        return 0;
      }
      case 'password change': {
        const userId = required(values.as, 'as');
        const currentPassword = await askSecret(`${userId} の現在のパスワード / current password: `, 'KURA_PASSWORD');
        await call('auth.login', { userId, password: currentPassword });
        const newPassword = await askSecret('新しいパスワード / new password: ', 'KURA_NEW_PASSWORD');
        await call('auth.changePassword', { currentPassword, newPassword });
        console.log(`パスワードを変更しました / password changed: ${userId}`);
        return 0;
      }
      case 'import preview': {
        await loginAs('tekiyo');
        const kind = list(values.kind ?? 'input', IMPORT_KINDS, 'kind')[0]!;
        const r = await call('imports.preview', { path: resolve(required(values.file, 'file')), kind });
        if (r.status === 'refused') throw new CliError(`${r.problem.ja}\n${r.problem.en}`);
        console.log(formatPreview(r));
        return 0;
      }
      case 'import confirm': {
        await loginAs('tekiyo');
        const importId = required(values['import-id'], 'import-id');
        const r = await call('imports.confirm', { importId, acceptWarnings: values['accept-warnings'] ?? false });
        const { files } = await call('imports.receipt', { importId });
        console.log(formatConfirm(r, files));
        return 0;
      }
      case 'demo seed': {
        await loginAs();
        const members = Number(required(values.members, 'members'));
        const started = Date.now();
        const result = await call('demo.seed', { members, withMyNumberRatio: 0.9 });
        console.log(`架空データを作成しました / seeded ${result.members} synthetic members, ${result.registered} with a My Number (${Date.now() - started} ms)`);
        return 0;
      }
      case 'mynumber lookup': {
        const business = list<Business>(required(values.business, 'business'), BUSINESSES, 'business')[0]!;
        await loginAs(business);
        const myNumber = await askSecret('個人番号 / My Number: ', 'KURA_MYNUMBER');
        const { members } = await call('member.search', { by: 'myNumber', query: myNumber, limit: 1 });
        const m = members[0];
        console.log(m ? `${m.shikakuId}  ${m.kanjiName}（${m.kanaName}） ${m.birthDate}` : '該当なし / not found');
        return m ? 0 : 3;
      }
      case 'audit verify': {
        await loginAs();
        const r = await call('audit.verify', {});
        console.log(r.ok ? `操作ログは改ざんされていません / log intact: ${r.entries} entries` : `操作ログの不整合 / log broken at #${r.firstBadSeq}: ${r.reason}`);
        return r.ok ? 0 : 4;
      }
      case 'user disable':
      case 'user enable':
      case 'user unlock': {
        await loginAs();
        const action = command.split(' ')[1] as 'disable' | 'enable' | 'unlock';
        await call('user.setStatus', { userId: required(values['user-id'], 'user-id'), action, reason: required(values.reason, 'reason') });
        console.log(`完了しました / done: ${action} ${values['user-id']}`);
        return 0;
      }
      case 'user retire': {
        await loginAs();
        await call('user.retire', { userId: required(values['user-id'], 'user-id'), retiredOn: required(values['retired-on'], 'retired-on'), reason: required(values.reason, 'reason') });
        console.log(`退職日を登録しました / retirement recorded: ${values['user-id']} ${values['retired-on']}`);
        return 0;
      }
      case 'user reset-password': {
        await loginAs();
        const temporaryPassword = await askSecret('仮パスワード / temporary password: ', 'KURA_NEW_PASSWORD');
        await call('user.resetPassword', { userId: required(values['user-id'], 'user-id'), temporaryPassword, reason: required(values.reason, 'reason') });
        console.log(`仮パスワードを設定しました（次回ログイン時に変更） / reset: must change at next login`);
        return 0;
      }
      case 'grant set': {
        await loginAs();
        const r = await call('grant.set', {
          userId: required(values['user-id'], 'user-id'), level: list(required(values.level, 'level'), PRIVILEGE_LEVELS, 'level')[0]!,
          businesses: list<Business>(values.business, BUSINESSES, 'business'), validFrom: required(values.from, 'from'), validTo: values.to ?? null, reason: required(values.reason, 'reason'),
        });
        console.log(`現在 / now: ${r.current.level} [${r.current.businesses.join(',')}]` + r.upcoming.map((g) => `\n予定 / from ${g.validFrom}: ${g.level} [${g.businesses.join(',')}]`).join(''));
        return 0;
      }
      case 'role set': {
        await loginAs();
        const u = await call('role.set', { userId: required(values['user-id'], 'user-id'), roles: list<Role>(values.role, ROLES, 'role'), reason: required(values.reason, 'reason') });
        console.log(`役割 / roles: ${u.userId} [${u.roles.join(',')}]`);
        return 0;
      }
      case 'assignments': {
        await loginAs();
        const r = await call('access.assignments', {
          level: list(values.level, PRIVILEGE_LEVELS, 'level')[0], business: list<Business>(values.business, BUSINESSES, 'business')[0], role: list<Role>(values.role, ROLES, 'role')[0],
          status: list(values.status, ['active', 'locked', 'disabled', 'retired'] as const, 'status')[0],
        });
        console.log(`# 割当状況一覧 ${r.asOf}\nユーザID\t氏名\t職員番号\t役割\t取扱特権レベル\t業務\t有効期間\t状態\t最終ログイン\tパスワード経過日数`);
        for (const row of r.rows) {
          const period = `${row.current.validFrom}〜${row.current.validTo ?? ''}`;
          console.log([row.userId, row.name, row.employeeNo, row.roles.join(','), row.current.level, row.current.businesses.join(','), period, row.status, row.lastLoginAt ?? '-', row.passwordAgeDays].join('\t'));
        }
        return 0;
      }
      case 'review record': {
        await loginAs();
        const r = await call('access.recordReview', { findings: required(values.findings, 'findings') });
        console.log(`確認を記録しました / review #${r.reviewId} recorded at ${r.reviewedAt}`);
        return 0;
      }
      case 'terminal designate': {
        await loginAs();
        const r = await call('terminal.setDesignations', { designations: list<Designation>(values.designation, DESIGNATIONS, 'designation'), reason: required(values.reason, 'reason') });
        console.log(`指定 / designations: [${r.designations.join(',')}]`);
        return 0;
      }
      case 'sync configure': {
        await loginAs();
        const bundle = readBundle(required(values.bundle, 'bundle'));
        const r = await call('sync.configure', { ...bundle, serverUrl: required(values['server-url'], 'server-url') });
        console.log(`データセンターに登録しました / enrolled: ${r.terminalId} → ${r.serverUrl}（登録ファイルは削除してください / delete the bundle file now）`);
        return 0;
      }
      case 'sync run': {
        await loginAs();
        const r = await call('sync.run', {});
        console.log(r.ok ? '同期しました / synced' : `同期できませんでした / sync failed: ${r.message?.ja ?? ''} / ${r.message?.en ?? ''}`);
        return r.ok ? 0 : 5;
      }
      case 'sync keys status': {
        await loginAs();
        const r = await call('keys.status', {});
        console.log(`組織鍵 / organisation keys: ${r.origin === 'created' ? 'この端末で作成 / created here' : `端末 ${r.relayedBy ?? '-'} から受領 / relayed from ${r.relayedBy ?? '-'}`} (${r.recordedAt})  確認値 / check value ${r.checkValue}`);
        if (r.declaredFirst) console.log(`最初の端末として宣言済み / declared the first terminal: ${r.declaredFirst.declaredBy} (${r.declaredFirst.declaredAt})`);
        if (r.request) console.log(`鍵依頼中 / waiting for keys: 指紋 / fingerprint ${r.request.fingerprint} (${r.request.requestedAt})`);
        return 0;
      }
      case 'sync keys request': {
        await loginAs();
        const r = await call('keys.request', {});
        console.log(`組織鍵を依頼しました / keys requested. 指紋 / fingerprint: ${r.fingerprint}\n管理者に電話などで指紋を伝えてください / read this fingerprint to the administrator out of band`);
        return 0;
      }
      case 'sync keys pending': {
        await loginAs();
        const { requests } = await call('keys.pending', {});
        console.log('端末ID / terminal\t指紋 / fingerprint\t依頼日時 / requested at');
        for (const q of requests) console.log([q.terminalId, q.fingerprint, q.requestedAt].join('\t'));
        return 0;
      }
      case 'sync keys grant': {
        await loginAs();
        const r = await call('keys.grant', { terminalId: required(values.terminal, 'terminal'), fingerprint: required(values.fingerprint, 'fingerprint').toUpperCase() });
        console.log(`端末 ${r.terminalId} に組織鍵を渡しました（指紋 ${r.fingerprint}） / keys granted to ${r.terminalId}`);
        return 0;
      }
      case 'sync keys install': {
        await loginAs();
        const r = await call('keys.install', { expectedCheckValue: required(values['check-value'], 'check-value') });
        console.log(`組織鍵を受け取りました / keys installed from ${r.relayedBy ?? '-'}: 確認値 / check value ${r.checkValue}（組織の確認値と一致 / matches the organisation's）`);
        return 0;
      }
      case 'sync keys declare-first': {
        await loginAs();
        const r = await call('keys.declareFirst', {});
        console.log(`この端末を最初の端末として宣言しました / declared the first terminal: 確認値 / check value ${r.checkValue}\n他の端末ではこの確認値を入力して鍵を受け取ります / other terminals type this check value to install the keys`);
        return 0;
      }
      default:
        throw new CliError(`不明なコマンドです / unknown command: ${command}\n\n${USAGE}`);
    }
  } finally {
    kura.close();
  }
}

