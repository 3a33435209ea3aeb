import { useCallback, useEffect, useState } from 'react';
import { MarkerType } from '@xyflow/react';
import { ActivityNode } from './ActivityNode.jsx';
import { BandNode } from './BandNode.jsx';
import { connectionKey, outcomesOf } from './graph.js';
import { outcomeLabel } from './labels.js';
import { RoutedEdge } from './RoutedEdge.jsx';

// The nodes and edges of a definition's graph, as the designer's canvas and the diff's two graphs draw them.
export const nodeTypes = { activity: ActivityNode, band: BandNode };
export const edgeTypes = { routed: RoutedEdge };
export const diffColours = { added: '#1a7f37', removed: '#cf222e', changed: '#bf8700' };
export const FOLDED_HEIGHT = 44;

/** The band behind a stage's steps; folded, only its title. */
export const bandNode = (band, folded) => ({
  id: `band-${band.stage}`,
  type: 'band',
  position: { x: band.x, y: band.y },
  style: { width: band.width, height: folded ? FOLDED_HEIGHT : band.height },
  draggable: false, selectable: false, deletable: false, connectable: false, focusable: false, zIndex: -1,
  data: { ...band, collapsed: folded },
});

/** A step with what the canvas shows on it: type, team, time limit, errors, waiting orders, dry-run visits, its diff mark. */
export const activityNode = (a, { doc, types, teams, errors = [], waiting, visits, readOnly, hidden = false, focused = false }) => ({
  id: a.id,
  type: 'activity',
  position: a.position ?? { x: 0, y: 0 },
  hidden,
  draggable: !readOnly,
  connectable: !readOnly,
  data: {
    activity: a,
    typeLabel: types[a.type]?.label ?? a.type,
    teamLabel: teams.find((t) => t.value === a.properties?.team)?.label ?? a.properties?.team,
    outcomes: outcomesOf(a, types),
    errors: errors.filter((e) => e.activityId === a.id),
    waiting: waiting?.[a.id] ?? 0,
    isStart: doc.start === a.id,
    diff: a.diff,
    focused,
    visits: visits?.[a.id],
  },
});

/** A connection labelled with its outcome, green or red (dashed) when the diff added or removed it. */
export const connectionEdge = (c, { readOnly, hidden = false, animated = false, focused = false }) => ({
  id: connectionKey(c),
  type: 'routed',
  source: c.source,
  sourceHandle: c.outcome,
  target: c.target,
  label: outcomeLabel(c.outcome),
  hidden,
  deletable: !readOnly,
  className: [c.diff && `edge-${c.diff}`, focused && 'edge-focused'].filter(Boolean).join(' ') || undefined,
  animated,
  markerEnd: { type: MarkerType.ArrowClosed, color: diffColours[c.diff] ?? '#8c959f' },
  style: c.diff || focused
    ? { stroke: diffColours[c.diff] ?? '#0969da', strokeWidth: focused ? 3 : 2, strokeDasharray: c.diff === 'removed' ? '6 4' : undefined }
    : { stroke: '#8c959f', strokeWidth: 1.25 },
});

/** The edges with their routes around the steps. */
export const routed = (edges, routes) => edges.map((e) => ({ ...e, data: { route: routes[e.id] } }));

/** Keeps React Flow's own node state (measured sizes, selection) while taking content and positions from the document. */
export function useSynced(derived, apply) {
  const [items, setItems] = useState(derived);
  useEffect(() => {
    setItems((previous) => {
      const byId = new Map(previous.map((n) => [n.id, n]));
      return derived.map((n) => ({ ...byId.get(n.id), ...n, selected: byId.get(n.id)?.selected ?? false }));
    });
  }, [derived]);
  const onChange = useCallback((changes) => setItems((current) => apply(changes, current)), [apply]);
  return [items, onChange, setItems];
}
