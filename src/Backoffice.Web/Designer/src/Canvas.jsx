import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Background, Controls, MarkerType, MiniMap, ReactFlow, applyEdgeChanges, applyNodeChanges, useReactFlow,
} from '@xyflow/react';
import { ActivityNode } from './ActivityNode.jsx';
import { BandNode } from './BandNode.jsx';
import { connectionKey, outcomesOf } from './graph.js';
import { outcomeLabel } from './labels.js';
import { bandsOf, firstViewport, stagesOf } from './stages.js';

const nodeTypes = { activity: ActivityNode, band: BandNode };
const COLLAPSIBLE = 'follow-up';
const edgeColours = { added: '#1a7f37', removed: '#cf222e' };

/** Keeps React Flow's own node state (measured sizes, selection) while taking content and positions from the document. */
function useSynced(derived, apply) {
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

/**
 * The definition as a graph: activities as nodes (type, team, SLA, errors, waiting orders, dry-run
 * steps), connections labelled with their outcome. Pan, zoom, minimap; read-only for a diff.
 */
export function Canvas({ doc, types, teams, errors, waiting, visits, readOnly, armed, onMove, onRemove, onConnect, onSelect, onDropType }) {
  const { screenToFlowPosition, setViewport } = useReactFlow();
  const box = useRef(null);
  useEffect(() => {
    if (box.current) setViewport(firstViewport(doc, box.current.clientWidth, box.current.clientHeight));
    // Once per loaded version: edits and moves keep the view where the user put it.
  }, [doc.id, doc.version, readOnly, setViewport]);
  const [collapsed, setCollapsed] = useState(false);
  const stage = useMemo(() => stagesOf(doc), [doc]);
  const folded = useCallback((id) => collapsed && stage[id] === COLLAPSIBLE, [collapsed, stage]);
  const derivedNodes = useMemo(() => [...bandsOf(doc, stage).map((band) => ({
    id: `band-${band.stage}`,
    type: 'band',
    position: { x: band.x, y: band.y },
    style: { width: band.width, height: collapsed && band.stage === COLLAPSIBLE ? 44 : band.height },
    draggable: false, selectable: false, deletable: false, connectable: false, focusable: false, zIndex: -1,
    data: { ...band, collapsed: collapsed && band.stage === COLLAPSIBLE, onToggle: band.stage === COLLAPSIBLE ? () => setCollapsed((c) => !c) : null },
  })), ...doc.activities.map((a) => ({
    id: a.id,
    type: 'activity',
    position: a.position ?? { x: 0, y: 0 },
    hidden: folded(a.id),
    draggable: !readOnly,
    data: {
      activity: a,
      typeLabel: types[a.type]?.label ?? a.type,
      teamLabel: teams.find((t) => t.value === a.properties?.team)?.label ?? a.properties?.team,
      outcomes: outcomesOf(a, types),
      errors: errors.filter((e) => e.activityId === a.id),
      waiting: waiting?.[a.id] ?? 0,
      isStart: doc.start === a.id,
      diff: a.diff,
      visits: visits?.[a.id],
    },
  }))], [doc, stage, collapsed, folded, types, teams, errors, waiting, visits, readOnly]);
  const derivedEdges = useMemo(() => doc.connections.map((c) => ({
    id: connectionKey(c),
    source: c.source,
    sourceHandle: c.outcome,
    target: c.target,
    label: outcomeLabel(c.outcome),
    hidden: folded(c.source) || folded(c.target),
    deletable: !readOnly,
    className: c.diff ? `edge-${c.diff}` : undefined,
    animated: Boolean(visits?.[c.source] && visits?.[c.target]),
    markerEnd: { type: MarkerType.ArrowClosed, color: edgeColours[c.diff] },
    style: c.diff ? { stroke: edgeColours[c.diff], strokeWidth: 2, strokeDasharray: c.diff === 'removed' ? '6 4' : undefined } : undefined,
  })), [doc, folded, visits, readOnly]);

  const [nodes, onNodesChange] = useSynced(derivedNodes, applyNodeChanges);
  const [edges, onEdgesChange] = useSynced(derivedEdges, applyEdgeChanges);

  const handleNodes = useCallback((changes) => {
    onNodesChange(changes);
    if (readOnly) return;
    const moved = changes.filter((c) => c.type === 'position' && c.dragging === false && c.position);
    if (moved.length) onMove(Object.fromEntries(moved.map((c) => [c.id, c.position])));
    const removed = changes.filter((c) => c.type === 'remove').map((c) => c.id);
    if (removed.length) onRemove(removed, []);
  }, [onNodesChange, onMove, onRemove, readOnly]);

  const handleEdges = useCallback((changes) => {
    onEdgesChange(changes);
    if (readOnly) return;
    const removed = changes.filter((c) => c.type === 'remove').map((c) => c.id);
    if (removed.length) onRemove([], removed);
  }, [onEdgesChange, onRemove, readOnly]);

  const handleDrop = useCallback((event) => {
    event.preventDefault();
    const type = event.dataTransfer.getData('application/x-activity-type');
    if (type && !readOnly) onDropType(type, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  }, [onDropType, readOnly, screenToFlowPosition]);

  // A type picked in the palette is placed where the canvas is clicked next.
  const handlePaneClick = useCallback((event) => {
    if (armed && !readOnly) onDropType(armed, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  }, [armed, onDropType, readOnly, screenToFlowPosition]);

  return (
    <div ref={box} className={`canvas${armed ? ' placing' : ''}`} onDragOver={(e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'move'; }} onDrop={handleDrop}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={handleNodes}
        onEdgesChange={handleEdges}
        onPaneClick={handlePaneClick}
        onConnect={(c) => !readOnly && onConnect(c.source, c.sourceHandle, c.target)}
        onSelectionChange={({ nodes: selected, edges: selectedEdges }) => onSelect(selected.map((n) => n.id), selectedEdges.map((e) => e.id))}
        nodesConnectable={!readOnly}
        deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
        minZoom={0.1}
      >
        <Background />
        <Controls />
        <MiniMap pannable zoomable nodeColor={(n) => (n.type === 'band' ? 'transparent' : n.data.errors.length ? '#cf222e' : edgeColours[n.data.diff] ?? '#8c959f')} />
      </ReactFlow>
    </div>
  );
}
