// Job history and the month's budget, both straight from the API.
import { call, el, fill, plural, table, usd, stateName } from './api.js';

export async function renderJobs(main) {
  const budget = el('section', { class: 'card', id: 'budget' }, el('h2', {}, 'Budget'), el('p', {}, 'Loading…'));
  const history = el('section', { class: 'card', id: 'history' }, el('h2', {}, 'Jobs'), el('p', {}, 'Loading…'));
  main.append(el('h1', {}, 'Jobs & budget'), budget, history);
  try {
    const [b, page] = await Promise.all([call('GET', '/api/budget'), call('GET', '/api/jobs?size=100')]);
    fill(budget, el('h2', {}, `Budget for ${b.month}`), table(['Limit$', 'Spent$', 'Held$', 'Left$'],
      [[usd(b.monthlyLimitMicros), usd(b.spentMicros), usd(b.reservedMicros), usd(b.remainingMicros)]], ''));
    fill(history, el('h2', {}, 'Jobs'), table(['Job', 'State', 'Progress', 'Brief', 'Cost$'],
      page.jobs.map(job => [
        el('a', { href: `#/job/${encodeURIComponent(job.jobId)}` }, job.jobId),
        el('span', { class: `state ${stateName(job.state)}` }, stateName(job.state).replace('_', ' ')),
        `${Math.round(job.percent)} %`, (job.spec?.brief || '').slice(0, 80),
        usd(job.cost?.actualTotalMicros || job.cost?.estimatedTotalMicros)]),
      'No jobs yet — start one from “New video”.'));
  } catch (e) {
    main.append(el('p', { class: 'error', role: 'alert' }, e.message));
  }
}
