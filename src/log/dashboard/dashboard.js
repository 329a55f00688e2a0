// The consent log's dashboard: reads /stats with the publisher's token (kept in sessionStorage,
// for this tab only) and draws the figures with uPlot. Text goes in as text, never as HTML.
import uPlot from '/uPlot.esm.js';

const $ = (selector) => document.querySelector(selector);
const KEY = 'consent-log-token';
const COLORS = ['#0b5cad', '#b3261e', '#6b4c00', '#137333', '#7b1fa2', '#00796b', '#c2185b', '#455a64'];
const charts = {};

const api = async (path) => {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${sessionStorage.getItem(KEY)}` } });
  if (response.status === 401) throw Object.assign(new Error('The token was refused.'), { unauthorized: true });
  if (!response.ok) throw new Error(`The log answered ${response.status}.`);
  return response.json();
};

const percent = (rate) => `${(rate * 100).toFixed(1)} %`;
const seconds = (day) => Date.parse(`${day}T00:00:00Z`) / 1000;

function fillTable(id, rows) {
  const body = $(`#${id} tbody`);
  body.replaceChildren(
    ...rows.map((cells) => {
      const tr = document.createElement('tr');
      cells.forEach((cell, i) => {
        const td = document.createElement(i ? 'td' : 'th');
        if (!i) td.scope = 'row';
        td.textContent = String(cell);
        tr.append(td);
      });
      return tr;
    }),
  );
}

function draw(name, series, data) {
  charts[name]?.destroy();
  const target = $(`#${name}`);
  charts[name] = new uPlot(
    {
      width: Math.max(280, target.clientWidth),
      height: 240,
      legend: { show: true },
      series: [{}, ...series.map((label, i) => ({ label, stroke: COLORS[i % COLORS.length], width: 2, points: { show: true } }))],
      axes: [{}, { size: 50 }],
    },
    data,
    target,
  );
}

async function show() {
  const query = new URLSearchParams({ bucket: $('#bucket').value });
  if ($('#from').value) query.set('from', $('#from').value);
  if ($('#to').value) query.set('to', $('#to').value);
  const stats = await api(`/stats?${query}`);
  const { totals } = stats;
  $('#total-receipts').textContent = totals.receipts;
  $('#total-accept-all').textContent = totals.acceptAll;
  $('#total-reject-all').textContent = totals.rejectAll;
  $('#total-custom').textContent = totals.custom;
  $('#total-gpc').textContent = totals.gpc;
  fillTable('series', stats.series.map((row) => [row.bucket, row.receipts, row.acceptAll, row.rejectAll, row.custom, row.gpc]));
  fillTable('vendors', stats.vendors.map((row) => [row.id, row.granted, row.answered, percent(row.rate)]));
  fillTable('purposes', stats.purposes.map((row) => [row.id, row.granted, row.answered, percent(row.rate)]));
  fillTable('languages', stats.languages.map((row) => [row.language, row.receipts]));

  const buckets = stats.series.map((row) => row.bucket);
  const x = buckets.map(seconds);
  draw('choices-chart', ['Accept all', 'Reject all', 'Custom'], [x, stats.series.map((r) => r.acceptAll), stats.series.map((r) => r.rejectAll), stats.series.map((r) => r.custom)]);
  const vendorIds = stats.vendors.map((row) => row.id);
  const rate = (id, bucket) => {
    const row = stats.vendorSeries.find((entry) => entry.id === id && entry.bucket === bucket);
    return row ? (100 * row.granted) / row.answered : null;
  };
  draw('vendors-chart', vendorIds.map((id) => `${id} (%)`), [x, ...vendorIds.map((id) => buckets.map((bucket) => rate(id, bucket)))]);
  $('#status').textContent = `${totals.receipts} receipts from ${stats.from.slice(0, 10)} to ${stats.to.slice(0, 10)}.`;
}

async function start() {
  $('#sign-in').hidden = true;
  $('#figures').hidden = false;
  try {
    await show();
  } catch (error) {
    if (error.unauthorized) return signOut(error.message);
    $('#status').textContent = error.message;
  }
}

function signOut(message = '') {
  sessionStorage.removeItem(KEY);
  $('#figures').hidden = true;
  $('#sign-in').hidden = false;
  $('#sign-in-error').textContent = message;
}

$('#sign-in').addEventListener('submit', (event) => {
  event.preventDefault();
  sessionStorage.setItem(KEY, $('#token').value);
  $('#token').value = '';
  start();
});
$('#range').addEventListener('submit', (event) => {
  event.preventDefault();
  start();
});
$('#sign-out').addEventListener('click', () => signOut());
$('#verify').addEventListener('click', async () => {
  const verdict = await api('/verify').catch((error) => ({ ok: false, message: error.message }));
  $('#verdict').textContent = verdict.ok
    ? `The chain verifies: ${verdict.rows} receipts, rows ${verdict.startSeq + 1} to ${verdict.headSeq}; head ${verdict.headHash}.`
    : `The chain is broken: ${verdict.message}`;
});

if (sessionStorage.getItem(KEY)) start();
else signOut();
