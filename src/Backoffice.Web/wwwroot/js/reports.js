// The reports page: "download now" through the synchronous API with a short-lived token of the session, the
// period or as-of fields shown per report, a subscription's schedule fields shown per frequency, and the archive refreshed while builds are under way.
(function () {
  const { toast, apiToken } = window.backoffice;
  const form = document.getElementById('report-form');
  const kind = document.getElementById('Build_Kind');
  const archive = document.getElementById('archive');
  const value = (name) => form.elements[name].value;

  function showFields() {
    const asOf = kind.value === 'public-security';
    form.querySelectorAll('[data-period]').forEach((el) => { el.style.display = asOf ? 'none' : ''; });
    form.querySelectorAll('[data-as-of]').forEach((el) => { el.style.display = asOf ? '' : 'none'; });
  }

  async function downloadNow() {
    const query = new URLSearchParams();
    if (kind.value === 'public-security') { query.set('asOf', value('Build.AsOf')); } else { query.set('from', value('Build.From')); query.set('to', value('Build.To')); }
    ['FilingType', 'Province', 'Team', 'Lang'].forEach((field) => {
      const v = value(`Build.${field}`);
      if (v) query.set(field.charAt(0).toLowerCase() + field.slice(1), v);
    });
    const response = await fetch(`/api/reports/${kind.value}.xlsx?${query}`, { headers: { Authorization: `Bearer ${await apiToken()}` } });
    if (!response.ok) {
      const problem = (response.headers.get('Content-Type') ?? '').includes('json') ? await response.json() : {};
      const fields = Object.entries(problem.errors ?? {}).map(([field, messages]) => `${field}: ${messages.join('; ')}`);
      toast([problem.title ?? response.statusText, ...fields].join(' '), true);
      return;
    }
    const name = /filename\*?=(?:UTF-8'')?"?([^";]+)/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? `${kind.value}.xlsx`;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = decodeURIComponent(name);
    link.click();
    URL.revokeObjectURL(link.href);
  }

  async function refreshArchive() {
    if (archive.querySelector('table')?.dataset.pending !== 'true') return;
    const response = await fetch(archive.dataset.url, { credentials: 'same-origin' });
    if (response.ok) archive.innerHTML = await response.text();
  }

  // The subscription's schedule: only the fields of the chosen frequency are shown.
  const frequency = document.getElementById('Subscription_Frequency');
  function showSchedule() {
    document.querySelectorAll('#subscription-form [data-frequency]').forEach((el) => {
      el.style.display = el.dataset.frequency.split(' ').includes(frequency.value) ? '' : 'none';
    });
  }

  frequency.addEventListener('change', showSchedule);
  showSchedule();
  kind.addEventListener('change', showFields);
  document.getElementById('download-now').addEventListener('click', downloadNow);
  showFields();
  setInterval(refreshArchive, 1500);
})();
