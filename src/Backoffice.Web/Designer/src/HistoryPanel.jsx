import { useEffect, useState } from 'react';
import { api, problemLines } from './api.js';
import { chinaTime, t } from './i18n.js';


/** Every version with who and when, the publication note and its running orders; pick two to see their differences. */
export function HistoryPanel({ definitionId, refreshKey, onDiff, onShowWaiting, onClose }) {
  const [versions, setVersions] = useState([]);
  const [picked, setPicked] = useState([]);
  const [error, setError] = useState(null);
  useEffect(() => { api.versions(definitionId).then(setVersions).catch((e) => setError(problemLines(e).join('; '))); }, [definitionId, refreshKey]);
  const toggle = (v) => setPicked((p) => (p.includes(v) ? p.filter((x) => x !== v) : [...p.slice(-1), v]));
  const compare = () => {
    const [from, to] = [...picked].sort((a, b) => a - b);
    onDiff({ from, to });
  };
  return (
    <section className="drawer" data-testid="history">
      <header><h2>{t('history')}</h2><button type="button" onClick={onClose}>{t('close')}</button></header>
      {error && <div className="field-error">{error}</div>}
      <table>
        <thead><tr><th /><th>{t('version')}</th><th>{t('who')}</th><th>{t('when')}</th><th>{t('note')}</th><th>{t('running')}</th></tr></thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version} data-version={v.version}>
              <td><input type="checkbox" aria-label={`pick-${v.version}`} checked={picked.includes(v.version)} onChange={() => toggle(v.version)} /></td>
              <td>v{v.version} · {t(v.status)}</td>
              <td>{v.requestedBy ? `${v.requestedByName} → ${v.decidedByName ?? '…'}` : v.savedByName}</td>
              <td>{chinaTime(v.decidedAt ?? v.requestedAt ?? v.savedAt)}</td>
              <td>{v.note}{v.decisionNote ? ` · ${v.decisionNote}` : ''}</td>
              <td>{v.runningInstances > 0
                ? <button type="button" className="link" onClick={() => onShowWaiting(v.version)}>{v.runningInstances}</button> : 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" disabled={picked.length !== 2} onClick={compare}>{t('compare')}</button>
    </section>
  );
}
