// Customer comments: NPS verbatims filtered by range, category, language, segment, theme and sentiment,
// 20 a page, beside the themes of the range (table and chart of mentions).
import { h, rawValue } from '../dom.js';
import { t, isRtl } from '../i18n.js';
import { api } from '../api.js';
import * as fmt from '../format.js';
import { draw, grid, tooltip, COLORS } from '../charts.js';
import { CATEGORIES, SENTIMENTS } from '../state.js';

export const needsCatalog = false;
const PAGE_SIZE = 20;

function select(id, label, allLabel, options, value, onChange) {
  const el = h('select', { id, name: id.replace(/^f-/, '') },
    h('option', { value: '' }, allLabel),
    options.map((o) => h('option', { value: o.value }, o.label)));
  if (value && !options.some((o) => o.value === value)) el.append(h('option', { value }, value));
  el.value = value || '';
  el.addEventListener('change', () => onChange(el.value));
  return h('div', { class: 'field' }, h('label', { for: id }, label), el);
}

function item(v, themeName) {
  const score = typeof v.score === 'number' ? v.score : null;
  const language = v.language || '';
  const themes = Array.isArray(v.themes) ? v.themes : [];
  const sentiment = v.sentiment || '';
  return h('article', {
    class: `verbatim verbatim-${v.category}`,
    dataset: {
      response: v.response_id,
      score: score === null ? '' : String(score),
      category: v.category,
      language,
      themes: themes.join(' '),
      sentiment,
      disagrees: v.disagrees ? 'true' : 'false',
    },
  },
  h('header', { class: 'verbatim-head' },
    h('span', { class: `score score-${v.category}`, title: t('verbatims.score', { score: fmt.count(score) }) }, fmt.count(score)),
    h('span', { class: `category category-${v.category}` }, t(`category.${v.category}`)),
    h('time', { datetime: v.answered_on }, fmt.date(v.answered_on)),
    language ? h('span', { class: 'chip', title: language }, fmt.languageName(language)) : null,
    v.segment ? h('span', { class: 'chip' }, v.segment) : null,
    v.customer_id ? h('span', { class: 'muted customer' }, t('verbatims.customer', { id: v.customer_id })) : null),
  h('p', { class: 'comment', dir: 'auto', lang: language || null }, v.comment || ''),
  h('footer', { class: 'verbatim-foot' },
    sentiment ? h('span', {
      class: `sentiment sentiment-${sentiment}`,
      title: typeof v.sentiment_score === 'number' ? t('verbatims.sentimentScore', { score: fmt.decimal(v.sentiment_score, 2) }) : null,
    }, t(`sentiment.${sentiment}`)) : null,
    v.disagrees ? h('span', { class: 'disagrees', title: t('verbatims.disagreesTitle') }, t('verbatims.disagrees')) : null,
    themes.length
      ? h('ul', { class: 'theme-chips', 'aria-label': t('verbatims.themes') },
        themes.map((id) => h('li', { class: 'theme-chip', dataset: { theme: id } }, themeName(id))))
      : h('span', { class: 'muted no-theme' }, t('verbatims.noTheme'))));
}

/** The change of a theme's share in the last period of the range against the period before. */
function trendOf(theme) {
  const periods = theme.periods || [];
  const last = periods[periods.length - 1];
  if (!last || typeof last.share_change !== 'number') return { change: null, period: last };
  return { change: last.share_change, period: last };
}

function trendCell(theme) {
  const { change, period } = trendOf(theme);
  const td = h('td', { class: 'num trend', dataset: { value: rawValue(change) } });
  if (change === null) {
    td.append(fmt.NONE);
    return td;
  }
  const direction = change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
  td.classList.add(`trend-${direction}`);
  td.title = t('themes.trendTitle', { period: fmt.period(period, 'month') });
  td.append(h('span', { class: 'trend-arrow', 'aria-hidden': 'true' }, { up: '▲', down: '▼', flat: '■' }[direction]), ' ',
    h('bdi', {}, fmt.percent(change, { signed: true })));
  return td;
}

function themeTable(report, selected, choose) {
  const themes = report.themes || [];
  const head = h('tr', {},
    h('th', { scope: 'col' }, t('themes.theme')),
    h('th', { scope: 'col', class: 'num' }, t('themes.mentions')),
    h('th', { scope: 'col', class: 'num' }, t('themes.share')),
    h('th', { scope: 'col', class: 'num' }, t('themes.nps')),
    h('th', { scope: 'col', class: 'num', title: t('themes.trendHelp') }, t('themes.trend')));
  const rows = themes.map((theme) => {
    const active = theme.id === selected;
    const button = h('button', {
      type: 'button',
      class: 'theme-button',
      'aria-pressed': String(active),
      title: t('themes.show', { theme: theme.name || theme.id }),
    }, theme.name || theme.id);
    const row = h('tr', {
      class: `theme-row${active ? ' is-active' : ''}`,
      dataset: { theme: theme.id, mentions: rawValue(theme.mentions), share: rawValue(theme.share), nps: rawValue(theme.nps) },
    },
    h('th', { scope: 'row', class: 'theme-name' }, button),
    h('td', { class: 'num' }, fmt.count(theme.mentions)),
    h('td', { class: 'num' }, fmt.percent(theme.share)),
    h('td', { class: 'num' }, fmt.decimal(theme.nps, 1)),
    trendCell(theme));
    row.addEventListener('click', () => choose(theme.id));
    return row;
  });
  const caption = t('themes.tableCaption');
  return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', { class: 'data-table theme-table', id: 'theme-table' },
      h('caption', { class: 'visually-hidden' }, caption),
      h('thead', {}, head), h('tbody', {}, rows)));
}

function drawThemes(el, report, selected, choose) {
  const themes = (report.themes || []).filter((x) => x.mentions > 0);
  const names = themes.map((x) => x.name || x.id);
  const labelWidth = Math.round(Math.min(150, (el.clientWidth || 400) * 0.38));
  const valueEnd = isRtl() ? 'left' : 'right';
  const chart = draw(el, {
    grid: grid({ top: 8, bottom: 8, [valueEnd]: 40 }),
    tooltip: {
      ...tooltip((i) => names[i], (i) => [
        { name: t('themes.mentions'), color: COLORS[0], text: fmt.count(themes[i].mentions) },
        { name: t('themes.share'), color: COLORS[1], text: fmt.percent(themes[i].share) },
        { name: t('themes.nps'), color: COLORS[2], text: fmt.decimal(themes[i].nps, 1) },
      ]),
      axisPointer: { type: 'shadow' },
    },
    xAxis: { type: 'value', inverse: isRtl(), minInterval: 1, axisLabel: { formatter: fmt.axis('count'), hideOverlap: true } },
    yAxis: {
      type: 'category', inverse: true, position: isRtl() ? 'right' : 'left', data: names, axisLabel: { width: labelWidth, overflow: 'truncate' },
    },
    series: [{
      name: t('themes.mentions'),
      type: 'bar',
      barMaxWidth: 18,
      cursor: 'pointer',
      data: themes.map((x) => ({
        value: x.mentions,
        itemStyle: { color: !selected || x.id === selected ? COLORS[0] : '#a9bfcb' },
      })),
      label: { show: true, position: isRtl() ? 'left' : 'right', formatter: (p) => fmt.count(p.value), fontSize: 11 },
    }],
  });
  if (chart) chart.on('click', (p) => { if (themes[p.dataIndex]) choose(themes[p.dataIndex].id); });
}

export async function render(root, ctx) {
  const { state, segments, signal } = ctx;
  const languages = (segments && segments.languages) || [];
  const filters = h('div', { class: 'page-filters' },
    select('f-category', t('verbatims.category'), t('verbatims.allCategories'),
      CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) })), state.category,
      (value) => ctx.navigate({ category: value, vpage: 1 })),
    select('f-language', t('verbatims.language'), t('verbatims.allLanguages'),
      languages.map((l) => ({ value: l, label: `${fmt.languageName(l)} (${l})` })), state.language,
      (value) => ctx.navigate({ language: value, vpage: 1 })),
    select('f-sentiment', t('verbatims.sentiment'), t('verbatims.allSentiments'),
      SENTIMENTS.map((s) => ({ value: s, label: t(`sentiment.${s}`) })), state.sentiment,
      (value) => ctx.navigate({ sentiment: value, vpage: 1 })));
  const summary = h('p', { class: 'muted verbatim-total', 'aria-live': 'polite' }, t('common.loading'));
  const list = h('div', { class: 'verbatim-list', id: 'verbatim-list' });
  const pager = h('nav', { class: 'pager', 'aria-label': t('verbatims.pagination') });

  const choose = (theme) => ctx.navigate({ theme: theme === state.theme ? '' : theme, vpage: 1 });
  const allThemes = h('button', {
    type: 'button', id: 'theme-all', class: 'pager-button theme-all', 'aria-pressed': String(!state.theme), disabled: !state.theme,
  }, t('themes.all'));
  allThemes.addEventListener('click', () => ctx.navigate({ theme: '', vpage: 1 }));
  const themeNote = h('p', { class: 'muted themes-note' });
  const tableSlot = h('div', { class: 'themes-table-slot' }, h('p', { class: 'muted placeholder' }, t('common.loading')));
  const chartEl = h('div', { class: 'chart chart-themes', id: 'chart-themes', role: 'img', 'aria-label': t('themes.chart') });
  const panel = h('section', { class: 'card themes-panel', id: 'themes-panel', 'aria-labelledby': 'themes-heading' },
    h('div', { class: 'themes-head' }, h('h2', { id: 'themes-heading' }, t('themes.heading')), allThemes),
    themeNote, tableSlot,
    h('h3', {}, t('themes.chart')), chartEl);
  const comments = h('section', { class: 'card verbatims-card' }, filters, summary, list, pager);
  root.append(h('h1', {}, t('verbatims.heading')), h('div', { class: 'verbatims-layout' }, panel, comments));

  const [report, data] = await Promise.all([
    api('themes', { params: { from: state.from, to: state.to, segment: state.segment, language: state.language }, signal }),
    api('verbatims', {
      params: {
        from: state.from, to: state.to, category: state.category, language: state.language, segment: state.segment,
        theme: state.theme, sentiment: state.sentiment, page: state.vpage, page_size: PAGE_SIZE,
      },
      signal,
    }),
  ]);
  if (!ctx.isCurrent()) return;

  const names = new Map((report.themes || []).map((x) => [x.id, x.name || x.id]));
  const themeName = (id) => names.get(id) || id;

  themeNote.textContent = t('themes.note', {
    count: fmt.count(report.comments || 0), from: fmt.date(report.from), to: fmt.date(report.to),
  });
  tableSlot.replaceChildren((report.themes || []).length
    ? themeTable(report, state.theme, choose)
    : h('p', { class: 'muted empty' }, t('themes.none')));
  drawThemes(chartEl, report, state.theme, choose);

  const total = data.total || 0;
  const size = data.page_size || PAGE_SIZE;
  const page = data.page || state.vpage;
  const pages = Math.max(1, Math.ceil(total / size));
  list.dataset.total = String(total);
  list.dataset.page = String(page);
  if (state.theme) list.dataset.theme = state.theme;
  summary.textContent = state.theme
    ? `${t('verbatims.total', { count: fmt.count(total) })} · ${t('themes.filtered', { theme: themeName(state.theme) })}`
    : t('verbatims.total', { count: fmt.count(total) });
  const items = data.verbatims || [];
  list.replaceChildren(...(items.length ? items.map((v) => item(v, themeName)) : [h('p', { class: 'muted empty' }, t('verbatims.empty'))]));

  const prev = h('button', { type: 'button', id: 'v-prev', class: 'pager-button', disabled: page <= 1 }, t('verbatims.prev'));
  const next = h('button', { type: 'button', id: 'v-next', class: 'pager-button', disabled: page >= pages }, t('verbatims.next'));
  prev.addEventListener('click', () => ctx.navigate({ vpage: Math.max(1, page - 1) }));
  next.addEventListener('click', () => ctx.navigate({ vpage: Math.min(pages, page + 1) }));
  pager.replaceChildren(prev,
    h('span', { class: 'pager-info' }, t('verbatims.pageOf', { page: fmt.count(page), pages: fmt.count(pages) })),
    next);
}
