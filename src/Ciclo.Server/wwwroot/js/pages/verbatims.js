// Customer comments: NPS verbatims filtered by range, category, language and segment, 20 a page.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import * as fmt from '../format.js';
import { CATEGORIES } from '../state.js';

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

function item(v) {
  const score = typeof v.score === 'number' ? v.score : null;
  const language = v.language || '';
  return h('article', {
    class: `verbatim verbatim-${v.category}`,
    dataset: { response: v.response_id, score: score === null ? '' : String(score), category: v.category, language },
  },
  h('header', { class: 'verbatim-head' },
    h('span', { class: `score score-${v.category}`, title: t('verbatims.score', { score: fmt.count(score) }) }, fmt.count(score)),
    h('span', { class: `category category-${v.category}` }, t(`category.${v.category}`)),
    h('time', { datetime: v.answered_on }, fmt.date(v.answered_on)),
    language ? h('span', { class: 'chip', title: language }, fmt.languageName(language)) : null,
    v.segment ? h('span', { class: 'chip' }, v.segment) : null,
    v.customer_id ? h('span', { class: 'muted customer' }, t('verbatims.customer', { id: v.customer_id })) : null),
  h('p', { class: 'comment', dir: 'auto', lang: language || null }, v.comment || ''));
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
      (value) => ctx.navigate({ language: value, vpage: 1 })));
  const summary = h('p', { class: 'muted verbatim-total', 'aria-live': 'polite' }, t('common.loading'));
  const list = h('div', { class: 'verbatim-list', id: 'verbatim-list' });
  const pager = h('nav', { class: 'pager', 'aria-label': t('verbatims.pagination') });
  root.append(h('h1', {}, t('verbatims.heading')), h('section', { class: 'card' }, filters, summary, list, pager));

  const data = await api('verbatims', {
    params: {
      from: state.from, to: state.to, category: state.category, language: state.language, segment: state.segment,
      page: state.vpage, page_size: PAGE_SIZE,
    },
    signal,
  });
  if (!ctx.isCurrent()) return;
  const total = data.total || 0;
  const size = data.page_size || PAGE_SIZE;
  const page = data.page || state.vpage;
  const pages = Math.max(1, Math.ceil(total / size));
  list.dataset.total = String(total);
  list.dataset.page = String(page);
  summary.textContent = t('verbatims.total', { count: fmt.count(total) });
  const items = data.verbatims || [];
  list.replaceChildren(...(items.length ? items.map(item) : [h('p', { class: 'muted empty' }, t('verbatims.empty'))]));

  const prev = h('button', { type: 'button', id: 'v-prev', class: 'pager-button', disabled: page <= 1 }, t('verbatims.prev'));
  const next = h('button', { type: 'button', id: 'v-next', class: 'pager-button', disabled: page >= pages }, t('verbatims.next'));
  prev.addEventListener('click', () => ctx.navigate({ vpage: Math.max(1, page - 1) }));
  next.addEventListener('click', () => ctx.navigate({ vpage: Math.min(pages, page + 1) }));
  pager.replaceChildren(prev,
    h('span', { class: 'pager-info' }, t('verbatims.pageOf', { page: fmt.count(page), pages: fmt.count(pages) })),
    next);
}
