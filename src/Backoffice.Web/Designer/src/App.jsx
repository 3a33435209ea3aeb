import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { api, problemLines } from './api.js';
import { Canvas } from './Canvas.jsx';
import { DryRunPanel } from './DryRunPanel.jsx';
import { DiffSummary, HistoryPanel, diffDocument } from './HistoryPanel.jsx';
import { Palette } from './Palette.jsx';
import { PropertyPanel } from './PropertyPanel.jsx';
import { autoLayout, connect, connectionKey, needsLayout, newActivity, paste, removeActivities } from './graph.js';
import { useUndoable } from './history.js';
import { t } from './i18n.js';

const SAVE_DELAY_MS = 700;
const NONE = [];

/** What is stored: the definition without the designer's own markings. */
const stored = (doc) => ({
  ...doc,
  activities: doc.activities.map(({ id, type, name, properties, position }) => ({ id, type, name, properties, position })),
  connections: doc.connections.map(({ source, outcome, target }) => ({ source, outcome, target })),
});

function download(name, json) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  URL.revokeObjectURL(url);
}

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
  const [note, setNote] = useState('');
  const [drawer, setDrawer] = useState(null);
  const [diffView, setDiffView] = useState(null);
  const [waiting, setWaiting] = useState(null);
  const [visits, setVisits] = useState(null);
  const [historyKey, setHistoryKey] = useState(0);
  const lastSaved = useRef(null);
  const draftStamp = useRef('none');
  const clipboard = useRef(null);
  const typeMap = useMemo(() => Object.fromEntries((types ?? []).map((x) => [x.type, x])), [types]);

  useEffect(() => {
    Promise.all([api.activityTypes(), api.reference(), api.definitions()]).then(([ts, ref, defs]) => {
      setTypes(ts); setReference(ref); setDefinitions(defs);
      setDefinitionId((id) => id || defs[0]?.id);
    }).catch((e) => setMessage(problemLines(e).join('; ')));
  }, []);

  const showWaiting = useCallback(async (id, v) => {
    if (!v) { setWaiting(null); return; }
    const counts = await api.waiting(id, v);
    setWaiting({ version: v, counts: counts.waiting });
  }, []);

  const load = useCallback(async (id) => {
    const defs = await api.definitions();
    setDefinitions(defs);
    const summary = defs.find((d) => d.id === id);
    if (!summary) return;
    const [loaded, versions] = await Promise.all([api.version(id, summary.latestVersion), api.versions(id)]);
    draftStamp.current = versions.find((v) => v.status === 'draft')?.savedAt ?? 'none';
    const laid = needsLayout(loaded) ? autoLayout(loaded) : loaded;
    lastSaved.current = laid;
    reset(laid);
    setVersion({ number: summary.latestVersion, draft: summary.latestVersion !== summary.publishedVersion, published: summary.publishedVersion });
    setErrors((await api.validate(id, stored(laid))).errors);
    setSaveState('saved');
    setDiffView(null);
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
    setVersion((v) => ({ ...v, number: saved.version, draft: true }));
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
    if (!doc || doc === lastSaved.current || diffView) return undefined;
    setSaveState((state) => (state === 'conflict' ? state : 'unsaved'));
    const timer = setTimeout(() => save(doc).catch((e) => setMessage(e.problem?.detail ?? problemLines(e).join('; '))), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [doc, save, diffView]);

  // An edit not saved yet is saved before another definition is opened or the page is left.
  const switchTo = async (id) => {
    try {
      if (!diffView && doc !== lastSaved.current) await save(doc);
      setDefinitionId(id);
    } catch (e) { setMessage(problemLines(e).join('; ')); }
  };
  useEffect(() => {
    const warn = (e) => { if (doc !== lastSaved.current) e.preventDefault(); };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [doc]);

  const addActivity = useCallback((typeName, position) => {
    const type = typeMap[typeName];
    set((d) => {
      const at = position ?? { x: 40 + (d.activities.length % 5) * 30, y: 40 + (d.activities.length % 5) * 30 };
      return { ...d, activities: [...d.activities, newActivity(d, type, at)] };
    });
  }, [set, typeMap]);

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

  useEffect(() => {
    const onKey = (e) => {
      if (e.target.closest('input, textarea, select') || !(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) { e.preventDefault(); undo(); }
      if (key === 'y' || (key === 'z' && e.shiftKey)) { e.preventDefault(); redo(); }
      if (key === 'c') copy();
      if (key === 'v') pasteClip();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [undo, redo, copy, pasteClip]);

  const publish = async () => {
    setMessage(null);
    try {
      if (doc !== lastSaved.current || !version.draft) await save(doc);
      const published = await api.publish(definitionId, note || null);
      setNote('');
      setHistoryKey((k) => k + 1);
      await load(definitionId);
      setMessage(`${t('publishedOk')} v${published.version}`);
    } catch (e) {
      if (e.problem?.definitionErrors) setErrors(e.problem.definitionErrors);
      setMessage(problemLines(e).join('; '));
    }
  };

  const openDiff = async (result) => {
    const [from, to] = await Promise.all([api.version(definitionId, result.from), api.version(definitionId, result.to)]);
    setDiffView({ result, doc: autoLayout(diffDocument(from, to, result.diff)) });
    setDrawer('diff');
  };

  const importFile = async (file) => {
    try {
      const saved = await api.importFile(definitionId, JSON.parse(await file.text()));
      await load(definitionId);
      setMessage(`${t('importFile')}: v${saved.version}`);
    } catch (e) { setMessage(e instanceof SyntaxError ? e.message : problemLines(e).join('; ')); }
  };

  const pathVisits = (run) => {
    if (!run) { setVisits(null); return; }
    const byActivity = {};
    run.steps.forEach((s, i) => {
      (byActivity[s.activityId] ??= []).push({
        index: i + 1, outcome: s.outcome,
        dueAt: s.dueAt ? new Date(s.dueAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : null,
      });
    });
    setVisits(byActivity);
  };

  if (!types || !reference || !doc) return <div className="loading">{message ?? '…'}</div>;
  const shown = diffView?.doc ?? doc;
  const readOnly = Boolean(diffView);
  const selected = selection.nodes.length === 1 ? selection.nodes[0] : null;
  const general = errors.filter((e) => !e.activityId);

  return (
    <div className="designer">
      <header className="toolbar">
        <select aria-label="definition" value={definitionId} onChange={(e) => switchTo(e.target.value)}>
          {definitions.map((d) => <option key={d.id} value={d.id}>{d.name} ({d.id})</option>)}
        </select>
        <span className="version" data-testid="version">
          {t('editing')} v{version?.number} {version?.draft ? t('draft') : t('published')}
        </span>
        <span className={`save-state ${saveState}`} data-testid="save-state">{t(saveState)}</span>
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
        <button type="button" onClick={() => { setDiffView(null); setDrawer('dry-run'); }}>{t('dryRun')}</button>
        <input aria-label="publish-note" placeholder={t('publishNote')} value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="button" className="primary" onClick={publish} disabled={readOnly}>{t('publish')}</button>
      </header>
      {message && <div className="message" data-testid="message">{message}</div>}
      {general.length > 0 && <div className="field-error">{general.map((e, i) => <div key={i}>{e.message}</div>)}</div>}
      {waiting && !diffView && <div className="hint waiting-note">{t('running')}: v{waiting.version}</div>}
      <div className="workspace">
        {!readOnly && <Palette types={types} onAdd={(type) => addActivity(type)} />}
        <ReactFlowProvider key={`${definitionId}-${readOnly}`}>
          <Canvas
            doc={shown} types={typeMap} teams={reference.teams} errors={readOnly ? NONE : errors}
            waiting={readOnly ? null : waiting?.counts} visits={readOnly ? null : visits} readOnly={readOnly}
            onMove={(moves) => set((d) => ({ ...d, activities: d.activities.map((a) => (moves[a.id] ? { ...a, position: moves[a.id] } : a)) }))}
            onRemove={removeSelected}
            onConnect={(source, outcome, target) => set((d) => connect(d, source, outcome, target))}
            onSelect={selectOnly}
            onDropType={addActivity}
          />
        </ReactFlowProvider>
        {!readOnly && (
          <PropertyPanel
            doc={doc} selected={selected} types={typeMap} reference={reference} errors={errors}
            onChange={(activity) => set((d) => ({ ...d, activities: d.activities.map((a) => (a.id === activity.id ? activity : a)) }))}
            onConnect={(source, outcome, target) => set((d) => connect(d, source, outcome, target))}
            onSetStart={(id) => set((d) => ({ ...d, start: id }))}
          />
        )}
      </div>
      {drawer === 'history' && (
        <HistoryPanel definitionId={definitionId} refreshKey={historyKey} onDiff={openDiff}
          onShowWaiting={(v) => showWaiting(definitionId, v)} onClose={() => setDrawer(null)} />
      )}
      {drawer === 'diff' && diffView && <DiffSummary diff={diffView.result} onClose={() => { setDiffView(null); setDrawer('history'); }} />}
      {drawer === 'dry-run' && (
        <DryRunPanel definitionId={definitionId} doc={stored(doc)} types={typeMap} reference={reference}
          onResult={pathVisits} onClose={() => setDrawer(null)} />
      )}
    </div>
  );
}
