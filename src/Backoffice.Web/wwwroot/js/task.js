// A review task: claim, release and complete without a reload; field errors shown beside the fields.
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

  form?.addEventListener('submit', async (e) => {
    e.preventDefault();
    form.querySelectorAll('[data-error]').forEach((el) => { el.textContent = ''; });
    const result = await post(`/tasks/${task}?handler=complete`, new FormData(form));
    toast(result.message, !result.ok);
    if (result.ok) { setTimeout(() => { location.href = result.url; }, 600); return; }
    for (const [field, messages] of Object.entries(result.errors ?? {})) {
      const target = form.querySelector(`[data-error="${field.replace(/\[\d+\]$/, '')}"]`);
      if (target) target.textContent = messages.join(' ');
    }
  });

  const choose = (outcome) => { const radio = form?.querySelector(`input[value="${outcome}"]`); if (radio) { radio.checked = true; radio.focus(); } };
  onKey('c', () => { if (document.querySelector('button[data-action="claim"]')) act('claim'); });
  onKey('a', () => choose('approve'));
  onKey('x', () => choose('return'));
  onKey('Escape', () => { location.href = '/inbox'; });
})();
