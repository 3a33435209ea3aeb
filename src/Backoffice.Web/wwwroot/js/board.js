// The lead board: reassigning posts the form in the background and swaps in the re-rendered board
// (rows, team figures, load per reviewer); without this script the form posts as a whole page.
(function () {
  const { toast } = window.backoffice;
  const board = document.getElementById('board');
  const token = document.querySelector('meta[name="csrf-token"]')?.content ?? '';

  board.addEventListener('submit', async (e) => {
    const form = e.target.closest('#reassign-form');
    if (!form) return;
    e.preventDefault();
    const assignee = form.elements.assignee.value;
    const response = await fetch(form.action, {
      method: 'POST', body: new FormData(form), credentials: 'same-origin',
      headers: { 'X-CSRF-TOKEN': token, 'X-Requested-With': 'fetch' },
    });
    if (response.status === 401 || response.redirected) { location.reload(); return; }
    if (!response.ok) { toast(response.statusText, true); return; }
    board.innerHTML = await response.text();
    const select = board.querySelector('#reassign-form [name=assignee]');
    if (select) select.value = assignee;
    const message = board.querySelector('[data-testid=board-message]');
    if (message) toast(message.textContent, message.classList.contains('error'));
  });
})();
