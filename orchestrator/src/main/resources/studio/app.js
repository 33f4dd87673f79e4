// Hash routes: #/ (new video), #/jobs (history and budget), #/job/ID (one job, live),
// #/chat[/SESSION] (talk to the agent).
import { renderNew } from './new.js';
import { renderJobs } from './jobs.js';
import { renderJob } from './job.js';
import { renderChat } from './chat.js';

let leave = () => {};

function route() {
  leave();
  leave = () => {};
  const main = document.getElementById('main');
  main.replaceChildren();
  const hash = location.hash || '#/';
  const job = hash.match(/^#\/job\/([^/]+)$/);
  const chat = hash.match(/^#\/chat(?:\/([^/]+))?$/);
  if (job) leave = renderJob(main, decodeURIComponent(job[1])) || leave;
  else if (chat) leave = renderChat(main, chat[1] ? decodeURIComponent(chat[1]) : '');
  else if (hash === '#/jobs') renderJobs(main);
  else renderNew(main);
  main.focus({ preventScroll: true });
}

addEventListener('hashchange', route);
route();
