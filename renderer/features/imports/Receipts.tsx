import { useApp } from '../../app/store';
import { useImports } from './store';
import { imt } from './text';

/**
 * MD-6: a receipt and an error list per employer, without My Number. The main process writes them
 * beside the store; the screen shows where, since the renderer cannot open or save files itself.
 */
export function Receipts() {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const receipts = useImports((s) => s.receipts);
  const make = useImports((s) => s.makeReceipts);
  return (
    <div className="panel-form receipts" data-testid="receipts">
      <div className="screen-head">
        <h3>{imt(lang, 'receipts')}</h3>
        <button type="button" data-testid="make-receipts" disabled={busy} onClick={() => void make()}>
          {imt(lang, 'makeReceipts')}
        </button>
      </div>
      {receipts ? (
        <>
          <p className="muted small">{imt(lang, 'receiptsLead')}</p>
          <table className="plain-table compact" data-testid="receipt-files">
            <thead>
              <tr>
                <th>{imt(lang, 'colEmployer')}</th>
                <th>{imt(lang, 'colRead')}</th>
                <th>{imt(lang, 'colAccepted')}</th>
                <th>{imt(lang, 'colRejected')}</th>
                <th>{imt(lang, 'colReceipt')}</th>
                <th>{imt(lang, 'colErrorList')}</th>
              </tr>
            </thead>
            <tbody>
              {receipts.map((f) => (
                <tr key={f.jigyoshoKigo}>
                  <td>{f.jigyoshoKigo}</td>
                  <td className="num">{f.read.toLocaleString()}</td>
                  <td className="num">{f.accepted.toLocaleString()}</td>
                  <td className="num">{f.rejected.toLocaleString()}</td>
                  <td className="path">{f.receiptPdf}</td>
                  <td className="path">{f.errorCsv}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}
