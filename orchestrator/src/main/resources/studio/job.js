// One job, live: progress from server-sent events (EventSource resumes with Last-Event-ID on
// its own), the plan to review and approve, the storyboard with every scored variation, the
// prompts, the player and downloads, and regeneration of chosen clips.
import { call, el, fill, plural, fileUrl, usd, stateName, stageName, costTable } from './api.js';

export function renderJob(main, id) {
  let source = null;
  let lastSequence = 0;
  let plan = null;
  const view = {
    state: el('span', { class: 'state', id: 'job-state' }, '…'),
    stage: el('span', { id: 'job-stage' }),
    progress: el('progress', { id: 'progress', max: '100', value: '0', 'aria-label': 'Job progress' }),
    percent: el('span', { id: 'percent' }, '0 %'),
    message: el('p', { id: 'job-message', role: 'status', 'aria-live': 'polite' }),
    error: el('p', { class: 'error', role: 'alert', id: 'job-error' }),
    actions: el('div'),
    log: el('ol', { class: 'log', id: 'event-log', 'aria-label': 'Job events' }),
    plan: el('section', { class: 'card', id: 'plan', hidden: true }),
    player: el('section', { class: 'card', id: 'player-section', hidden: true }),
    storyboard: el('section', { class: 'card', id: 'storyboard', hidden: true }),
    prompts: el('section', { class: 'card', id: 'prompts', hidden: true }),
    regenerate: el('section', { class: 'card', id: 'regenerate', hidden: true }),
    cost: el('section', { class: 'card', id: 'cost', hidden: true }),
  };
  main.append(el('h1', {}, 'Job ', el('code', {}, id)),
    el('section', { class: 'card', id: 'status' }, el('p', {}, view.state, ' ', view.stage, ' ',
      view.percent), view.progress, view.message, view.error, view.actions),
    view.plan, view.player, view.storyboard, view.prompts, view.regenerate, view.cost,
    el('section', { class: 'card' }, el('h2', {}, 'Events'), view.log));

  function fail(e) {
    view.error.textContent = e.message;
  }

  async function refresh() {
    try {
      render(await call('GET', `/api/jobs/${encodeURIComponent(id)}`));
    } catch (e) {
      fail(e);
    }
  }

  function listen(after) {
    if (source) source.close();
    source = new EventSource(`/api/jobs/${encodeURIComponent(id)}/events?after=${after}`);
    source.addEventListener('job', message => onEvent(JSON.parse(message.data)));
    source.addEventListener('end', () => { source.close(); refresh(); });
    source.addEventListener('failure', message => {
      source.close();
      fail(new Error(JSON.parse(message.data).message));
    });
  }

  function onEvent(event) {
    lastSequence = Number(event.sequence);
    view.progress.value = event.percent;
    view.percent.textContent = `${Math.round(event.percent)} %`;
    view.stage.textContent = stageName(event.stage);
    view.message.textContent = event.message;
    const kind = event.warning || event.fallback ? 'warn' : event.error ? 'err' : '';
    view.log.append(el('li', { class: kind, value: String(lastSequence) },
      `${Math.round(event.percent)} % ${stageName(event.stage)} — ${event.message}`));
    view.log.scrollTop = view.log.scrollHeight;
    if (event.planReady) plan = event.planReady.plan;
    if (event.state && event.state !== 'JOB_STATE_UNSPECIFIED') refresh();
  }

  function render(job) {
    const state = stateName(job.state);
    view.state.textContent = state.replace('_', ' ');
    view.state.className = `state ${state}`;
    view.error.textContent = job.error?.message || '';
    const running = ['queued', 'running'].includes(state);
    fill(view.actions, running ? el('button', { class: 'secondary', type: 'button', id: 'cancel',
      onclick: () => act('cancel', { reason: 'cancelled in the studio' }) }, 'Cancel job') : '');
    if (job.result?.plan) plan = job.result.plan;
    renderPlan(state === 'awaiting_approval');
    const result = state === 'succeeded' ? job.result : null;
    renderPlayer(result);
    renderStoryboard(result);
    renderPrompts(result);
    renderRegenerate(result);
    view.cost.hidden = !job.cost?.lines?.length;
    fill(view.cost, el('h2', {}, 'Cost'), costTable(job.cost, true));
  }

  function renderPlan(awaiting) {
    view.plan.hidden = !plan;
    if (!plan) return;
    const refine = el('textarea', { id: 'refine', name: 'refine', maxlength: '2000',
      placeholder: 'optional: make clip 2 a close-up' });
    fill(view.plan, el('h2', {}, awaiting ? 'Review the plan' : 'Plan'),
      el('p', {}, `${plan.title} — ${Number(plan.durationSeconds).toFixed(1)} s, ${plural(plan.clips.length, 'clip')}; `
        + `${plan.style?.visualStyle || ''}, ${plan.style?.mood || ''}`),
      plan.clips.map(clip => el('div', { class: 'plan-clip' },
        el('strong', {}, `Clip ${clip.index + 1}`),
        ` ${Number(clip.startSeconds).toFixed(1)}–${Number(clip.endSeconds).toFixed(1)} s: ${clip.visualDescription}`,
        el('br'), el('span', { class: 'hint' }, `camera ${clip.camera}; motion ${clip.motion}`),
        clip.narration ? el('div', {}, `“${clip.narration}”`) : '')),
      awaiting ? el('div', {}, el('label', { for: 'refine' }, 'Change before going on',
        el('span', { class: 'hint' }, ' — clips count from 1')), refine,
        el('button', { type: 'button', id: 'approve', onclick: () =>
          act('approve', { refineInstruction: refine.value }) }, 'Approve plan')) : '');
  }

  function renderPlayer(result) {
    view.player.hidden = !result;
    if (!result) return;
    const downloads = [['Video', result.video], ['Storyboard', result.storyboard],
      ['Captions', result.captions], ['Report', result.report], ['Thumbnail', result.thumbnail]]
      .filter(([, ref]) => ref?.uri);
    fill(view.player, el('h2', {}, `Video (${Number(result.durationSeconds).toFixed(1)} s)`),
      el('video', { id: 'player', controls: true, preload: 'metadata', playsinline: true,
        src: fileUrl(result.video), poster: result.thumbnail?.uri ? fileUrl(result.thumbnail) : null }),
      el('p', { class: 'downloads' }, 'Download: ', downloads.map(([name, ref]) =>
        el('a', { href: fileUrl(ref, true), download: '' }, name))));
  }

  function renderStoryboard(result) {
    view.storyboard.hidden = !result;
    if (!result) return;
    fill(view.storyboard, el('h2', {}, 'Storyboard'), result.frames.map(frame => {
      const kind = frame.frame === 'FRAME_KIND_END' ? 'end' : 'start';
      return el('div', { class: 'frame' },
        el('h3', {}, `Clip ${frame.clipIndex + 1}, ${kind} frame`),
        el('p', { class: 'hint' }, frame.prompt, ` (${frame.imageEngine?.engine || ''}, scored by ${frame.scoringEngine?.engine || ''})`),
        el('div', { class: 'variations' }, frame.variations.map(v => {
          const chosen = v.variation === frame.chosen;
          return el('figure', { class: `variation${chosen ? ' chosen' : ''}`, 'data-overall': String(v.overall) },
            el('img', { src: fileUrl(v.image), loading: 'lazy',
              alt: `Clip ${frame.clipIndex + 1} ${kind} frame, variation ${v.variation + 1}` }),
            el('figcaption', {}, chosen ? el('span', { class: 'badge' }, 'chosen') : '',
              ` #${v.variation + 1} · rank ${v.rank} · `, el('strong', { class: 'overall' }, Number(v.overall).toFixed(1)),
              v.belowThreshold ? el('span', { class: 'below' }, ' below threshold') : '',
              el('br'), v.scores.map(s => `${s.scorer} ${Number(s.value).toFixed(1)}`).join(' · ')));
        })));
    }));
  }

  function renderPrompts(result) {
    view.prompts.hidden = !result?.prompts;
    if (!result?.prompts) return;
    fill(view.prompts, el('h2', {}, 'Video prompts'),
      el('ol', {}, result.prompts.prompts.map(p => el('li', {},
        el('strong', {}, `Clip ${p.clipIndex + 1} (${Number(p.durationSeconds).toFixed(1)} s): `), p.prompt,
        p.negativePrompt ? el('div', { class: 'hint' }, `avoid: ${p.negativePrompt}`) : ''))),
      result.prompts.styleKeywords?.length
        ? el('p', { class: 'hint' }, `style keywords: ${result.prompts.styleKeywords.join(', ')}`) : '');
  }

  function renderRegenerate(result) {
    view.regenerate.hidden = !result;
    if (!result) return;
    const count = result.plan.clips.length;
    const boxes = Array.from({ length: count }, (_, i) => el('label', { class: 'check' },
      el('input', { type: 'checkbox', name: 'clip', value: String(i), id: `clip-${i + 1}` }), `Clip ${i + 1}`));
    const instruction = el('textarea', { id: 'instruction', maxlength: '2000',
      placeholder: 'optional: make it an aerial shot' });
    fill(view.regenerate, el('h2', {}, 'Regenerate clips'),
      el('fieldset', {}, el('legend', {}, 'Clips to redo'), boxes),
      el('label', { for: 'instruction' }, 'Instruction', el('span', { class: 'hint' }, ' — reword the chosen clips first')),
      instruction,
      el('button', { type: 'button', id: 'regenerate-button', onclick: () => {
        const clipIndices = boxes.map(b => b.querySelector('input')).filter(i => i.checked).map(i => Number(i.value));
        if (!clipIndices.length) { fail(new Error('Choose at least one clip to redo.')); return; }
        act('regenerate', { clipIndices, instruction: instruction.value });
      } }, 'Regenerate'));
  }

  async function act(action, body) {
    const after = lastSequence;
    view.error.textContent = '';
    try {
      await call('POST', `/api/jobs/${encodeURIComponent(id)}/${action}`, body);
      if (action !== 'cancel') listen(after); // the job runs again: follow it from here
      refresh();
    } catch (e) {
      fail(e);
    }
  }

  refresh().then(() => listen(0));
  return () => source && source.close();
}
