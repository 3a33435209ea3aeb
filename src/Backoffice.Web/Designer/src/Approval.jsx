import { useEffect, useRef, useState } from 'react';
import { api, problemLines, user } from './api.js';
import { Compare } from './Compare.jsx';
import { chinaTime, t } from './i18n.js';


/**
 * 「发布」: what the change does to running orders (the impact preview from the published version to
 * the draft), a required note, and the request for approval; nothing goes live here.
 */
export function PublishPanel({ definitionId, from, to, onSubmitted, onClose }) {
  const [impact, setImpact] = useState(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState(null);
  useEffect(() => {
    if (!from) { setImpact({ changes: [], runningOnFrom: 0 }); return; }
    api.impact(definitionId, from, to).then(setImpact).catch((e) => setError(problemLines(e).join('; ')));
  }, [definitionId, from, to]);
  const submit = async () => {
    setError(null);
    try {
      onSubmitted(await api.publish(definitionId, note.trim() || null));
    } catch (e) { setError(problemLines(e).join('; ')); }
  };
  return (
    <section className="drawer" data-testid="publish-panel">
      <header><h2>{t('publishTitle')} v{to}</h2><button type="button" onClick={onClose}>{t('close')}</button></header>
      <h3>{t('impactTitle')}{from ? ` (v${from} → v${to})` : ''}</h3>
      {impact && (
        <>
          <p className="hint" data-testid="running-on-from">{t('runningOnFrom')}: {impact.runningOnFrom}</p>
          <table data-testid="impact">
            <thead><tr><th>{t('step')}</th><th>{t('change')}</th><th>{t('waitingHere')}</th><th>{t('whatChanges')}</th></tr></thead>
            <tbody>
              {impact.changes.map((c) => (
                <tr key={c.activityId} data-activity={c.activityId} className={c.waiting > 0 ? 'has-waiting' : ''}>
                  <td>{c.name}</td><td>{t(c.change)}</td><td>{c.waiting}</td><td>{c.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {impact.changes.length === 0 && <p className="hint">{t('noChanges')}</p>}
        </>
      )}
      <label className="note-field">{t('publishNote')} *
        <textarea aria-label="publish-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      {error && <div className="field-error" data-testid="publish-error">{error}</div>}
      <button type="button" className="primary" onClick={submit} disabled={!note.trim()}>{t('requestApproval')}</button>
    </section>
  );
}

/**
 * A candidate awaiting approval: who asked, with which note, the published version and the candidate side
 * by side with their changes, and 「批准」/「驳回」 with a note. Its author sees that another manager must decide.
 */
export function ApprovalPanel({ definitionId, request, published, types, teams, onDecided, onClose }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState(null);
  const own = request.requestedBy === user || request.savedBy === user;
  const decide = async (action) => {
    setError(null);
    try {
      const answer = await (action === 'approve' ? api.approve : api.reject)(definitionId, request.version, note.trim() || null);
      onDecided(answer);
    } catch (e) { setError(problemLines(e).join('; ')); }
  };
  return (
    <Compare definitionId={definitionId} from={published} to={request.version} types={types} teams={teams}
      title={`${t('approvalTitle')} v${request.version}`} testId="approval-panel" changesTestId="approval-changes" onClose={onClose}>
      <p className="request" data-testid="request">{t('requestedBy')} {request.requestedByName} · {chinaTime(request.requestedAt)}<br />{t('note')}: {request.note}</p>
      {own && <p className="hint" data-testid="own-request">{t('ownRequest')}</p>}
      <label className="note-field">{t('decisionNote')} *
        <textarea aria-label="approval-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      {error && <div className="field-error" data-testid="approval-error">{error}</div>}
      <div className="buttons">
        <button type="button" className="primary" disabled={own || !note.trim()} onClick={() => decide('approve')}>{t('approve')}</button>
        <button type="button" disabled={!note.trim()} onClick={() => decide('reject')}>{t(own ? 'withdraw' : 'reject')}</button>
      </div>
    </Compare>
  );
}

/** The banner over the designer while a version awaits approval: who asked (by name), with which note. */
export function ApprovalBanner({ request, onReview }) {
  return (
    <div className="approval-banner" data-testid="approval-banner">
      v{request.version} {t('awaiting-approval')} · {t('requestedBy')} {request.requestedByName} · {request.note}
      <button type="button" onClick={onReview}>{t('review')}</button>
    </div>
  );
}

/** The definitions with a version awaiting approval, to open from the toolbar. */
export function PendingRequests({ definitions, current, onOpen }) {
  const pending = definitions.filter((d) => d.awaitingApprovalVersion);
  if (!pending.length) return null;
  return (
    <select aria-label="pending-approvals" className="pending" value="" onChange={(e) => e.target.value && onOpen(e.target.value)}>
      <option value="">{t('pendingApprovals')} ({pending.length})</option>
      {pending.map((d) => (
        <option key={d.id} value={d.id} disabled={d.id === current}>{d.name} v{d.awaitingApprovalVersion}</option>
      ))}
    </select>
  );
}

const WATCH_MS = 10_000;

/**
 * Reads the definition's versions again every 10 s while the page is in view and whenever it comes back into
 * view; when the version awaiting approval or the published one is not what the page shows (shown: {awaiting,
 * published}), calls onChange with {candidate, published, message}, the message saying who decided the request
 * the page showed: a decision or a request made elsewhere shows without a reload.
 */
export function useApprovalWatch(definitionId, shown, onChange) {
  const latest = useRef({ shown, onChange });
  latest.current = { shown, onChange };
  useEffect(() => {
    if (!definitionId) return undefined;
    let stopped = false;
    const check = async () => {
      if (document.hidden || !latest.current.shown) return;
      const versions = await api.versions(definitionId).catch(() => null);
      const now = latest.current.shown;
      if (stopped || !versions || !now) return;
      const candidate = versions.find((v) => v.status === 'awaiting-approval') ?? null;
      const published = versions.find((v) => v.status === 'published')?.version ?? null;
      if ((candidate?.version ?? null) === now.awaiting && published === now.published) return;
      const decided = versions.find((v) => v.version === now.awaiting && v.status !== 'awaiting-approval');
      const message = decided ? `v${decided.version} ${t(decided.status)} · ${decided.decidedByName ?? ''}` : null;
      latest.current.onChange({ candidate, published, message });
    };
    const timer = setInterval(check, WATCH_MS);
    window.addEventListener('focus', check);
    document.addEventListener('visibilitychange', check);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', check);
    };
  }, [definitionId]);
}
