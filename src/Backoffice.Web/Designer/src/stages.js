import dagre from '@dagrejs/dagre';
import { NODE_HEIGHT, NODE_WIDTH } from './graph.js';

/** The stages of an order's way, left to right: the provider's review, verification, the bureau, completion and follow-up. */
export const STAGES = ['provider', 'verification', 'bureau', 'follow-up'];
const FAILURES = new Set(['return', 'reject', 'rejected', 'expired', 'timeout']);
export const READABLE_ZOOM = 0.8;
const BAND_GAP = 70;
const BAND_PADDING = 16;
const BAND_HEADER = 34;
const rank = (stage) => STAGES.indexOf(stage);
const lowest = (stages) => stages.filter(Boolean).sort((a, b) => rank(a) - rank(b))[0];
const highest = (stages) => stages.filter(Boolean).sort((a, b) => rank(b) - rank(a))[0];

/** The stage a step belongs to by what it is: review teams, the bureau's events and steps, follow-up. */
function fixedStage(activity) {
  const properties = activity.properties ?? {};
  switch (activity.type) {
    case 'submit-to-bureau': return 'bureau';
    case 'wait-for-event': return properties.event === 'public-security-reported' ? 'follow-up' : 'bureau';
    case 'apply-bureau-result': case 'start-follow-up': return 'follow-up';
    case 'human-task': return properties.team === 'initial-review' ? 'provider' : 'verification';
    default: return null;
  }
}

/**
 * Every step's stage. Steps that are not a stage of their own take one from their neighbours: a
 * notification of a return or a rejection the earliest stage that sends it, a wait for the applicant
 * or an end the latest stage that leads to it, a decision, fork, join or notification the earliest
 * stage it leads to.
 */
export function stagesOf(doc) {
  const stage = {};
  doc.activities.forEach((a) => { stage[a.id] = fixedStage(a); });
  const into = (id) => doc.connections.filter((c) => c.target === id);
  const outOf = (id) => doc.connections.filter((c) => c.source === id && !FAILURES.has(c.outcome));
  const free = doc.activities.filter((a) => !stage[a.id]);
  for (let round = 0; round <= free.length; round += 1) {
    free.forEach((a) => {
      const failures = into(a.id).filter((c) => FAILURES.has(c.outcome));
      if (a.type === 'notify' && failures.length) stage[a.id] = lowest(failures.map((c) => stage[c.source]));
      else if (a.type === 'wait-for-applicant' || a.type === 'end') stage[a.id] = highest(into(a.id).map((c) => stage[c.source]));
      else stage[a.id] = lowest(outOf(a.id).map((c) => stage[c.target])) ?? highest(into(a.id).map((c) => stage[c.source]));
    });
  }
  doc.activities.forEach((a) => { stage[a.id] ??= 'provider'; });
  return stage;
}

/**
 * The connections that go back to a step already on the way from the start (a return, a resubmission):
 * found by walking from the start, the way forward first and failures last. Left out of the layout so
 * the way forward reads top to bottom.
 */
function backwardLinks(doc) {
  const backward = new Set();
  const state = {};
  const forwardFirst = [...doc.connections].sort((a, b) => Number(FAILURES.has(a.outcome)) - Number(FAILURES.has(b.outcome)));
  const visit = (id) => {
    state[id] = 'open';
    forwardFirst.filter((c) => c.source === id).forEach((c) => {
      if (state[c.target] === 'open') backward.add(c);
      else if (!state[c.target]) visit(c.target);
    });
    state[id] = 'done';
  };
  if (doc.start) visit(doc.start);
  return backward;
}

/** Places the steps by stage: one column per stage, each laid out top to bottom along its own connections. */
export function autoLayout(doc) {
  const stage = stagesOf(doc);
  const backward = backwardLinks(doc);
  const positions = {};
  let left = 0;
  STAGES.forEach((name) => {
    const members = doc.activities.filter((a) => stage[a.id] === name);
    if (!members.length) return;
    const graph = new dagre.graphlib.Graph();
    graph.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 46 });
    graph.setDefaultEdgeLabel(() => ({}));
    members.forEach((a) => graph.setNode(a.id, { width: NODE_WIDTH, height: NODE_HEIGHT }));
    doc.connections.forEach((c) => {
      if (c.source !== c.target && stage[c.source] === name && stage[c.target] === name && !backward.has(c)) graph.setEdge(c.source, c.target);
    });
    dagre.layout(graph);
    const width = graph.graph().width ?? NODE_WIDTH;
    members.forEach((a) => {
      const { x, y } = graph.node(a.id);
      positions[a.id] = { x: Math.round(left + x - NODE_WIDTH / 2), y: Math.round(BAND_HEADER + y - NODE_HEIGHT / 2) };
    });
    left += width + BAND_GAP;
  });
  return { ...doc, activities: doc.activities.map((a) => ({ ...a, position: positions[a.id] })) };
}

/** The band drawn behind each stage's steps: their bounding box with room for the stage's name. */
export function bandsOf(doc, stage) {
  return STAGES.map((name) => {
    const members = doc.activities.filter((a) => stage[a.id] === name && a.position);
    if (!members.length) return null;
    const xs = members.map((a) => a.position.x);
    const ys = members.map((a) => a.position.y);
    const x = Math.min(...xs) - BAND_PADDING;
    const y = Math.min(...ys) - BAND_HEADER - BAND_PADDING;
    return {
      stage: name, count: members.length, x, y,
      width: Math.max(...xs) + NODE_WIDTH + BAND_PADDING - x,
      height: Math.max(...ys) + NODE_HEIGHT + 24 + BAND_PADDING - y,
    };
  }).filter(Boolean);
}

/**
 * The first view of a graph: all of it when it fits at a zoom where its text is legible; otherwise that
 * zoom, from its top-left corner (the first stage), the rest reached by panning or the minimap.
 */
export function firstViewport(doc, width, height) {
  const placed = doc.activities.filter((a) => a.position);
  if (!placed.length) return { x: 0, y: 0, zoom: 1 };
  const minX = Math.min(...placed.map((a) => a.position.x)) - BAND_PADDING - 8;
  const minY = Math.min(...placed.map((a) => a.position.y)) - BAND_HEADER - BAND_PADDING - 8;
  const maxX = Math.max(...placed.map((a) => a.position.x)) + NODE_WIDTH + BAND_PADDING + 8;
  const maxY = Math.max(...placed.map((a) => a.position.y)) + NODE_HEIGHT + 40 + BAND_PADDING;
  const fit = Math.min(width / (maxX - minX), height / (maxY - minY), 1.2);
  if (fit >= READABLE_ZOOM) {
    return { x: (width - (maxX - minX) * fit) / 2 - minX * fit, y: (height - (maxY - minY) * fit) / 2 - minY * fit, zoom: fit };
  }

  return { x: -minX * READABLE_ZOOM, y: -minY * READABLE_ZOOM, zoom: READABLE_ZOOM };
}
