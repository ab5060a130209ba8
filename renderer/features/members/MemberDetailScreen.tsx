import { useApp, usePermission } from '../../app/store';
import { t } from '../../app/text';
import { MyNumberPanel } from '../mynumber/MyNumberPanel';
import { dateLabel, kubunLabel, sexLabel } from './format';
import { useMembers } from './store';

export function MemberDetailScreen() {
  const lang = useApp((s) => s.lang);
  const show = useApp((s) => s.show);
  const member = useMembers((s) => s.selected);
  const mayRegister = usePermission('mynumber.register');
  const mayCorrect = usePermission('mynumber.correct');
  if (!member) return null;
  const none = t(lang, 'none');
  const rows: [string, string][] = [
    [t(lang, 'colShikakuId'), member.shikakuId],
    [t(lang, 'colJigyosho'), member.jigyoshoKigo],
    [t(lang, 'colHihokenshaNo'), member.hihokenshaNo],
    [t(lang, 'colEdaban'), member.edaban],
    [t(lang, 'colKubun'), kubunLabel(member.kubun, lang)],
    [t(lang, 'zokugara'), member.zokugara === null ? none : String(member.zokugara)],
    [t(lang, 'colKanji'), member.kanjiName],
    [t(lang, 'colKana'), member.kanaName],
    [t(lang, 'colBirth'), dateLabel(member.birthDate)],
    [t(lang, 'colSex'), sexLabel(member.sex, lang)],
    [t(lang, 'shutokuDate'), dateLabel(member.shutokuDate)],
    [t(lang, 'soshitsuDate'), member.soshitsuDate ? dateLabel(member.soshitsuDate) : none],
  ];
  const status = member.myNumber;

  return (
    <section className="screen screen-detail">
      <div className="screen-head">
        <h2>
          {t(lang, 'detailTitle')}：{member.kanjiName}
        </h2>
        <button type="button" onClick={() => show('search')}>
          {t(lang, 'back')}
        </button>
      </div>
      <div className="detail-layout">
        <dl className="detail-list" data-testid="member-detail">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {/* AC-9: the section exists only when the router sent a status, i.e. the user may reach My Number here. */}
        {status ? (
          <div className="mynumber-box" data-testid="mynumber-section">
            <h3>{t(lang, 'myNumberSection')}</h3>
            <MyNumberPanel shikakuId={member.shikakuId} status={status} />
            <div className="actions">
              {!status.registered && mayRegister ? (
                <button type="button" className="primary" data-testid="register-button" onClick={() => show('register')}>
                  {t(lang, 'registerMyNumber')}
                </button>
              ) : null}
              {status.registered && mayCorrect ? (
                <button type="button" data-testid="correct-button" onClick={() => show('correct')}>
                  {t(lang, 'correctMyNumber')}
                </button>
              ) : null}
            </div>
          </div>
        ) : null}
      </div>
    </section>
  );
}
