// Orthogonal routing of the connections around the steps: each connection leaves its outcome's handle
// downwards, runs along the gutters between the steps and the bands (never over a step), and enters
// its target from above. A shortest path on the grid of lines along the steps' edges, with a cost for
// each bend and for running on top of another connection, so parallel connections take parallel lanes.

const CLEARANCE = 14;
const BEND = 40;
const SHARED = 3;
const DIRECTIONS = [[1, 0], [-1, 0], [0, 1], [0, -1]];
const DOWN = 2;

const unique = (values) => [...new Set(values.map(Math.round))].sort((a, b) => a - b);

/** The lines a route may run on: along each inflated box, through the end points, and lanes in the wide gaps between them. */
function lines(values) {
  const sorted = unique(values);
  const lanes = [];
  sorted.forEach((v, i) => {
    const next = sorted[i + 1];
    if (next === undefined) return;
    const gap = next - v;
    const count = gap > 6 * CLEARANCE ? 3 : gap > 2 * CLEARANCE ? 1 : 0;
    for (let k = 1; k <= count; k += 1) lanes.push(v + (gap * k) / (count + 1));
  });
  return unique([...sorted, ...lanes]);
}

class Heap {
  constructor() { this.items = []; }
  get size() { return this.items.length; }
  push(item) {
    const a = this.items;
    a.push(item);
    for (let i = a.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (a[p][0] <= a[i][0]) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }
  pop() {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1; const r = l + 1;
        let m = i;
        if (l < a.length && a[l][0] < a[m][0]) m = l;
        if (r < a.length && a[r][0] < a[m][0]) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}

/** Drops the points in the middle of a straight run. */
function simplify(points) {
  return points.filter((p, i) => {
    const a = points[i - 1]; const b = points[i + 1];
    if (!a || !b) return true;
    return !((a.x === p.x && p.x === b.x) || (a.y === p.y && p.y === b.y));
  });
}

/**
 * Routes every connection. boxes: [{id, x, y, width, height}] the visible steps; links: [{id, source,
 * target, from:{x,y}, to:{x,y}}] with the handle points. Returns {linkId: {points, label}} for those that could
 * be routed (a handle inside another step's clearance cannot be), as {points, label}: the route and where its label goes.
 */
export function routeLinks(boxes, links) {
  const inflated = boxes.map((b) => ({ l: b.x - CLEARANCE, r: b.x + b.width + CLEARANCE, t: b.y - CLEARANCE, b: b.y + b.height + CLEARANCE }));
  const byId = Object.fromEntries(boxes.map((b) => [b.id, b]));
  const ends = links.filter((k) => byId[k.source] && byId[k.target]).map((k) => ({
    ...k,
    start: { x: Math.round(k.from.x), y: Math.round(Math.max(k.from.y, byId[k.source].y + byId[k.source].height) + CLEARANCE) },
    end: { x: Math.round(k.to.x), y: Math.round(Math.min(k.to.y, byId[k.target].y) - CLEARANCE) },
  }));
  const xs = lines([...inflated.flatMap((b) => [b.l, b.r]), ...ends.flatMap((k) => [k.start.x, k.end.x])]);
  const ys = lines([...inflated.flatMap((b) => [b.t, b.b]), ...ends.flatMap((k) => [k.start.y, k.end.y])]);
  const nx = xs.length; const ny = ys.length;
  const inside = (x, y) => inflated.some((b) => x > b.l && x < b.r && y > b.t && y < b.b);
  const free = new Uint8Array(nx * ny);
  const openRight = new Uint8Array(nx * ny);
  const openDown = new Uint8Array(nx * ny);
  for (let i = 0; i < nx; i += 1) {
    for (let j = 0; j < ny; j += 1) {
      const n = i * ny + j;
      free[n] = inside(xs[i], ys[j]) ? 0 : 1;
      if (i + 1 < nx) openRight[n] = inside((xs[i] + xs[i + 1]) / 2, ys[j]) ? 0 : 1;
      if (j + 1 < ny) openDown[n] = inside(xs[i], (ys[j] + ys[j + 1]) / 2) ? 0 : 1;
    }
  }
  const used = new Map();
  // A run between neighbouring grid points, by its first point and whether it goes right or down.
  const segment = (n, m) => (Math.min(n, m) * 2 + (Math.abs(n - m) === 1 ? 1 : 0));
  const routes = {};
  const xIndex = new Map(xs.map((x, i) => [x, i]));
  const yIndex = new Map(ys.map((y, i) => [y, i]));
  // The long connections first: they need the lanes most; short ones then fit in beside them.
  const ordered = [...ends].sort((a, b) => (Math.abs(b.end.x - b.start.x) + Math.abs(b.end.y - b.start.y)) - (Math.abs(a.end.x - a.start.x) + Math.abs(a.end.y - a.start.y)));
  ordered.forEach((link) => {
    const si = xIndex.get(link.start.x); const sj = yIndex.get(link.start.y);
    const ti = xIndex.get(link.end.x); const tj = yIndex.get(link.end.y);
    if (!free[si * ny + sj] || !free[ti * ny + tj]) return;
    const goal = ti * ny + tj;
    const cost = new Float64Array(nx * ny * 4).fill(Infinity);
    const back = new Int32Array(nx * ny * 4).fill(-1);
    const heap = new Heap();
    const first = (si * ny + sj) * 4 + DOWN;
    cost[first] = 0;
    heap.push([0, first]);
    let reached = -1;
    while (heap.size) {
      const [, state] = heap.pop();
      const n = state >> 2; const dir = state & 3;
      if (n === goal) { reached = state; break; }
      const i = Math.floor(n / ny); const j = n % ny;
      DIRECTIONS.forEach(([di, dj], d) => {
        const i2 = i + di; const j2 = j + dj;
        if (i2 < 0 || j2 < 0 || i2 >= nx || j2 >= ny) return;
        const m = i2 * ny + j2;
        if (!free[m]) return;
        const open = di ? openRight[di > 0 ? n : m] : openDown[dj > 0 ? n : m];
        if (!open) return;
        const length = Math.abs(xs[i2] - xs[i]) + Math.abs(ys[j2] - ys[j]);
        const owners = used.get(segment(n, m));
        const shared = owners !== undefined && owners.some((other) => other !== link.target);
        let step = length * (shared ? SHARED : 1) + (d === dir ? 0 : BEND);
        if (m === goal && d !== DOWN) step += BEND;
        const next = m * 4 + d;
        const total = cost[state] + step;
        if (total < cost[next]) {
          cost[next] = total;
          back[next] = state;
          heap.push([total + Math.abs(xs[i2] - xs[ti]) + Math.abs(ys[j2] - ys[tj]), next]);
        }
      });
    }
    if (reached < 0) return;
    const cells = [];
    for (let s = reached; s >= 0; s = back[s]) cells.unshift(s >> 2);
    cells.forEach((n, k) => {
      const m = cells[k + 1];
      if (m === undefined) return;
      const key = segment(n, m);
      used.set(key, [...(used.get(key) ?? []), link.target]);
    });
    const points = cells.map((n) => ({ x: xs[Math.floor(n / ny)], y: ys[n % ny] }));
    routes[link.id] = { points: simplify([link.from, ...points, link.to].map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) }))) };
  });
  const placed = [];
  links.forEach((link) => {
    if (routes[link.id]) routes[link.id].label = labelPoint(routes[link.id].points, boxes, placed);
  });
  return routes;
}

const LABEL = { width: 64, height: 20 };
const overlaps = (p, r) => Math.abs(p.x - r.x) < (LABEL.width + (r.width ?? LABEL.width)) / 2 && Math.abs(p.y - r.y) < (LABEL.height + (r.height ?? LABEL.height)) / 2;

/**
 * Where a connection's outcome label goes: along its route from the source, on the first run with room
 * that covers no step and no other label; else the middle of its longest run.
 */
function labelPoint(points, boxes, placed) {
  const runs = points.slice(1).map((p, k) => ({ a: points[k], b: p, length: Math.hypot(p.x - points[k].x, p.y - points[k].y) }));
  const candidates = runs.filter((r) => r.length >= 40)
    .flatMap((r) => [0.5, 0.25, 0.75].map((f) => ({ x: r.a.x + (r.b.x - r.a.x) * f, y: r.a.y + (r.b.y - r.a.y) * f })));
  const steps = boxes.map((b) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2, width: b.width, height: b.height }));
  const free = candidates.find((p) => !steps.some((b) => overlaps(p, b)) && !placed.some((q) => overlaps(p, q)));
  const longest = runs.reduce((m, r) => (r.length > m.length ? r : m), runs[0]);
  const point = free ?? { x: (longest.a.x + longest.b.x) / 2, y: (longest.a.y + longest.b.y) / 2 };
  placed.push(point);
  return point;
}

/** An SVG path through the route's points with rounded corners. */
export function routedPath(points) {
  const radius = 8;
  let d = `M ${points[0].x} ${points[0].y}`;
  for (let k = 1; k < points.length - 1; k += 1) {
    const [a, p, b] = [points[k - 1], points[k], points[k + 1]];
    const r = Math.min(radius, Math.hypot(p.x - a.x, p.y - a.y) / 2, Math.hypot(b.x - p.x, b.y - p.y) / 2);
    const inX = p.x - Math.sign(p.x - a.x) * r; const inY = p.y - Math.sign(p.y - a.y) * r;
    const outX = p.x + Math.sign(b.x - p.x) * r; const outY = p.y + Math.sign(b.y - p.y) * r;
    d += ` L ${inX} ${inY} Q ${p.x} ${p.y} ${outX} ${outY}`;
  }
  const last = points[points.length - 1];
  return `${d} L ${last.x} ${last.y}`;
}
