// A review task: claim, release and complete without a reload; field errors shown beside the fields. Flagging a field
// or material opens its reason; the flagged ones go with a return as items[{path, reason}], the ticked checklist with it.
(function () {
  const { post, toast, onKey } = window.backoffice;
  const task = document.getElementById('task').dataset.task;
  const form = document.getElementById('complete');

  async function act(action) {
    const result = await post(`/tasks/${task}?handler=${action}`);
    if (result.ok) { location.reload(); } else { toast(result.message, true); }
  }

  document.querySelectorAll('button[data-action]').forEach((button) =>
    button.addEventListener('click', () => act(button.dataset.action)));

  const summary = form?.querySelector('.return-items');
  const flagged = () => [...document.querySelectorAll('input[data-item-path]:not([hidden])')];
  function showFlagged() {
    if (!summary) return;
    const items = flagged();
    summary.hidden = items.length === 0;
    summary.querySelector('ul').replaceChildren(...items.map((input) => {
      const li = document.createElement('li');
      li.textContent = `${input.dataset.itemLabel}：${input.value || '…'}`;
      return li;
    }));
  }
  document.addEventListener('click', (e) => {
    const button = e.target.closest('button[data-flag]');
    if (!button) return;
    const input = button.nextElementSibling;
    const on = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', String(on));
    input.hidden = !on;
    if (on) { choose('return', false); input.focus(); }
    showFlagged();
  });
  document.addEventListener('input', (e) => { if (e.target.matches('input[data-item-path]')) showFlagged(); });

  form?.addEventListener('submit', async (e) => {
    e.preventDefault();
    document.querySelectorAll('[data-error]').forEach((el) => { el.textContent = ''; });
    const data = new FormData(form);
    if (data.get('outcome') === 'return') {
      flagged().forEach((input, i) => { data.append(`items[${i}].path`, input.dataset.itemPath); data.append(`items[${i}].reason`, input.value); });
    }
    const result = await post(`/tasks/${task}?handler=complete`, data);
    toast(result.message, !result.ok);
    if (result.ok) { setTimeout(() => { location.href = result.url; }, 600); return; }
    for (const [field, messages] of Object.entries(result.errors ?? {})) {
      const target = document.querySelector(`[data-error="${field.replace(/\[\d+\].*$/, '')}"]`);
      if (target) target.textContent = messages.join(' ');
    }
  });

  function choose(outcome, focus = true) { const radio = form?.querySelector(`input[value="${outcome}"]`); if (radio) { radio.checked = true; if (focus) radio.focus(); } }
  onKey('c', () => { if (document.querySelector('button[data-action="claim"]')) act('claim'); });
  onKey('a', () => choose('approve'));
  onKey('x', () => choose('return'));
  onKey('Escape', () => { location.href = '/inbox'; });
})();
