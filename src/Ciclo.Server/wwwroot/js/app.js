// Ciclo dashboard: shell, URL state, filters, API key, and the four client-side pages.
import { h } from './dom.js';
import { detectLang, loadStrings, t, translateDocument, isRtl, lang as currentLang } from './i18n.js';
import { api, ApiError, getKey, setKey } from './api.js';
import { readState, toSearch } from './state.js';
import { disposeCharts } from './charts.js';
import * as fmt from './format.js';
import * as overview from './pages/overview.js';
import * as expansion from './pages/expansion.js';
import * as verbatims from './pages/verbatims.js';
import * as importPage from './pages/import.js';

const PAGES = { overview, expansion, verbatims, import: importPage };
/** Which global filters each page uses. */
const FILTERS = {
  overview: ['range', 'grain', 'segment', 'program', 'reset'],
  expansion: ['range', 'grain', 'segment', 'program', 'reset'],
  verbatims: ['range', 'segment', 'reset'],
  import: [],
};

const $ = (id) => document.getElementById(id);
let state = readState();
let health = null;
let basics = null; // {settings, segments}
const catalogs = new Map();
let generation = 0;
let controller = null;

// ---------- errors and the API key ----------

function errorText(error) {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('error.network');
    return error.detail || error.title || t('error.status', { status: error.status });
  }
  return error && error.message ? error.message : String(error);
}

function showError(message) {
  const list = $('error-list');
  if ([...list.children].some((li) => li.textContent === message)) return;
  list.append(h('li', {}, message));
  $('error-banner').hidden = false;
}

function clearErrors() {
  $('error-list').replaceChildren();
  $('error-banner').hidden = true;
}

function showAuth(message) {
  const box = $('auth');
  box.hidden = false;
  const msg = $('auth-message');
  msg.textContent = message || '';
  msg.hidden = !message;
  const input = $('auth-key');
  input.value = '';
  input.focus();
}

/** Reports an error of a page: abort is silent, 401/403 ask for the key again, others go to the banner. */
function report(error) {
  if (!error || error.name === 'AbortError') return;
  if (error instanceof ApiError && error.isAuth) {
    if (error.status === 401) setKey('');
    showAuth(errorText(error));
    return;
  }
  showError(errorText(error));
  console.error(error); // eslint-disable-line no-console
}

// ---------- shared data ----------

async function loadBasics(signal) {
  if (basics) return basics;
  const [settings, segments] = await Promise.all([
    api('settings', { signal }),
    api('segments', { signal }).catch((error) => {
      if (error instanceof ApiError && error.isAuth) throw error;
      report(error);
      return { segments: [], regions: [], programmes: [], languages: [] };
    }),
  ]);
  basics = { settings, segments };
  fillFilterOptions();
  return basics;
}

async function loadCatalog(lang, signal) {
  if (!catalogs.has(lang)) catalogs.set(lang, await api('catalog', { params: { lang }, signal }));
  return catalogs.get(lang);
}

// ---------- the shell ----------

function fillFilterOptions() {
  const seg = basics ? basics.segments : null;
  const segment = $('f-segment');
  const program = $('f-program');
  segment.replaceChildren(h('option', { value: '' }, t('filters.allCustomers')));
  program.replaceChildren(h('option', { value: '' }, t('filters.allProgrammes')));
  if (seg) {
    if ((seg.segments || []).length) {
      segment.append(h('optgroup', { label: t('filters.segments') },
        seg.segments.map((s) => h('option', { value: `segment=${s}` }, s))));
    }
    if ((seg.regions || []).length) {
      segment.append(h('optgroup', { label: t('filters.regions') },
        seg.regions.map((r) => h('option', { value: `region=${r}` }, t('filters.region', { region: r })))));
    }
    for (const p of seg.programmes || []) program.append(h('option', { value: p }, p));
  }
  addMissing(segment, state.segment);
  addMissing(program, state.program);
  segment.value = state.segment;
  program.value = state.program;
}

/** A value from a shared URL that the lists do not (yet) hold still shows as selected. */
function addMissing(select, value) {
  if (value && ![...select.options].some((o) => o.value === value)) select.append(h('option', { value }, value));
}

function syncShell() {
  const lang = currentLang();
  document.documentElement.lang = lang;
  document.documentElement.dir = isRtl() ? 'rtl' : 'ltr';
  document.body.dataset.page = state.page;
  translateDocument();
  document.title = t('app.title', { page: t(`nav.${state.page}`) });

  for (const a of document.querySelectorAll('[data-nav]')) {
    a.href = toSearch({ ...state, page: a.dataset.nav, vpage: 1 });
    if (a.dataset.nav === state.page) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  for (const b of document.querySelectorAll('#f-lang [data-lang]')) {
    b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  }

  const used = FILTERS[state.page] || [];
  $('filters').hidden = used.length === 0;
  for (const field of document.querySelectorAll('#filters [data-filter]')) field.hidden = !used.includes(field.dataset.filter);
  $('f-from').value = state.from;
  $('f-to').value = state.to;
  $('f-grain').value = state.grain || 'month';
  fillFilterOptions();

  $('auth-change').hidden = !(health && health.auth_required);
  const info = $('footer-info');
  info.textContent = basics && basics.settings && basics.settings.latest_data_day
    ? `${t('common.latest', { date: fmt.date(basics.settings.latest_data_day) })} · ${basics.settings.time_zone || ''}`
    : '';
}

/** Shows the effective range (the server's default when none is chosen) without putting it in the URL. */
function showRange(from, to) {
  if (!state.from && from) $('f-from').value = from;
  if (!state.to && to) $('f-to').value = to;
}

// ---------- rendering ----------

async function render() {
  const gen = ++generation;
  if (controller) controller.abort();
  controller = new AbortController();
  const { signal } = controller;
  const isCurrent = () => gen === generation;
  document.body.dataset.loading = 'true';
  clearErrors();
  disposeCharts();

  const lang = detectLang(state.lang);
  try {
    await loadStrings(lang);
  } catch (error) {
    report(error);
  }
  if (!isCurrent()) return;
  syncShell();

  const root = h('div', { class: `page page-${state.page}` });
  $('main').replaceChildren(root);

  try {
    if (!health) health = await api('health', { signal });
    if (health && health.auth_required && !getKey()) {
      showAuth();
      return;
    }
    $('auth').hidden = true;
    await loadBasics(signal);
    if (!isCurrent()) return;
    syncShell();
    const page = PAGES[state.page];
    const catalog = page.needsCatalog ? await loadCatalog(lang, signal) : null;
    if (!isCurrent()) return;
    await page.render(root, {
      state, catalog, settings: basics.settings, segments: basics.segments, signal, isCurrent, report, showRange, navigate, clearErrors,
    });
  } catch (error) {
    if (isCurrent()) report(error);
  } finally {
    if (isCurrent()) {
      // Let the browser lay out and paint the charts before saying we are done.
      requestAnimationFrame(() => { if (isCurrent()) document.body.dataset.loading = 'false'; });
    }
  }
}

/** Changes the state, records it in the history and redraws. */
function navigate(patch, { push = true } = {}) {
  const next = { ...state, ...patch };
  const changed = toSearch(next) !== toSearch(state);
  state = next;
  if (push && changed) window.history.pushState(null, '', toSearch(state));
  render();
}

// ---------- events ----------

function wire() {
  $('nav').addEventListener('click', (event) => {
    const a = event.target.closest('a[data-nav]');
    if (!a || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate({ page: a.dataset.nav, vpage: 1 });
  });
  $('f-lang').addEventListener('click', (event) => {
    const b = event.target.closest('button[data-lang]');
    if (b) navigate({ lang: b.dataset.lang });
  });
  const onFilter = (name) => (event) => navigate({ [name]: event.target.value, vpage: 1 });
  $('f-from').addEventListener('change', onFilter('from'));
  $('f-to').addEventListener('change', onFilter('to'));
  $('f-grain').addEventListener('change', onFilter('grain'));
  $('f-segment').addEventListener('change', onFilter('segment'));
  $('f-program').addEventListener('change', onFilter('program'));
  $('filters').addEventListener('submit', (event) => event.preventDefault());
  $('f-reset').addEventListener('click', () => navigate({
    from: '', to: '', grain: '', segment: '', program: '', category: '', language: '', theme: '', sentiment: '', vpage: 1,
  }));
  $('error-dismiss').addEventListener('click', clearErrors);
  $('auth-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const key = $('auth-key').value.trim();
    if (!key) return;
    setKey(key);
    basics = null;
    catalogs.clear();
    $('auth').hidden = true;
    render();
  });
  $('auth-change').addEventListener('click', () => showAuth());
  window.addEventListener('popstate', () => {
    state = readState();
    render();
  });
}

wire();
render();
