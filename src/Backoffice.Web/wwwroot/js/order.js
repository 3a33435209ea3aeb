// An order's data: audited reveal of masked personal data, zoomable material images.
(function () {
  const { post, toast } = window.backoffice;
  const order = document.getElementById('order');
  const zoom = document.getElementById('zoom');
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

  // Click an image to see it large; the mouse wheel zooms, a click or Escape closes.
  let scale = 1;
  const image = zoom.querySelector('img');
  document.addEventListener('click', (e) => {
    if (e.target.matches('img[data-zoom]')) {
      image.src = e.target.src; scale = 1; image.style.transform = ''; zoom.classList.add('open');
    } else if (e.target.closest('#zoom')) {
      zoom.classList.remove('open');
    }
  });
  zoom.addEventListener('wheel', (e) => {
    e.preventDefault();
    scale = Math.min(5, Math.max(1, scale * (e.deltaY < 0 ? 1.2 : 0.8)));
    image.style.transform = `scale(${scale})`;
  }, { passive: false });
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') zoom.classList.remove('open'); });
})();
