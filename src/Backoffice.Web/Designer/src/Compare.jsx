import { useCallback, useEffect, useRef, useState } from 'react';
import { api, problemLines } from './api.js';
import { DiffGraph } from './DiffGraph.jsx';
import { connectionKey, NODE_HEIGHT, NODE_WIDTH } from './graph.js';
import { t } from './i18n.js';
import { READABLE_ZOOM, autoLayout, bandsOf, firstViewport, stagesOf } from './stages.js';

const EMPTY = { activities: [], connections: [] };

/**
 * The two versions laid out together by stage (the older version's steps and connections with what
 * the newer one added), so a step keeps its place on both sides; each side then shows its own version
 * with the differences marked: removed red on the old side, added green on the new side, changed amber on both.
 * A step is changed when the change list names it and it was neither added nor removed: its properties, the
 * start, or only its connections (an outcome that now goes elsewhere, a connection added or removed).
 */
export function sideBySide(from, to, diff, changes = []) {
  const added = new Set(diff.addedActivities);
  const removed = new Set(diff.removedActivities);
  const changed = new Set([...diff.changedActivities.map((c) => c.id), ...changes.map((c) => c.activityId)]
    .filter((id) => id && !added.has(id) && !removed.has(id)));
  const addedLinks = new Set(diff.addedConnections.map(connectionKey));
  const removedLinks = new Set(diff.removedConnections.map(connectionKey));
  const union = autoLayout({
    ...to,
    activities: [...to.activities, ...from.activities.filter((a) => removed.has(a.id))],
    connections: [...to.connections, ...diff.removedConnections],
  });
  const at = Object.fromEntries(union.activities.map((a) => [a.id, a.position]));
  const mark = (doc, gone, links) => ({
    ...doc,
    activities: doc.activities.map((a) => ({ ...a, position: at[a.id], diff: gone.has(a.id) ? (gone === added ? 'added' : 'removed') : changed.has(a.id) ? 'changed' : null })),
    connections: doc.connections.map((c) => ({ ...c, diff: links.has(connectionKey(c)) ? (links === addedLinks ? 'added' : 'removed') : null })),
  });
  return { union, bands: bandsOf(union, stagesOf(union)), before: mark(from, removed, removedLinks), after: mark(to, added, addedLinks) };
}

/**
 * The first view of both sides: at a legible zoom (larger when every changed step fits), the changed
 * steps from the top left, with the graph's top and left edge in view when they fit too.
 */
function changesViewport(view, width, height) {
  const marked = view.union.activities.filter((a) => view.ids.includes(a.id));
  if (!marked.length) return firstViewport(view.union, width, height);
  const margin = 40;
  const minX = Math.min(...marked.map((a) => a.position.x)) - margin;
  const minY = Math.min(...marked.map((a) => a.position.y)) - margin;
  const maxX = Math.max(...marked.map((a) => a.position.x)) + NODE_WIDTH + margin;
  const maxY = Math.max(...marked.map((a) => a.position.y)) + NODE_HEIGHT + margin;
  const zoom = Math.min(Math.max(Math.min(width / (maxX - minX), height / (maxY - minY)), READABLE_ZOOM), 1);
  const graphX = Math.min(...view.bands.map((b) => b.x)) - 8;
  const graphY = Math.min(...view.bands.map((b) => b.y)) - 8;
  const left = (maxX - graphX) * zoom <= width ? graphX : minX;
  const top = (maxY - graphY) * zoom <= height ? graphY : minY;
  return { x: -left * zoom, y: -top * zoom, zoom };
}

/** The business-language changes of a version, one per line; with onPick a line can be clicked to show its step. */
export function ChangeList({ changes, testId, focus, onPick }) {
  if (!changes.length) return <p className="hint">{t('noChanges')}</p>;
  return (
    <ul className="change-list" data-testid={testId}>
      {changes.map((c, i) => (
        <li key={i} className={`change change-${c.kind ?? c.change}${focus && c.activityId === focus ? ' focused' : ''}`} data-activity={c.activityId}>
          {onPick && c.activityId
            ? <button type="button" className="change-line" onClick={() => onPick(c.activityId)}>{c.description}</button>
            : c.description}
        </li>
      ))}
    </ul>
  );
}

/**
 * Two versions side by side (old left, new right) on their graphs with the changes highlighted, and the
 * changes in business language beside them; a change clicked focuses its step on both graphs.
 */
export function Compare({ definitionId, from, to, types, teams, title, testId, changesTestId, onClose, children }) {
  const [view, setView] = useState(null);
  const [error, setError] = useState(null);
  const [focus, setFocus] = useState(null);
  const flows = useRef({});
  const placed = useRef(false);
  useEffect(() => {
    placed.current = false;
    const diff = from ? api.diff(definitionId, from, to) : Promise.resolve(null);
    Promise.all([from ? api.version(definitionId, from) : EMPTY, api.version(definitionId, to), diff]).then(([a, b, result]) => {
      const d = result?.diff ?? {
        addedActivities: b.activities.map((x) => x.id), removedActivities: [], changedActivities: [], addedConnections: b.connections, removedConnections: [],
      };
      setView({ ...sideBySide(a, b, d, result?.changes), changes: result?.changes ?? [], ids: (result?.changes ?? []).map((c) => c.activityId).filter(Boolean) });
    }).catch((e) => setError(problemLines(e).join('; ')));
  }, [definitionId, from, to]);

  const place = useCallback(() => {
    const { old, new: now } = flows.current;
    if (placed.current || !view || !old || !now) return;
    placed.current = true;
    const viewport = changesViewport(view, old.box.clientWidth, old.box.clientHeight);
    old.instance.setViewport(viewport);
    now.instance.setViewport(viewport);
  }, [view]);
  useEffect(place, [place]);
  const onReady = useCallback((side, instance, box) => { flows.current[side] = { instance, box }; place(); }, [place]);
  const onPan = useCallback((side, viewport) => flows.current[side === 'old' ? 'new' : 'old']?.instance.setViewport(viewport), []);
  const pick = (id) => {
    setFocus(id);
    const a = view.union.activities.find((x) => x.id === id);
    if (!a) return;
    const zoom = Math.max(flows.current.old.instance.getZoom(), READABLE_ZOOM);
    Object.values(flows.current).forEach(({ instance }) => instance.setCenter(a.position.x + NODE_WIDTH / 2, a.position.y + NODE_HEIGHT / 2, { zoom, duration: 300 }));
  };

  return (
    <section className="compare" data-testid={testId}>
      {view && (
        <div className="compare-graphs">
          <DiffGraph side="old" title={from ? `${t('before')} v${from}` : t('nothingPublished')} doc={view.before} bands={view.bands}
            types={types} teams={teams} focus={focus} onReady={onReady} onPan={onPan} />
          <DiffGraph side="new" title={`${t('after')} v${to}`} doc={view.after} bands={view.bands}
            types={types} teams={teams} focus={focus} onReady={onReady} onPan={onPan} />
        </div>
      )}
      <aside className="compare-side">
        <header><h2>{title}</h2><button type="button" onClick={onClose}>{t('close')}</button></header>
        <p className="legend">
          <span className="legend-added">{t('added')}</span><span className="legend-removed">{t('removed')}</span>
          <span className="legend-changed">{t('changed')}</span>
        </p>
        {error && <div className="field-error">{error}</div>}
        {view && <ChangeList changes={view.changes} testId={changesTestId} focus={focus} onPick={pick} />}
        {view && view.changes.length > 0 && <p className="hint">{t('pickChange')}</p>}
        {children}
      </aside>
    </section>
  );
}
