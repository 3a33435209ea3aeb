// The designer's calls to the HTTP API with a short-lived bearer token, which the page asks for with
// the staff cookie and its anti-forgery token (no token is written into the page).
const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? '';
let pageToken = null;
/** The signed-in user: the author of what he publishes, who cannot approve it. */
export const user = document.getElementById('designer')?.dataset.user ?? '';
export const lang = document.documentElement.lang?.startsWith('en') ? 'en' : 'zh';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function token() {
  if (pageToken && Date.parse(pageToken.expiresAt) - Date.now() > 60_000) return pageToken.token;
  const response = await fetch('/session/api-token', {
    method: 'POST', headers: { 'X-CSRF-TOKEN': csrf, Accept: 'application/json' }, credentials: 'same-origin',
  });
  if (!response.ok) throw new ApiError(response.status, null);
  pageToken = await response.json();
  return pageToken.token;
}

async function call(method, url, body) {
  const headers = { Accept: 'application/json', 'Accept-Language': lang === 'en' ? 'en' : 'zh-CN', Authorization: `Bearer ${await token()}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, {
    method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

const defs = '/api/workflow-definitions';
export const api = {
  activityTypes: () => call('GET', '/api/activity-types'),
  reference: () => call('GET', '/api/designer/reference'),
  definitions: () => call('GET', defs),
  version: (id, v) => call('GET', `${defs}/${id}/versions/${v}`),
  versions: (id) => call('GET', `${defs}/${id}/versions`),
  waiting: (id, v) => call('GET', `${defs}/${id}/versions/${v}/waiting`),
  saveDraft: (id, doc, expectedSavedAt) => call('PUT', `${defs}/${id}/draft?expectedSavedAt=${encodeURIComponent(expectedSavedAt)}`, doc),
  validate: (id, doc) => call('POST', `${defs}/${id}/validate`, doc),
  publish: (id, note) => call('POST', `${defs}/${id}/publish`, { note }),
  approve: (id, v, note) => call('POST', `${defs}/${id}/versions/${v}/approve`, { note }),
  reject: (id, v, note) => call('POST', `${defs}/${id}/versions/${v}/reject`, { note }),
  discardDraft: (id) => call('DELETE', `${defs}/${id}/draft`),
  impact: (id, from, to) => call('GET', `${defs}/${id}/impact?from=${from}&to=${to}`),
  diff: (id, from, to) => call('GET', `${defs}/${id}/diff?from=${from}&to=${to}`),
  dryRun: (id, body) => call('POST', `${defs}/${id}/dry-run`, body),
  importFile: (id, doc) => call('POST', `${defs}/${id}/import`, doc),
  exportVersion: (id, v) => call('GET', `${defs}/${id}/versions/${v}/export`),
  preview: (template) => call('POST', '/api/designer/template-preview', { template }),
  orders: (filingType) => call('GET', `/api/filings?filingType=${encodeURIComponent(filingType ?? '')}`),
};

/** The field errors of a 400 problem as lines "field: message". */
export function problemLines(error) {
  const errors = error?.problem?.errors;
  if (!errors) return [error?.problem?.detail ?? error?.message ?? String(error)];
  return Object.entries(errors).flatMap(([field, messages]) => messages.map((m) => `${field}: ${m}`));
}
