import { BUSINESS_LABELS, BUSINESSES } from '../../../shared/codes';
import { useApp } from '../store';
import { t } from '../text';
import { Card } from '../../ui/Card';
import { NoticeBar } from '../../ui/Notice';

/** AC-7: only the businesses the user is assigned to are offered; the router checks again. */
export function BusinessScreen() {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const session = useApp((s) => s.session);
  const declare = useApp((s) => s.declareBusiness);
  const continueWithout = useApp((s) => s.continueWithoutBusiness);
  const assigned = BUSINESSES.filter((b) => session?.user.businesses.includes(b));

  return (
    <Card title={t(lang, 'chooseBusinessTitle')} lead={assigned.length > 0 ? t(lang, 'chooseBusinessLead') : t(lang, 'noBusiness')} onSubmit={() => undefined}>
      <NoticeBar />
      <div className="business-grid">
        {assigned.map((b) => (
          <button key={b} type="button" className="business-button" data-business={b} disabled={busy} onClick={() => void declare(b)}>
            <span className="business-ja">{BUSINESS_LABELS[b].ja}</span>
            <span className="business-en">{BUSINESS_LABELS[b].en}</span>
          </button>
        ))}
      </div>
      {assigned.length === 0 ? (
        <div className="actions">
          <button type="button" className="primary" onClick={continueWithout}>
            {t(lang, 'continueWithout')}
          </button>
        </div>
      ) : null}
    </Card>
  );
}
