// An order's data: audited reveal of masked personal data, and the material viewer (previous/next with captions,
// zoom, rotate; the fields to check against follow the material shown).
(function () {
  const { post, toast, onKey } = window.backoffice;
  const order = document.getElementById('order');
  if (!order) return;

  document.getElementById('reveal')?.addEventListener('click', async (e) => {
    const result = await post(`/orders/${order.dataset.order}?handler=reveal`);
    if (!result.ok) { toast(result.message, true); return; }
    document.querySelectorAll('[data-reveal]').forEach((span) => {
      const value = result.fields[span.dataset.reveal];
      if (value != null) span.textContent = value;
    });
    e.target.disabled = true;
  });

  const viewer = document.getElementById('viewer');
  const slides = viewer ? [...viewer.querySelectorAll('[data-slide]')] : [];
  if (slides.length === 0) return;
  const caption = viewer.querySelector('[data-testid=viewer-caption]');
  let current = 0;
  let scale = 1;
  let turn = 0;

  const stage = viewer.querySelector('.viewer-stage');

  // A quarter turn swaps the image's width and height: it is shrunk to fit the stage, so a rotated document shows whole.
  function fit(image) {
    if (turn % 180 === 0 || !image.offsetWidth || !image.offsetHeight) return 1;
    return Math.min(1, stage.clientWidth / image.offsetHeight, stage.clientHeight / image.offsetWidth);
  }

  function transform() {
    const image = slides[current].querySelector('img');
    if (image) image.style.transform = `rotate(${turn}deg) scale(${Number((scale * fit(image)).toFixed(3))})`;
    stage.classList.toggle('zoomed', scale > 1);
  }

  function show(index) {
    current = (index + slides.length) % slides.length;
    scale = 1; turn = 0;
    slides.forEach((slide, i) => { slide.hidden = i !== current; });
    viewer.querySelectorAll('[data-compare]').forEach((panel) => { panel.hidden = Number(panel.dataset.compare) !== current; });
    viewer.querySelectorAll('[data-goto]').forEach((button) => {
      if (Number(button.dataset.goto) === current) button.setAttribute('aria-current', 'true'); else button.removeAttribute('aria-current');
    });
    caption.textContent = slides[current].dataset.caption;
    transform();
  }

  const actions = {
    prev: () => show(current - 1),
    next: () => show(current + 1),
    'zoom-in': () => { scale = Math.min(5, scale * 1.25); transform(); },
    'zoom-out': () => { scale = Math.max(0.5, scale / 1.25); transform(); },
    rotate: () => { turn = (turn + 90) % 360; transform(); },
    reset: () => { scale = 1; turn = 0; transform(); },
  };
  viewer.addEventListener('click', (e) => {
    const button = e.target.closest('button');
    if (!button) return;
    if (button.dataset.viewer) actions[button.dataset.viewer]();
    if (button.dataset.goto) show(Number(button.dataset.goto));
  });
  stage.addEventListener('wheel', (e) => {
    if (!e.ctrlKey && !e.altKey) return;
    e.preventDefault();
    (e.deltaY < 0 ? actions['zoom-in'] : actions['zoom-out'])();
  }, { passive: false });
  onKey('ArrowLeft', actions.prev);
  onKey('ArrowRight', actions.next);
  onKey('+', actions['zoom-in']);
  onKey('-', actions['zoom-out']);
  onKey('r', actions.rotate);
  show(0);
})();
