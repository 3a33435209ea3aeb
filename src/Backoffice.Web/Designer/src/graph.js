export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 104;

/** The outcomes an activity can end with, as the palette describes them (fixed, or read from a property). */
export function outcomesOf(activity, types) {
  const type = types[activity.type];
  if (!type) return [];
  if (!type.outcomesFrom) return type.outcomes;
  const property = type.outcomesFrom.slice('property:'.length);
  const value = activity.properties?.[property];
  if (type.type === 'wait-for-event') return type.eventOutcomes?.[value] ?? [];
  return Array.isArray(value) ? value.filter((v) => typeof v === 'string' && v) : [];
}

export const needsLayout = (doc) => doc.activities.some((a) => !a.position);

/** A fresh activity id from a type: "human-task-2" when "human-task-1" is taken. */
export function freshId(doc, base) {
  const taken = new Set(doc.activities.map((a) => a.id));
  let n = 1;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

/** The one key of a connection: the canvas edge id, the diff and the deletion of selected edges all use it. */
export const connectionKey = (c) => `${c.source}|${c.outcome}|${c.target}`;

/** Sets where source's outcome goes (one target per outcome; none removes it). */
export function connect(doc, source, outcome, target) {
  const others = doc.connections.filter((c) => !(c.source === source && c.outcome === outcome));
  return { ...doc, connections: target ? [...others, { source, outcome, target }] : others };
}

export function removeActivities(doc, ids) {
  const gone = new Set(ids);
  return {
    ...doc,
    activities: doc.activities.filter((a) => !gone.has(a.id)),
    connections: doc.connections.filter((c) => !gone.has(c.source) && !gone.has(c.target)),
  };
}

/** Pastes copied activities with fresh ids, shifted, with the connections among them. */
export function paste(doc, clip) {
  const ids = {};
  let next = doc;
  const added = clip.activities.map((a) => {
    const id = freshId(next, a.id.replace(/-\d+$/, ''));
    ids[a.id] = id;
    const copy = { ...structuredClone(a), id, position: { x: (a.position?.x ?? 0) + NODE_WIDTH + 40, y: (a.position?.y ?? 0) + 20 } };
    next = { ...next, activities: [...next.activities, copy] };
    return copy;
  });
  const connections = clip.connections.map((c) => ({ ...c, source: ids[c.source], target: ids[c.target] }));
  return { doc: { ...next, connections: [...next.connections, ...connections] }, ids: added.map((a) => a.id) };
}

/** Default property values of a new activity of a type, enough to be valid where a default is obvious. */
export function newActivity(doc, type, position) {
  const base = type.type;
  const properties = {};
  type.properties.forEach((p) => {
    if (p.kind === 'duration' && p.required) properties[p.name] = { amount: 1, unit: 'working-days' };
    if (p.kind === 'choice' && p.required) properties[p.name] = p.choices[0];
    if (p.name === 'title') properties.title = type.label;
    if (p.name === 'outcomes') properties.outcomes = ['approve', 'return'];
    if (p.name === 'branches') properties.branches = ['a', 'b'];
  });
  return { id: freshId(doc, base), type: base, name: type.label, properties, position };
}
