import { useMemo, useRef } from 'react';
import { Background, Controls, ReactFlow, ReactFlowProvider, applyNodeChanges } from '@xyflow/react';
import { activityNode, bandNode, connectionEdge, edgeTypes, nodeTypes, routed, useSynced } from './flowItems.js';
import { useRoutes } from './RoutedEdge.jsx';

/**
 * One version's graph in the side-by-side diff: read-only, laid out by stage like the designer, its
 * added, removed and changed steps and connections marked, the step picked in the change list focused.
 * Panning or zooming it moves the other side too (onPan).
 */
function Graph({ side, title, doc, bands, types, teams, focus, onReady, onPan }) {
  const box = useRef(null);
  const derivedNodes = useMemo(() => [
    ...bands.map((band) => bandNode(band, false)),
    ...doc.activities.map((a) => activityNode(a, { doc, types, teams, readOnly: true, focused: a.id === focus })),
  ], [doc, bands, types, teams, focus]);
  const links = useMemo(() => doc.connections.map((c) => connectionEdge(c, {
    readOnly: true, focused: Boolean(focus && c.diff && (c.source === focus || c.target === focus)),
  })), [doc, focus]);
  const routes = useRoutes(links);
  const edges = useMemo(() => routed(links, routes), [links, routes]);
  const [nodes, onNodesChange] = useSynced(derivedNodes, applyNodeChanges);
  return (
    <div className={`diff-graph diff-graph-${side}`} data-testid={`diff-graph-${side}`}>
      <h3>{title}</h3>
      <div className="diff-graph-canvas" ref={box}>
        <ReactFlow
          nodes={nodes} edges={edges} nodeTypes={nodeTypes} edgeTypes={edgeTypes} onNodesChange={onNodesChange}
          onInit={(instance) => onReady(side, instance, box.current)}
          onMove={(event, viewport) => event && onPan(side, viewport)}
          nodesDraggable={false} nodesConnectable={false} elementsSelectable={false} deleteKeyCode={null} minZoom={0.1}
        >
          <Background />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
    </div>
  );
}

export function DiffGraph(props) {
  return <ReactFlowProvider><Graph {...props} /></ReactFlowProvider>;
}
