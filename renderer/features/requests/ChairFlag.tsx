// RQ-2: the flag a serious-leak slip carries: reported to the chair, and whether the decision is in.
import { useApp } from '../../app/store';
import type { Inquiry } from './labels';
import { rqt } from './text';

export function ChairFlag({ slip }: { slip: Inquiry }) {
  const lang = useApp((s) => s.lang);
  if (!slip.escalatedToChair) return null;
  return (
    <span className={slip.awaitingChair ? 'rq-flag rq-flag-bad' : 'rq-flag rq-flag-warn'} data-testid="chair-flag">
      {rqt(lang, 'chairFlag')}・{rqt(lang, slip.awaitingChair ? 'awaitingChair' : 'chairDecided')}
    </span>
  );
}
