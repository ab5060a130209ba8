import { useApp } from '../app/store';

/** The one place refusals and confirmations appear: the router's sentence in the chosen language. */
export function NoticeBar() {
  const notice = useApp((s) => s.notice);
  const lang = useApp((s) => s.lang);
  const clear = useApp((s) => s.clearNotice);
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
      <span>{notice.message[lang]}</span>
      <button type="button" className="notice-close" onClick={clear} aria-label="close">
        ×
      </button>
    </div>
  );
}
