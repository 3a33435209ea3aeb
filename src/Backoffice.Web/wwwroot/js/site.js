// Staff pages: anti-forgery aware POSTs without a page reload, toasts and keyboard shortcuts.
(function () {
  const token = document.querySelector('meta[name="csrf-token"]')?.content ?? '';

  // POSTs a form body to a page handler; the answer is JSON {ok, message, html?}.
  async function post(url, data) {
    const body = data instanceof FormData ? data : new URLSearchParams(data ?? {});
    const response = await fetch(url, { method: 'POST', body, headers: { 'X-CSRF-TOKEN': token, 'Accept': 'application/json' }, credentials: 'same-origin' });
    if (response.status === 401 || response.redirected) { location.reload(); return { ok: false }; }
    const type = response.headers.get('Content-Type') ?? '';
    return type.includes('json') ? await response.json() : { ok: response.ok, message: response.statusText };
  }

  // A short-lived bearer token for the page's /api calls, asked for with the cookie and the anti-forgery token
  // (never written into the page); renewed a minute before it expires.
  let pageToken = null;
  async function apiToken() {
    if (pageToken && Date.parse(pageToken.expiresAt) - Date.now() > 60_000) return pageToken.token;
    const response = await fetch('/session/api-token', { method: 'POST', headers: { 'X-CSRF-TOKEN': token, 'Accept': 'application/json' }, credentials: 'same-origin' });
    if (!response.ok) { location.reload(); throw new Error(response.statusText); }
    pageToken = await response.json();
    return pageToken.token;
  }

  function toast(message, bad) {
    if (!message) return;
    const box = document.getElementById('toast');
    const item = document.createElement('div');
    item.textContent = message;
    if (bad) item.className = 'bad';
    item.setAttribute('data-testid', 'toast');
    box.appendChild(item);
    setTimeout(() => item.remove(), 6000);
  }

  // Shortcuts are ignored while typing in a field.
  const keys = {};
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const tag = e.target.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
    const handler = keys[e.key];
    if (handler) { e.preventDefault(); handler(e); }
  });

  window.backoffice = { post, apiToken, toast, onKey: (key, handler) => { keys[key] = handler; } };
})();
