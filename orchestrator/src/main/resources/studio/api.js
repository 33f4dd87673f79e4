// The studio's only way to the mesh: the JSON mapping of PipelineService under /api, and
// artifacts under /files. int64 fields arrive as strings (proto JSON), hence Number(...).

export async function call(method, path, body, retried = false) {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : {};
  if (response.status === 401 && !retried && path !== '/api/session' && await signIn(json.message)) {
    return call(method, path, body, true);
  }
  if (!response.ok) {
    const error = new Error(json.message || `${response.status} ${response.statusText}`);
    error.code = json.code;
    throw error;
  }
  return json;
}

export const fileUrl = (ref, download = false) =>
  `/files?uri=${encodeURIComponent(ref.uri)}&sha=${ref.sha256}${download ? '&download=1' : ''}`;

export const usd = micros => '$' + (Number(micros || 0) / 1e6).toFixed(4);

export const stateName = state => (state || 'JOB_STATE_UNSPECIFIED')
  .replace('JOB_STATE_', '').toLowerCase();

export const stageName = stage => (stage || '').replace('STAGE_', '').toLowerCase()
  .replace('_', ' ');

/** el('p', {class: 'x'}, 'text', child…): DOM without innerHTML, so no text is ever markup. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key in node && key !== 'list' && typeof value !== 'string') node[key] = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** Replaces a node's children; arrays among them are flattened (replaceChildren would not). */
export function fill(node, ...children) {
  node.replaceChildren(...children.flat(2).filter(c => c !== null && c !== undefined && c !== false && c !== ''));
  return node;
}

export const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A table, or the sentence that says there is nothing to show. */
export function table(headers, rows, empty) {
  if (!rows.length) return el('p', { class: 'empty' }, empty);
  return el('div', { class: 'table-wrap' }, el('table', {},
    el('thead', {}, el('tr', {}, headers.map(h => el('th', { scope: 'col',
      class: h.endsWith('$') ? 'num' : '' }, h.replace(/\$$/, ''))))),
    el('tbody', {}, rows.map(cells => el('tr', {}, cells.map((c, i) => el('td', {
      class: headers[i].endsWith('$') ? 'num' : '' }, c)))))));
}

export function costTable(report, withActual) {
  const lines = report?.lines || [];
  const headers = ['Stage', 'Provider', 'Item', 'Estimate$'].concat(withActual ? ['Actual$'] : []);
  const rows = lines.map(l => [l.stage, l.provider, `${l.item} (${l.quantity} ${l.unit.replace('_', ' ')})`,
    usd(l.estimatedMicros)].concat(withActual ? [usd(l.actualMicros)] : []));
  if (rows.length) {
    rows.push(['Total', '', '', usd(report.estimatedTotalMicros)]
      .concat(withActual ? [usd(report.actualTotalMicros)] : []));
  }
  return table(headers, rows, 'No priced work.');
}

/**
 * The mesh wants a token: ask for one (`reelmesh token --tenant NAME`) and hand it to the studio,
 * which keeps it in an HttpOnly cookie that every later request (pages, events, files) carries.
 */
async function signIn(why) {
  const token = window.prompt(`${why || 'This mesh needs a token.'}\n\nPaste your bearer token:`);
  if (!token || !token.trim()) return false;
  const response = await fetch('/api/session', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: token.trim() }),
  });
  return response.ok;
}
