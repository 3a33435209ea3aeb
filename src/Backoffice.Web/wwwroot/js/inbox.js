// The inbox: claim, release and "next task" without a reload; j/k/Enter/c/r/n/"/" from the keyboard.
(function () {
  const { post, toast, onKey } = window.backoffice;
  const list = document.getElementById('inbox-list');
  let selected = 0;

  const rows = () => Array.from(list.querySelectorAll('tr[data-task]'));

  function select(index) {
    const all = rows();
    if (all.length === 0) return;
    selected = Math.max(0, Math.min(index, all.length - 1));
    all.forEach((row, i) => row.classList.toggle('selected', i === selected));
    all[selected].scrollIntoView({ block: 'nearest' });
  }

  async function refresh() {
    const response = await fetch(list.dataset.listUrl, { credentials: 'same-origin' });
    if (response.ok) { list.innerHTML = await response.text(); select(selected); }
  }

  async function act(row, action) {
    if (!row) return;
    const result = await post(`/inbox?handler=${action}&id=${row.dataset.task}`);
    toast(result.message, !result.ok);
    await refresh();
  }

  async function next() {
    const result = await post('/inbox?handler=next');
    if (result.ok) { location.href = result.url; } else { toast(result.message, true); }
  }

  list.addEventListener('click', (e) => {
    const button = e.target.closest('button[data-action]');
    if (button) act(button.closest('tr'), button.dataset.action);
  });
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
