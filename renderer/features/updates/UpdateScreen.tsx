// BL-1: IT enters the path of an update package and Kura verifies its signature and hash against the
// pinned key (and refuses a downgrade). The verdict stays on screen: the version to install, or the
// reason in the clerk's words; the router logs either.
import { useState, type FormEvent } from 'react';
import type { Message } from '../../../shared/i18n';
import type { ChannelOutput } from '../../../shared/rpc';
import { call } from '../../app/client';
import { formatTime } from '../../app/sync';
import { useApp } from '../../app/store';
import { Field } from '../../ui/Field';
import { complain } from '../admin/controls';
import { um, ut } from './text';

type Verdict = ChannelOutput<'update.verify'>;
const ABSOLUTE = /^(\/|[A-Za-z]:[\\/]|\\\\)/;

export function UpdateScreen() {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const run = useApp((s) => s.run);
  const [packagePath, setPackagePath] = useState('');
  const [manifestPath, setManifestPath] = useState('');
  const [verdict, setVerdict] = useState<Verdict | null>(null);

  const verify = async (e: FormEvent) => {
    e.preventDefault();
    const pkg = packagePath.trim();
    const manifest = manifestPath.trim();
    if (!ABSOLUTE.test(pkg) || (manifest !== '' && !ABSOLUTE.test(manifest))) return complain(um('pathInvalid'));
    setVerdict(null);
    const v = await run(() => call('update.verify', manifest === '' ? { packagePath: pkg } : { packagePath: pkg, manifestPath: manifest }));
    if (!v) return;
    setVerdict(v);
    if (v.ok) useApp.getState().inform(um('verified', { version: v.version }));
  };

  return (
    <section className="screen screen-updates" data-testid="updates">
      <div className="screen-head">
        <h2>{ut(lang, 'title')}</h2>
      </div>
      <p className="lead">{ut(lang, 'lead')}</p>
      <form className="panel-form narrow update-form" onSubmit={verify} noValidate>
        <Field id="updatePackage" label={ut(lang, 'packagePath')} value={packagePath} onChange={setPackagePath} hint={ut(lang, 'packageHint')} maxLength={1000} />
        <Field id="updateManifest" label={ut(lang, 'manifestPath')} value={manifestPath} onChange={setManifestPath} maxLength={1000} />
        <div className="actions">
          <button type="submit" className="primary" data-testid="update-verify" disabled={busy}>
            {ut(lang, 'verify')}
          </button>
        </div>
      </form>
      {verdict?.ok ? (
        <div className="verdict verdict-ok" data-testid="update-verified">
          <h3>{ut(lang, 'okTitle')}</h3>
          <dl className="mini-facts">
            <Fact label={ut(lang, 'version')} value={verdict.version} strong />
            <Fact label={ut(lang, 'currentVersion')} value={verdict.currentVersion} />
            <Fact label={ut(lang, 'path')} value={verdict.packagePath} />
            <Fact label={ut(lang, 'sha256')} value={verdict.sha256} mono />
            <Fact label={ut(lang, 'created')} value={formatTime(verdict.created) ?? verdict.created} />
          </dl>
        </div>
      ) : null}
      {verdict && !verdict.ok ? <Refusal problem={verdict.problem} /> : null}
    </section>
  );
}

function Fact({ label, value, strong, mono }: { label: string; value: string; strong?: boolean; mono?: boolean }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd className={[strong ? 'verdict-version' : '', mono ? 'mono' : ''].join(' ').trim() || undefined}>{value}</dd>
    </div>
  );
}

function Refusal({ problem }: { problem: Message & { code: string } }) {
  const lang = useApp((s) => s.lang);
  return (
    <div className="verdict verdict-refused" role="alert" data-testid="update-refused" data-code={problem.code}>
      <h3>{ut(lang, 'refusedTitle')}</h3>
      <p>{problem[lang]}</p>
      <p className="small">{ut(lang, 'refusedNext')}</p>
    </div>
  );
}
