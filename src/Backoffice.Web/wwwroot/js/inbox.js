// The inbox: claim, release, "next task" and bulk actions on ticked tasks without a reload; j/k/Enter/c/r/n/"/" from the keyboard.
(function () {
  const { post, toast, onKey } = window.backoffice;
  const list = document.getElementById('inbox-list');
  let selected = 0;

  const rows = () => Array.from(list.querySelectorAll('tr[data-task]'));
  const ticked = () => Array.from(list.querySelectorAll('input[data-testid=tick]:checked')).map((box) => box.value);

  function select(index) {
    const all = rows();
    if (all.length === 0) return;
    selected = Math.max(0, Math.min(index, all.length - 1));
    all.forEach((row, i) => row.classList.toggle('selected', i === selected));
    all[selected].scrollIntoView({ block: 'nearest' });
  }

  async function refresh() {
    const response = await fetch(list.dataset.listUrl, { credentials: 'same-origin' });
    if (!response.ok) return;
    const keep = new Set(ticked());
    list.innerHTML = await response.text();
    list.querySelectorAll('input[data-testid=tick]').forEach((box) => { box.checked = keep.has(box.value); });
    select(selected);
  }

  async function act(row, action) {
    if (!row) return;
    const result = await post(`/inbox?handler=${action}&id=${row.dataset.task}`);
    toast(result.message, !result.ok);
    await refresh();
  }

  function showTicked() {
    const count = ticked().length;
    const label = document.getElementById('ticked');
    if (!label) return;
    label.textContent = count === 0 ? label.dataset.none : label.dataset.some.replace('{0}', count);
  }

  // Each task that could not be changed gets a line: its order number and why.
  async function bulk(operation) {
    const ids = ticked();
    const result = document.getElementById('bulk-result');
    result.replaceChildren();
    if (ids.length === 0) { toast(document.getElementById('ticked').dataset.none, true); return; }
    const data = new FormData();
    data.append('operation', operation);
    ids.forEach((id) => data.append('ids', id));
    if (operation === 'reassign') data.append('assignee', document.getElementById('bulk-assignee').value);
    const answer = await post('/inbox?handler=bulk', data);
    toast(answer.message, !answer.ok);
    (answer.failures ?? []).forEach((failure) => {
      const item = document.createElement('li');
      item.textContent = failure.text;
      item.setAttribute('data-testid', 'bulk-failure');
      result.appendChild(item);
    });
    await refresh();
    showTicked();
  }

  async function next() {
    const result = await post('/inbox?handler=next');
    if (result.ok) { location.href = result.url; } else { toast(result.message, true); }
  }

  list.addEventListener('click', (e) => {
    const button = e.target.closest('button[data-action]');
    if (button) act(button.closest('tr'), button.dataset.action);
  });
  list.addEventListener('change', (e) => {
    if (e.target.matches('[data-testid=tick-all]')) {
      list.querySelectorAll('input[data-testid=tick]').forEach((box) => { box.checked = e.target.checked; });
    }
    showTicked();
  });
  document.querySelectorAll('button[data-bulk]').forEach((button) => button.addEventListener('click', () => bulk(button.dataset.bulk)));
  document.getElementById('next-task').addEventListener('click', next);
  onKey('j', () => select(selected + 1));
  onKey('k', () => select(selected - 1));
  onKey('Enter', () => { const row = rows()[selected]; if (row) location.href = row.dataset.url; });
  onKey('c', () => act(rows()[selected], 'claim'));
  onKey('r', () => act(rows()[selected], 'release'));
  onKey('n', next);
  onKey('/', () => document.getElementById('filter-first').focus());
  select(0);
  setInterval(refresh, 60000);
})();
