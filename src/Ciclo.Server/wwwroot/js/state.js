// The page state lives in the URL query so that any view can be shared.

export const PAGES = ['overview', 'expansion', 'verbatims', 'import'];
export const GRAINS = ['week', 'month', 'quarter', 'year'];
export const CATEGORIES = ['promoter', 'passive', 'detractor'];
export const MODELS = ['last', 'first', 'linear'];
export const SENTIMENTS = ['positive', 'neutral', 'negative'];
const THEME = /^[a-z0-9_-]{1,64}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads the state from a query string. `page` names the page; the verbatim list page
 * travels as `vpage` (a numeric `page` value, as in ?page=verbatims&page=3, is accepted too).
 */
export function readState(search = window.location.search) {
  const q = new URLSearchParams(search);
  const pages = q.getAll('page');
  const numeric = pages.find((p) => /^\d+$/.test(p));
  const listPage = parseInt(q.get('vpage') || numeric || '1', 10);
  const pick = (name, allowed) => {
    const v = q.get(name) || '';
    return !allowed || allowed.includes(v) ? v : '';
  };
  return {
    page: pages.find((p) => PAGES.includes(p)) || 'overview',
    lang: q.get('lang') || '',
    from: DAY.test(q.get('from') || '') ? q.get('from') : '',
    to: DAY.test(q.get('to') || '') ? q.get('to') : '',
    grain: pick('grain', GRAINS),
    segment: pick('segment'),
    program: pick('program'),
    category: pick('category', CATEGORIES),
    language: pick('language'),
    theme: THEME.test(q.get('theme') || '') ? q.get('theme') : '',
    sentiment: pick('sentiment', SENTIMENTS),
    model: pick('model', MODELS),
    vpage: Number.isFinite(listPage) && listPage > 0 ? listPage : 1,
  };
}

/** The query string of a state, with only the parameters that are set. */
export function toSearch(state) {
  const q = new URLSearchParams();
  q.set('page', state.page);
  for (const name of ['lang', 'from', 'to', 'grain', 'segment', 'program', 'category', 'language', 'theme', 'sentiment', 'model']) {
    if (state[name]) q.set(name, state[name]);
  }
  if (state.vpage > 1) q.set('vpage', String(state.vpage));
  return `?${q.toString()}`;
}
