import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { api, problemLines } from './api.js';
import { ApprovalBanner, ApprovalPanel, PendingRequests, PublishPanel, useApprovalWatch } from './Approval.jsx';
import { Canvas, CanvasTools } from './Canvas.jsx';
import { DryRunPanel } from './DryRunPanel.jsx';
import { Compare } from './Compare.jsx';
import { HistoryPanel } from './HistoryPanel.jsx';
import { Palette } from './Palette.jsx';
import { PropertyPanel } from './PropertyPanel.jsx';
import { connect, connectionKey, needsLayout, newActivity, paste, removeActivities } from './graph.js';
import { autoLayout } from './stages.js';
import { download, stored, visitsOf } from './documents.js';
import { useShortcuts, useUndoable } from './history.js';
import { t } from './i18n.js';
import { setLabels } from './labels.js';

const SAVE_DELAY_MS = 700;

export function App({ initialId }) {
  const [types, setTypes] = useState(null);
  const [reference, setReference] = useState(null);
  const [definitions, setDefinitions] = useState([]);
  const [definitionId, setDefinitionId] = useState(initialId);
  const [version, setVersion] = useState(null);
  const { doc, set, reset, undo, redo, canUndo, canRedo } = useUndoable(null);
  const [errors, setErrors] = useState([]);
  const [saveState, setSaveState] = useState('saved');
  const [message, setMessage] = useState(null);
  const [selection, setSelection] = useState({ nodes: [], edges: [] });
  const [candidate, setCandidate] = useState(null);
  const [armed, setArmed] = useState(null);
  const [drawer, setDrawer] = useState(null);
  const [compare, setCompare] = useState(null);
  const [waiting, setWaiting] = useState(null);
  const [visits, setVisits] = useState(null);
  const [historyKey, setHistoryKey] = useState(0);
  const [folded, setFolded] = useState(false);
  const lastSaved = useRef(null);
  const draftStamp = useRef('none');
  const clipboard = useRef(null);
  const typeMap = useMemo(() => Object.fromEntries((types ?? []).map((x) => [x.type, x])), [types]);

  useEffect(() => {
    Promise.all([api.activityTypes(), api.reference(), api.definitions()]).then(([ts, ref, defs]) => {
      setLabels(ref.labels); setTypes(ts); setReference(ref); setDefinitions(defs);
      setDefinitionId((id) => id || defs[0]?.id);
    }).catch((e) => setMessage(problemLines(e).join('; ')));
  }, []);

  const showWaiting = useCallback(async (id, v) => {
    if (!v) { setWaiting(null); return; }
    const counts = await api.waiting(id, v);
    setWaiting({ version: v, counts: counts.waiting, running: counts.runningInstances });
  }, []);

  const load = useCallback(async (id) => {
    const defs = await api.definitions();
    setDefinitions(defs);
    const summary = defs.find((d) => d.id === id);
    if (!summary) return;
    // The draft when there is one, else the candidate awaiting approval, else the published version.
    const number = summary.draftVersion ?? summary.awaitingApprovalVersion ?? summary.publishedVersion ?? summary.latestVersion;
    const [loaded, versions] = await Promise.all([api.version(id, number), api.versions(id)]);
    draftStamp.current = versions.find((v) => v.status === 'draft')?.savedAt ?? 'none';
    const laid = needsLayout(loaded) ? autoLayout(loaded) : loaded;
    lastSaved.current = laid;
    reset(laid);
    setVersion({ number, status: versions.find((v) => v.version === number)?.status, published: summary.publishedVersion });
    setCandidate(versions.find((v) => v.status === 'awaiting-approval') ?? null);
    setErrors((await api.validate(id, stored(laid))).errors);
    setSaveState('saved');
    setCompare(null);
    setVisits(null);
    await showWaiting(id, summary.publishedVersion);
    window.history.replaceState(null, '', `?id=${encodeURIComponent(id)}`);
  }, [reset, showWaiting]);

  useEffect(() => { if (definitionId && types) load(definitionId).catch((e) => setMessage(problemLines(e).join('; '))); }, [definitionId, types, load]);

  const saveNow = useCallback(async (current) => {
    setSaveState('saving');
    let saved;
    try {
      saved = await api.saveDraft(definitionId, stored(current), draftStamp.current);
    } catch (e) {
      setSaveState(e.problem?.code === 'draft-changed' ? 'conflict' : 'unsaved');
      throw e;
    }
    draftStamp.current = saved.savedAt;
    lastSaved.current = current;
    setErrors(saved.errors);
    setVersion((v) => ({ ...v, number: saved.version, status: 'draft' }));
    setSaveState('saved');
    return saved;
  }, [definitionId]);

  // Saves run one after another, each with the draft stamp the previous one returned.
  const saving = useRef(Promise.resolve());
  const save = useCallback((current) => {
    const run = saving.current.catch(() => null).then(() => saveNow(current));
    saving.current = run;
    return run;
  }, [saveNow]);

  // The draft is saved a moment after each edit; the engine's validation comes back with it.
  useEffect(() => {
    if (!doc || doc === lastSaved.current) return undefined;
    setSaveState((state) => (state === 'conflict' ? state : 'unsaved'));
    const timer = setTimeout(() => save(doc).catch((e) => setMessage(e.problem?.detail ?? problemLines(e).join('; '))), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [doc, save]);

  // An edit not saved yet is saved before another definition is opened or the page is left.
  const switchTo = async (id) => {
    try {
      if (doc !== lastSaved.current) await save(doc);
      setDefinitionId(id);
    } catch (e) { setMessage(problemLines(e).join('; ')); }
  };
  useEffect(() => {
    const warn = (e) => { if (doc !== lastSaved.current) e.preventDefault(); };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [doc]);

  const addActivity = useCallback((typeName, position) => {
    setArmed(null);
    const type = typeMap[typeName];
    set((d) => {
      const at = position ?? { x: 40 + (d.activities.length % 5) * 30, y: 40 + (d.activities.length % 5) * 30 };
      return { ...d, activities: [...d.activities, newActivity(d, type, at)] };
    });
  }, [set, typeMap]);

  // A drag that ends where it began (or a click) changes nothing, so it never makes a draft.
  const moveActivities = useCallback((moves) => set((d) => {
    const moved = d.activities.some((a) => moves[a.id] && (moves[a.id].x !== a.position?.x || moves[a.id].y !== a.position?.y));
    return moved ? { ...d, activities: d.activities.map((a) => (moves[a.id] ? { ...a, position: moves[a.id] } : a)) } : d;
  }), [set]);

  const removeSelected = useCallback((nodeIds, edgeIds) => set((d) => {
    const next = removeActivities(d, nodeIds);
    const gone = new Set(edgeIds);
    return { ...next, connections: next.connections.filter((c) => !gone.has(connectionKey(c))) };
  }), [set]);

  const copy = useCallback(() => {
    const ids = new Set(selection.nodes);
    clipboard.current = {
      activities: doc.activities.filter((a) => ids.has(a.id)),
      connections: doc.connections.filter((c) => ids.has(c.source) && ids.has(c.target)),
    };
  }, [doc, selection]);

  const selectOnly = useCallback((nodes, edges) => setSelection((s) => (
    s.nodes.join() === nodes.join() && s.edges.join() === edges.join() ? s : { nodes, edges })), []);

  const pasteClip = useCallback(() => { if (clipboard.current) set((d) => paste(d, clipboard.current).doc); }, [set]);

  useShortcuts({ undo, redo, copy, paste: pasteClip, cancel: () => setArmed(null) });

  // 「发布」 saves a pending edit, then shows the impact preview and asks a note before requesting approval.
  const publish = async () => {
    setMessage(null);
    try {
      const saved = doc !== lastSaved.current ? await save(doc) : null;
      if (!saved && version.status !== 'draft') { setMessage(t('nothingToPublish')); return; }
      setCompare(null);
      setDrawer('publish');
    } catch (e) { setMessage(problemLines(e).join('; ')); }
  };

  const reloadWith = async (text) => {
    setDrawer(null);
    setHistoryKey((k) => k + 1);
    await load(definitionId);
    setMessage(text);
  };

  // Another manager's decision, or a request made elsewhere, replaces a stale banner; an edit not saved yet is kept.
  useApprovalWatch(definitionId, version && { awaiting: candidate?.version ?? null, published: version.published ?? null }, (next) => {
    if (doc === lastSaved.current && drawer !== 'publish') return reloadWith(next.message).catch((e) => setMessage(problemLines(e).join('; ')));
    setCandidate(next.candidate);
    setVersion((v) => ({ ...v, published: next.published }));
    return next.message && setMessage(next.message);
  });

  const discardDraft = async () => {
    if (!window.confirm(t('discardConfirm'))) return;
    try {
      await saving.current.catch(() => null);
      await api.discardDraft(definitionId);
      await reloadWith(t('discarded'));
    } catch (e) { setMessage(problemLines(e).join('; ')); }
  };

  const openDiff = (versions) => { setCompare(versions); setDrawer(null); };

  const importFile = async (file) => {
    try {
      const saved = await api.importFile(definitionId, JSON.parse(await file.text()));
      await load(definitionId);
      setMessage(`${t('importFile')}: v${saved.version}`);
    } catch (e) { setMessage(e instanceof SyntaxError ? e.message : problemLines(e).join('; ')); }
  };

  if (!types || !reference || !doc) return <div className="loading">{message ?? '…'}</div>;
  const approving = drawer === 'approval' && candidate;
  const readOnly = Boolean(compare || approving);
  const selected = selection.nodes.length === 1 ? selection.nodes[0] : null;
  const general = errors.filter((e) => !e.activityId);

  return (
    <div className="designer">
      <header className="toolbar">
        <select aria-label="definition" value={definitionId} onChange={(e) => switchTo(e.target.value)}>
          {definitions.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
        </select>
        <span className="version" data-testid="version">
          {t('editing')} v{version?.number} {t(version?.status)}
        </span>
        <span className={`save-state ${saveState}`} data-testid="save-state">
          {saveState === 'saved' && version?.status !== 'draft' ? '' : t(saveState)}
        </span>
        <span className={errors.length ? 'error-count' : 'valid'} data-testid="error-count">
          {errors.length ? `${errors.length} ${t('errors')}` : t('valid')}
        </span>
        <span className="spacer" />
        <button type="button" onClick={undo} disabled={!canUndo || readOnly}>{t('undo')}</button>
        <button type="button" onClick={redo} disabled={!canRedo || readOnly}>{t('redo')}</button>
        <button type="button" onClick={copy} disabled={!selection.nodes.length || readOnly}>{t('copy')}</button>
        <button type="button" onClick={pasteClip} disabled={readOnly}>{t('paste')}</button>
        <button type="button" onClick={() => removeSelected(selection.nodes, selection.edges)}
          disabled={readOnly || !(selection.nodes.length || selection.edges.length)}>{t('remove')}</button>
        <button type="button" onClick={() => set(autoLayout)} disabled={readOnly}>{t('layout')}</button>
        <button type="button" onClick={async () => download(`${definitionId}-v${version.number}.json`, await api.exportVersion(definitionId, version.number))}>
          {t('exportFile')}
        </button>
        <label className="button">{t('importFile')}
          <input type="file" accept="application/json,.json" hidden onChange={(e) => e.target.files[0] && importFile(e.target.files[0])} />
        </label>
        <button type="button" onClick={() => setDrawer(drawer === 'history' ? null : 'history')}>{t('history')}</button>
        <button type="button" onClick={() => { setCompare(null); setDrawer('dry-run'); }}>{t('dryRun')}</button>
        <PendingRequests definitions={definitions} current={definitionId} onOpen={switchTo} />
        <button type="button" onClick={discardDraft} disabled={readOnly || version?.status !== 'draft'}>{t('discardDraft')}</button>
        <button type="button" className="primary" onClick={publish} disabled={readOnly}>{t('publish')}</button>
      </header>
      {message && <div className="message" data-testid="message">{message}</div>}
      {general.length > 0 && <div className="field-error">{general.map((e, i) => <div key={i}>{e.message}</div>)}</div>}
      {candidate && <ApprovalBanner request={candidate} onReview={() => { setCompare(null); setDrawer('approval'); }} />}
      {waiting && !readOnly && (
        <div className="hint waiting-note">
          {t(waiting.running ? 'waitingNote' : 'waitingNone').replace('{v}', waiting.version).replace('{n}', waiting.running)}
        </div>
      )}
      {approving && (
        <ApprovalPanel definitionId={definitionId} request={candidate} published={version.published} types={typeMap} teams={reference.teams}
          onClose={() => setDrawer(null)} onDecided={(answer) => reloadWith(`v${answer.version} ${t(answer.state)}`)} />
      )}
      {compare && (
        <Compare definitionId={definitionId} from={compare.from} to={compare.to} types={typeMap} teams={reference.teams}
          title={`${t('diffTitle')} v${compare.from} → v${compare.to}`} testId="diff" changesTestId="diff-changes"
          onClose={() => { setCompare(null); setDrawer('history'); }} />
      )}
      {!readOnly && (
        <div className="workspace">
          <ReactFlowProvider key={definitionId}>
            <Palette types={types} armed={armed} onArm={setArmed}>
              <CanvasTools doc={doc} collapsed={folded} onFold={() => setFolded((f) => !f)} />
            </Palette>
            <Canvas
              doc={doc} types={typeMap} teams={reference.teams} errors={errors} armed={armed} collapsed={folded}
              waiting={waiting?.counts} visits={visits}
              onMove={moveActivities}
              onRemove={removeSelected}
              onConnect={(source, outcome, target) => set((d) => connect(d, source, outcome, target))}
              onSelect={selectOnly}
              onDropType={addActivity}
            />
          </ReactFlowProvider>
          <PropertyPanel
            doc={doc} selected={selected} types={typeMap} reference={reference} errors={errors}
            onChange={(activity) => set((d) => ({ ...d, activities: d.activities.map((a) => (a.id === activity.id ? activity : a)) }))}
            onConnect={(source, outcome, target) => set((d) => connect(d, source, outcome, target))}
            onSetStart={(id) => set((d) => ({ ...d, start: id }))}
          />
        </div>
      )}
      {drawer === 'publish' && (
        <PublishPanel definitionId={definitionId} from={version.published} to={version.number} onClose={() => setDrawer(null)}
          onSubmitted={(answer) => reloadWith(`v${answer.version} ${t('submittedForApproval')}`)} />
      )}
      {drawer === 'history' && (
        <HistoryPanel definitionId={definitionId} refreshKey={historyKey} onDiff={openDiff}
          onShowWaiting={(v) => showWaiting(definitionId, v)} onClose={() => setDrawer(null)} />
      )}
      {drawer === 'dry-run' && (
        <DryRunPanel definitionId={definitionId} doc={stored(doc)} types={typeMap} reference={reference}
          onResult={(run) => setVisits(visitsOf(run))} onClose={() => setDrawer(null)} />
      )}
    </div>
  );
}
