import { useMemo, useRef } from 'react';
import { BaseEdge, Position, getSmoothStepPath, useStore } from '@xyflow/react';
import { routeLinks, routedPath } from './routing.js';

const near = (p, x, y) => Math.abs(p.x - x) < 1.5 && Math.abs(p.y - y) < 1.5;

/**
 * A connection drawn along its route around the steps; while a step is dragged (its route not
 * recomputed yet) it falls back to a stepped line between its handles.
 */
export function RoutedEdge({ id, sourceX, sourceY, targetX, targetY, label, style, markerEnd, data, interactionWidth }) {
  const route = data?.route;
  const fits = route && near(route.points[0], sourceX, sourceY) && near(route.points[route.points.length - 1], targetX, targetY);
  const [path, labelX, labelY] = fits
    ? [routedPath(route.points), route.label.x, route.label.y]
    : getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition: Position.Bottom, targetPosition: Position.Top });
  return (
    <BaseEdge id={id} path={path} labelX={labelX} labelY={labelY} label={label} style={style} markerEnd={markerEnd}
      interactionWidth={interactionWidth} labelBgPadding={[4, 2]} labelBgStyle={{ fill: '#fff', fillOpacity: 0.9 }} />
  );
}

/** Where the steps are drawn and their handles, as one key: unchanged while nothing moved; null while a step is dragged. */
function geometry(state) {
  const parts = [];
  for (const node of state.nodeLookup.values()) {
    if (node.type !== 'activity' || node.hidden) continue;
    if (node.dragging) return null;
    const bounds = node.internals.handleBounds;
    if (!node.measured?.width || !bounds) continue;
    const { x, y } = node.internals.positionAbsolute;
    const handles = [...(bounds.source ?? []), ...(bounds.target ?? [])].map((h) => `${h.type}:${h.id}:${h.x}:${h.y}:${h.width}:${h.height}`);
    parts.push(`${node.id}|${x}|${y}|${node.measured.width}|${node.measured.height}|${handles.join(';')}`);
  }
  return parts.join('\n');
}

/** The routes of the visible connections around the visible steps, recomputed when a step moves or changes size. */
export function useRoutes(connections) {
  const key = useStore(geometry);
  const last = useRef({});
  return useMemo(() => {
    if (key === null) return last.current;
    const boxes = []; const handles = {};
    key.split('\n').filter(Boolean).forEach((line) => {
      const [id, x, y, width, height, hs] = line.split('|');
      const box = { id, x: +x, y: +y, width: +width, height: +height };
      boxes.push(box);
      handles[id] = { box, list: hs ? hs.split(';').map((h) => { const [type, hid, hx, hy, hw, hh] = h.split(':'); return { type, id: hid, x: +hx, y: +hy, width: +hw, height: +hh }; }) : [] };
    });
    const links = connections.filter((c) => !c.hidden && handles[c.source] && handles[c.target]).map((c) => {
      const out = handles[c.source].list.find((h) => h.type === 'source' && h.id === c.sourceHandle);
      const into = handles[c.target].list.find((h) => h.type === 'target');
      if (!out || !into) return null;
      const s = handles[c.source].box; const t = handles[c.target].box;
      return {
        id: c.id, source: c.source, target: c.target,
        from: { x: s.x + out.x + out.width / 2, y: s.y + out.y + out.height },
        to: { x: t.x + into.x + into.width / 2, y: t.y + into.y },
      };
    }).filter(Boolean);
    last.current = routeLinks(boxes, links);
    return last.current;
  }, [key, connections]);
}
