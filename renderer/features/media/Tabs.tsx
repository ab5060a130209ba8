import { useApp } from '../../app/store';
import type { TabEntry } from './tab-list';
import { tabAllowed } from './tab-list';

/** A row of sub-screen tabs under one menu entry; a tab appears only with its permission. */
export function Tabs({ tabs, current }: { tabs: readonly TabEntry[]; current: string }) {
  const lang = useApp((s) => s.lang);
  const show = useApp((s) => s.show);
  const permissions = useApp((s) => s.session?.permissions ?? []);
  return (
    <nav className="sub-tabs no-print" aria-label="tabs">
      {tabs
        .filter((tab) => tabAllowed(tab, permissions))
        .map((tab) => (
          <button key={tab.id} type="button" className={tab.id === current ? 'sub-tab active' : 'sub-tab'} data-tab={tab.id} aria-current={tab.id === current ? 'page' : undefined} onClick={() => show(tab.id)}>
            {tab.label[lang]}
          </button>
        ))}
    </nav>
  );
}
