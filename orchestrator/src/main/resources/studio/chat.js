// The chat panel: one WebSocket (/api/chat) per page, carrying PipelineService.Chat messages in
// their JSON mapping. Every tool call and result is shown as it comes; a call that spends shows
// its price (in its summary) and waits for Yes or No. The session lives in the address (#/chat/SESSION), so a
// reload or a dropped connection resumes after the last message seen.
import { el } from './api.js';

export function renderChat(main, sessionId) {
  let session = sessionId || '';
  let last = 0;
  let socket = null;
  let leaving = false;
  const queued = [];
  const waiting = new Map(); // call id → its Yes/No buttons, until its result arrives
  const log = el('ol', { class: 'log chat-log', id: 'chat-log', 'aria-label': 'Conversation',
    'aria-live': 'polite' });
  const input = el('input', { id: 'chat-input', type: 'text', maxlength: '4000', autocomplete: 'off',
    'aria-label': 'Message', placeholder: 'plan a 20-second video of a kettle at dawn' });
  const error = el('p', { class: 'error', role: 'alert', id: 'chat-error' });
  const form = el('form', { class: 'chat-form', onsubmit: event => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    send({ sessionId: session, text });
  } }, input, el('button', { type: 'submit', id: 'chat-send' }, 'Send'));
  main.append(el('h1', {}, 'Chat'),
    el('p', {}, 'Plan, price, render and change a video by talking about it. Steps that spend ask first.'),
    el('section', { class: 'card' }, log, error, form));

  function send(message) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
    else queued.push(message);
  }

  function connect() {
    socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/chat`);
    socket.onopen = () => {
      error.textContent = '';
      if (session) socket.send(JSON.stringify({ sessionId: session, resume: { afterSequence: String(last) } }));
      while (queued.length) socket.send(JSON.stringify({ ...queued.shift(), sessionId: session }));
    };
    socket.onmessage = frame => {
      const data = JSON.parse(frame.data);
      if (data.error) error.textContent = `${data.error.code}: ${data.error.message}`;
      else show(data);
    };
    // A dropped call (or one a bad message ended) is resumed where it stopped.
    socket.onclose = () => { if (!leaving && session) setTimeout(connect, 1500); };
  }

  function show(m) {
    if (Number(m.sequence) <= last) return;
    last = Number(m.sequence);
    if (!session) {
      session = m.sessionId;
      history.replaceState(null, '', `#/chat/${encodeURIComponent(session)}`);
    }
    const item = m.user ? el('li', { class: 'you' }, el('strong', {}, 'you: '), m.user.text)
      : m.answer ? el('li', { class: 'agent' }, el('strong', {}, 'agent: '), m.answer.text,
        m.answer.engine?.fallback ? el('span', { class: 'warn' }, ' (offline fallback)') : null)
      : m.toolCall ? call(m)
      : m.toolResult ? result(m.toolResult)
      : m.notice ? el('li', { class: 'warn' }, `! ${m.notice.code}: ${m.notice.message}`)
      : null;
    if (item) {
      log.append(item);
      log.scrollTop = log.scrollHeight;
    }
  }

  function call(m) {
    const c = m.toolCall;
    const item = el('li', { class: 'tool' }, el('code', {}, `→ ${c.tool} ${c.argumentsJson}`));
    if (c.needsConfirmation) {
      const answer = approved => {
        buttons.querySelectorAll('button').forEach(b => { b.disabled = true; });
        send({ sessionId: session, confirmation: { callId: c.callId, approved } });
      };
      const buttons = el('div', { class: 'confirm' },
        el('p', {}, `${c.summary}. Go ahead?`),
        el('button', { type: 'button', class: 'yes', onclick: () => answer(true) }, 'Yes'),
        el('button', { type: 'button', class: 'secondary no', onclick: () => answer(false) }, 'No'));
      waiting.set(c.callId, buttons);
      item.append(buttons);
    }
    return item;
  }

  function result(r) {
    waiting.get(r.callId)?.remove();
    waiting.delete(r.callId);
    return el('li', { class: r.ok ? 'tool' : 'tool err' },
      el('code', {}, r.ok ? `← ${r.tool} ok ${r.resultJson}` : `← ${r.tool} ${r.status}: ${r.message}`));
  }

  connect();
  return () => { leaving = true; socket?.close(); };
}
