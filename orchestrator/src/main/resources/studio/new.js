// The brief form: every JobSpec option a person sets, a dry-run estimate, and submit.
import { call, el, fill, plural, costTable, usd } from './api.js';

function field(id, label, input, hint) {
  input.id = id;
  return el('div', {}, el('label', { for: id }, label, hint ? el('span', { class: 'hint' }, ` — ${hint}`) : null), input);
}

function number(name, value, min, max, step = 1, placeholder = '') {
  return el('input', { type: 'number', name, value: value === null ? '' : String(value),
    min: String(min), max: String(max), step: String(step), inputmode: 'decimal', placeholder });
}

function select(name, options, chosen) {
  return el('select', { name }, options.map(([value, text]) =>
    el('option', { value, selected: value === chosen }, text)));
}

/** The form as a SubmitJobRequest's spec (proto JSON names). */
function spec(form) {
  const f = new FormData(form);
  const budget = parseFloat(f.get('budget'));
  return {
    brief: f.get('brief'),
    // Empty (0) and unspecified leave them unset: the brief's own "15-second vertical clip"
    // then decides, as it does from the CLI and the API, else 30 s and 16:9.
    durationSeconds: f.get('duration') === '' ? 0 : Number(f.get('duration')),
    // Empty (0): the planner's choice; else 2–12 s, the nearest the video model renders.
    preferredClipSeconds: f.get('clip') === '' ? 0 : Number(f.get('clip')),
    aspectRatio: f.get('aspect'),
    qualityTier: f.get('tier'),
    variations: Number(f.get('variations')),
    enhancementRounds: Number(f.get('enhance')),
    stylePreset: f.get('style'),
    productDescription: f.get('product'),
    narrationOff: !f.get('narration'),
    burnCaptions: !!f.get('captions'),
    music: f.get('music') === 'off' ? { off: true } : { generated: true },
    requirePlanApproval: !!f.get('review'),
    budgetCapMicros: Number.isFinite(budget) && budget > 0 ? String(Math.round(budget * 1e6)) : '0',
  };
}

export function renderNew(main) {
  const status = el('p', { role: 'status', 'aria-live': 'polite', id: 'form-status' });
  const estimate = el('div', { id: 'estimate' });
  const form = el('form', { class: 'card', id: 'brief-form', novalidate: true },
    field('brief', 'Brief', el('textarea', { name: 'brief', required: true, maxlength: '4000',
      placeholder: 'a 30-second ad for a ceramic pour-over kettle, warm morning light' })),
    el('div', { class: 'grid' },
      field('duration', 'Duration (s)', number('duration', null, 1, 600, 0.5, 'from the brief, else 30'),
        '1–600; empty = what the brief says'),
      field('clip', 'Clip length (s)', number('clip', null, 2, 12, 0.5, 'planner’s choice'),
        '2–12; empty = the planner’s choice'),
      field('aspect', 'Aspect', select('aspect', [['ASPECT_RATIO_UNSPECIFIED', 'as the brief says (else 16:9)'],
        ['ASPECT_RATIO_16_9', '16:9 landscape'], ['ASPECT_RATIO_9_16', '9:16 portrait'],
        ['ASPECT_RATIO_1_1', '1:1 square']], 'ASPECT_RATIO_UNSPECIFIED')),
      field('tier', 'Quality', select('tier', [['QUALITY_TIER_DRAFT', 'draft (fast animatic)'],
        ['QUALITY_TIER_STANDARD', 'standard 720p'], ['QUALITY_TIER_HIGH', 'high 1080p']],
        'QUALITY_TIER_STANDARD')),
      field('variations', 'Variations per frame', number('variations', 4, 1, 16), '1–16'),
      field('enhance', 'Prompt rounds', number('enhance', 0, 0, 8), '0 = off'),
      field('budget', 'Spend cap (USD)', el('input', { type: 'number', name: 'budget', min: '0',
        step: '0.01', placeholder: 'none' }))),
    el('div', { class: 'grid' },
      field('style', 'Style', el('input', { type: 'text', name: 'style', placeholder: 'cinematic, minimal, playful…' })),
      field('product', 'Product', el('input', { type: 'text', name: 'product', placeholder: 'what it is; shown in use' })),
      field('music', 'Music', select('music', [['generated', 'generated ambient bed'], ['off', 'none']], 'generated'))),
    el('label', { class: 'check' }, el('input', { type: 'checkbox', name: 'narration', checked: true }), 'Narration'),
    el('label', { class: 'check' }, el('input', { type: 'checkbox', name: 'captions' }), 'Burn captions into the video'),
    el('label', { class: 'check' }, el('input', { type: 'checkbox', name: 'review', id: 'review' }),
      'Stop at the plan so I can review it first'),
    el('button', { type: 'submit', id: 'generate' }, 'Generate'),
    el('button', { type: 'button', class: 'secondary', id: 'estimate-button', onclick: () => dryRun() },
      'Estimate cost'),
    status);

  async function dryRun() {
    status.textContent = 'Estimating…';
    status.className = '';
    try {
      const answer = await call('POST', '/api/estimate', { spec: spec(form) });
      status.textContent = '';
      fill(estimate, el('section', { class: 'card' },
        el('h2', {}, `Estimate: ${plural(answer.plan.clips.length, 'clip')}, nothing spent`),
        costTable(answer.estimate, false),
        el('p', { class: answer.withinBudget ? 'ok' : 'error' }, answer.withinBudget
          ? `Within budget: ${usd(answer.budget.remainingMicros)} left this month.`
          : `Over budget: ${usd(answer.budget.remainingMicros)} left this month; lower the duration, quality or variations.`)));
    } catch (e) {
      status.textContent = e.message;
      status.className = 'error';
    }
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!form.brief.value.trim()) {
      status.textContent = 'Say what the video is about.';
      status.className = 'error';
      form.brief.focus();
      return;
    }
    const button = form.querySelector('#generate');
    button.disabled = true;
    status.textContent = 'Submitting…';
    status.className = '';
    try {
      const answer = await call('POST', '/api/jobs', { spec: spec(form) });
      location.hash = `#/job/${encodeURIComponent(answer.jobId)}`;
    } catch (e) {
      status.textContent = e.message;
      status.className = 'error';
      button.disabled = false;
    }
  });
  main.append(el('h1', {}, 'New video'), form, estimate);
}
