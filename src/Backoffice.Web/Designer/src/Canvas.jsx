import { useCallback, useEffect, useMemo, useRef } from 'react';
import {
  Background, Controls, MiniMap, ReactFlow, applyEdgeChanges, applyNodeChanges, useReactFlow,
} from '@xyflow/react';
import { activityNode, bandNode, connectionEdge, diffColours, edgeTypes, nodeTypes, routed, useSynced } from './flowItems.js';
import { t } from './i18n.js';
import { useRoutes } from './RoutedEdge.jsx';
import { bandsOf, firstViewport, stagesOf } from './stages.js';

const COLLAPSIBLE = 'follow-up';
const OVERVIEW_WIDTH = 134;
const OVERVIEW_HEIGHT = 100;

/**
 * The definition as a graph: activities as nodes (type, team, SLA, errors, waiting orders, dry-run
 * steps), connections labelled with their outcome and routed around the steps; the follow-up band
 * folded away when collapsed. Pan and zoom; nothing is drawn over the graph (the controls are the CanvasTools beside it).
 */
export function Canvas({ doc, types, teams, errors, waiting, visits, armed, collapsed, onMove, onRemove, onConnect, onSelect, onDropType }) {
  const { screenToFlowPosition, setViewport } = useReactFlow();
  const box = useRef(null);
  useEffect(() => {
    if (box.current) setViewport(firstViewport(doc, box.current.clientWidth, box.current.clientHeight));
    // Once per loaded version: edits and moves keep the view where the user put it.
  }, [doc.id, doc.version, setViewport]);
  const stage = useMemo(() => stagesOf(doc), [doc]);
  const folded = useCallback((id) => collapsed && stage[id] === COLLAPSIBLE, [collapsed, stage]);
  const derivedNodes = useMemo(() => [
    ...bandsOf(doc, stage).map((band) => bandNode(band, collapsed && band.stage === COLLAPSIBLE)),
    ...doc.activities.map((a) => activityNode(a, { doc, types, teams, errors, waiting, visits, readOnly: false, hidden: folded(a.id) })),
  ], [doc, stage, collapsed, folded, types, teams, errors, waiting, visits]);
  const links = useMemo(() => doc.connections.map((c) => connectionEdge(c, {
    readOnly: false, hidden: folded(c.source) || folded(c.target), animated: Boolean(visits?.[c.source] && visits?.[c.target]),
  })), [doc, folded, visits]);
  const routes = useRoutes(links);
  const derivedEdges = useMemo(() => routed(links, routes), [links, routes]);

  const [nodes, onNodesChange] = useSynced(derivedNodes, applyNodeChanges);
  const [edges, onEdgesChange] = useSynced(derivedEdges, applyEdgeChanges);

  const handleNodes = useCallback((changes) => {
    onNodesChange(changes);
    const moved = changes.filter((c) => c.type === 'position' && c.dragging === false && c.position);
    if (moved.length) onMove(Object.fromEntries(moved.map((c) => [c.id, c.position])));
    const removed = changes.filter((c) => c.type === 'remove').map((c) => c.id);
    if (removed.length) onRemove(removed, []);
  }, [onNodesChange, onMove, onRemove]);

  const handleEdges = useCallback((changes) => {
    onEdgesChange(changes);
    const removed = changes.filter((c) => c.type === 'remove').map((c) => c.id);
    if (removed.length) onRemove([], removed);
  }, [onEdgesChange, onRemove]);

  const handleDrop = useCallback((event) => {
    event.preventDefault();
    const type = event.dataTransfer.getData('application/x-activity-type');
    if (type) onDropType(type, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  }, [onDropType, screenToFlowPosition]);

  // A type picked in the palette is placed where the canvas is clicked next.
  const handlePaneClick = useCallback((event) => {
    if (armed) onDropType(armed, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  }, [armed, onDropType, screenToFlowPosition]);

  return (
    <div ref={box} className={`canvas${armed ? ' placing' : ''}`} onDragOver={(e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'move'; }} onDrop={handleDrop}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={handleNodes}
        onEdgesChange={handleEdges}
        onPaneClick={handlePaneClick}
        onConnect={(c) => onConnect(c.source, c.sourceHandle, c.target)}
        onSelectionChange={({ nodes: selected, edges: selectedEdges }) => onSelect(selected.map((n) => n.id), selectedEdges.map((e) => e.id))}
        deleteKeyCode={['Delete', 'Backspace']}
        minZoom={0.1}
      >
        <Background />
      </ReactFlow>
    </div>
  );
}

/**
 * The canvas's controls, kept beside it (below the palette) rather than over it so that they never cover a step
 * or a connection: the follow-up band's fold button, zoom and fit, and the whole graph in small (drag or scroll it
 * to pan and zoom the canvas). Inside the canvas's ReactFlowProvider; the class gives them React Flow's colours.
 */
export function CanvasTools({ doc, collapsed, onFold }) {
  const foldable = useMemo(() => Object.values(stagesOf(doc)).includes(COLLAPSIBLE), [doc]);
  return (
    <div className="canvas-tools">
      {foldable && (
        <button type="button" className="band-toggle" data-testid="band-toggle" onClick={onFold}>
          {collapsed ? t('expandFollowUp') : t('collapseFollowUp')}
        </button>
      )}
      <div className="react-flow canvas-zoom"><Controls orientation="horizontal" /></div>
      <div className="react-flow overview" data-testid="overview">
        <MiniMap pannable zoomable ariaLabel={t('overview')} style={{ width: OVERVIEW_WIDTH, height: OVERVIEW_HEIGHT }}
          nodeColor={(n) => (n.type === 'band' ? 'transparent' : n.data.errors.length ? '#cf222e' : diffColours[n.data.diff] ?? '#8c959f')} />
      </div>
    </div>
  );
}
