// Code tables of design/reference.md. The society may replace the defaults in resources/codes.json;
// these are the identifiers code relies on.

/** 業務 (business areas) a user may be assigned to and declare for a session (AC-7). */
export const BUSINESSES = ['tekiyo', 'kyufu', 'choshu', 'renkei'] as const;
export type Business = (typeof BUSINESSES)[number];
export const BUSINESS_LABELS: Record<Business, { ja: string; en: string }> = {
  tekiyo: { ja: '適用', en: 'Enrolment' },
  kyufu: { ja: '給付', en: 'Benefits' },
  choshu: { ja: '徴収', en: 'Contributions' },
  renkei: { ja: '情報連携', en: 'Information linkage' },
};

/** 取扱特権レベル (AC-2): handling privilege levels for specific personal information. */
export const PRIVILEGE_LEVELS = ['NONE', 'VIEW', 'EDIT', 'LINK'] as const;
export type PrivilegeLevel = (typeof PRIVILEGE_LEVELS)[number];
export const PRIVILEGE_LABELS: Record<PrivilegeLevel, { ja: string; en: string }> = {
  NONE: { ja: '取扱不可', en: 'No access' },
  VIEW: { ja: '参照のみ', en: 'View only' },
  EDIT: { ja: '登録・訂正可', en: 'Register and correct' },
  LINK: { ja: '情報連携', en: 'Information linkage' },
};

/** 管理責任者 (manager) and システム管理責任者 (system administrator). */
export const ROLES = ['manager', 'sysadmin'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, { ja: string; en: string }> = {
  manager: { ja: '管理責任者', en: 'Manager' },
  sysadmin: { ja: 'システム管理責任者', en: 'System administrator' },
};

/** 区分: 1 被保険者 (insured), 2 被扶養者 (dependant). */
export const KUBUN = { 1: '被保険者', 2: '被扶養者' } as const;
/** 性別 */
export const SEX = { 1: '男', 2: '女' } as const;
/** 元号 codes of the national forms, with the first day of each era. */
export const GENGO = {
  1: { name: '明治', start: '1868-01-25' },
  3: { name: '大正', start: '1912-07-30' },
  5: { name: '昭和', start: '1926-12-25' },
  7: { name: '平成', start: '1989-01-08' },
  9: { name: '令和', start: '2019-05-01' },
} as const;
/** 未記入理由 (reason a number is missing); 9 requires a memo. */
export const MIKINYU_RIYU = { 1: '海外在住', 2: '短期在留', 3: '未付番', 4: '提出拒否', 9: 'その他' } as const;

/** Terminal designations (AC-12): what a designated terminal may do beyond ordinary work. */
export const DESIGNATIONS = ['media', 'backup', 'integrated_exchange', 'e_application'] as const;
export type Designation = (typeof DESIGNATIONS)[number];
export const DESIGNATION_LABELS: Record<Designation, { ja: string; en: string }> = {
  media: { ja: '電子記録媒体の使用', en: 'Removable media' },
  backup: { ja: 'バックアップ', en: 'Backup' },
  integrated_exchange: { ja: '統合専用端末とのデータ授受', en: 'Exchange with the integrated terminal' },
  e_application: { ja: '電子申請データの読込', en: 'E-application data' },
};
