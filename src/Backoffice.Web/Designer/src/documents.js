// The designer's document helpers that are not graph edits: what is stored, downloads, dry-run visits.
import { chinaTime } from './i18n.js';

/** What is stored: the definition without the designer's own markings. */
export const stored = (doc) => ({
  ...doc,
  activities: doc.activities.map(({ id, type, name, properties, position }) => ({ id, type, name, properties, position })),
  connections: doc.connections.map(({ source, outcome, target }) => ({ source, outcome, target })),
});

export function download(name, json) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  URL.revokeObjectURL(url);
}

/** The steps of a dry run by activity: where the path passes, in which order, with each due time in China time. */
export function visitsOf(run) {
  if (!run) return null;
  const byActivity = {};
  run.steps.forEach((s, i) => {
    (byActivity[s.activityId] ??= []).push({
      index: i + 1, outcome: s.outcome,
      dueAt: s.dueAt ? chinaTime(s.dueAt) : null,
    });
  });
  return byActivity;
}
