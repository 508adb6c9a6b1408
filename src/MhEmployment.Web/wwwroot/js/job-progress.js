// A running job's progress (a bulk export, a refresh), updated in place every two seconds; the page reloads once it has ended, to
// show the outcome (a download, what stopped it). Without JavaScript the page reloads itself instead (a meta refresh).
(() => {
  const panel = document.querySelector('[data-job-status]');
  if (!panel) {
    return;
  }
  const bar = panel.querySelector('progress');
  const text = document.getElementById('progress-text');
  const look = async () => {
    try {
      const response = await fetch(panel.dataset.jobStatus, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (response.ok) {
        const state = await response.json();
        if (!state.running) {
          window.location.reload();
          return;
        }
        bar.max = Math.max(state.total, 1);
        bar.value = state.done;
        bar.textContent = `${state.done} of ${state.total}`;
        if (text.textContent !== state.progress) {
          text.textContent = state.progress;
        }
      }
    } catch {
      // A dropped connection: look again next time.
    }
    window.setTimeout(look, 2000);
  };
  window.setTimeout(look, 2000);
})();
