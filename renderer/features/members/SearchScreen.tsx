import type { FormEvent } from 'react';
import { useApp, usePermission } from '../../app/store';
import { t, type TextKey } from '../../app/text';
import { ResultTable } from './ResultTable';
import { SEARCH_LIMITS, useMembers, type SearchBy } from './store';

const BY: { by: SearchBy; label: TextKey }[] = [
  { by: 'shikakuId', label: 'byShikakuId' },
  { by: 'hihokenshaNo', label: 'byHihokenshaNo' },
  { by: 'kanaName', label: 'byKanaName' },
  { by: 'myNumber', label: 'byMyNumber' },
];

export function SearchScreen() {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  // AC-9, AC-11: searching by My Number is offered only with mynumber.search (the router refuses it anyway).
  const mayUseMyNumber = usePermission('mynumber.search');
  const showStatus = usePermission('mynumber.status');
  const { by, query, limit, results, truncated, setBy, setQuery, setLimit, search, open } = useMembers();
  const options = BY.filter((o) => o.by !== 'myNumber' || mayUseMyNumber);
  const effectiveBy = options.some((o) => o.by === by) ? by : 'kanaName';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (effectiveBy !== by) setBy(effectiveBy);
    void search();
  };

  return (
    <section className="screen screen-search">
      <h2>{t(lang, 'searchTitle')}</h2>
      <form className="search-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="searchBy">{t(lang, 'searchBy')}</label>
          <select id="searchBy" value={effectiveBy} onChange={(e) => setBy(e.target.value as SearchBy)}>
            {options.map((o) => (
              <option key={o.by} value={o.by}>
                {t(lang, o.label)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-grow">
          <label htmlFor="searchQuery">{t(lang, 'searchQuery')}</label>
          <input
            id="searchQuery"
            type={effectiveBy === 'myNumber' ? 'password' : 'text'}
            value={query}
            autoComplete="off"
            spellCheck={false}
            autoFocus
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="searchLimit">{t(lang, 'searchLimit')}</label>
          <select id="searchLimit" value={limit} onChange={(e) => setLimit(Number(e.target.value))}>
            {SEARCH_LIMITS.map((n) => (
              <option key={n} value={n}>
                {n.toLocaleString()}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary search-button" disabled={busy || query.trim() === ''}>
          {t(lang, 'search')}
        </button>
      </form>
      {results === null ? <p className="muted">{t(lang, 'searchHint')}</p> : null}
      {results !== null ? (
        <p className="result-count" data-testid="result-count">
          {truncated ? t(lang, 'resultTruncated', { count: results.length.toLocaleString() }) : t(lang, 'resultCount', { count: results.length.toLocaleString() })}
        </p>
      ) : null}
      {results !== null && results.length === 0 ? <p className="muted">{t(lang, 'noResults')}</p> : null}
      {results !== null && results.length > 0 ? <ResultTable members={results} showMyNumber={showStatus} onOpen={(id) => void open(id)} /> : null}
    </section>
  );
}
