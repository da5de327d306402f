// Tables of metric values per period, with the exact data attributes tests read.
import { h, rawValue } from './dom.js';
import { t } from './i18n.js';
import * as fmt from './format.js';

/** The catalog metrics (in catalog order) of ids that the report carries. */
export function metricsIn(report, catalog, ids) {
  const present = new Set();
  for (const p of report.periods || []) for (const id of Object.keys(p.metrics || {})) present.add(id);
  const wanted = ids ? new Set(ids) : null;
  const known = catalog.metrics.filter((m) => present.has(m.id) && (!wanted || wanted.has(m.id)));
  // Metrics the catalog does not know (should not happen) still show, by id.
  const extra = [...present].filter((id) => !catalog.metrics.some((m) => m.id === id) && (!wanted || wanted.has(id)))
    .map((id) => ({ id, name: id, definition: '', unit: report.periods.find((p) => p.metrics[id]).metrics[id].unit }));
  const list = [...known, ...extra];
  if (ids) list.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
  return list;
}

function bandLabel(catalog, band) {
  return (catalog.bands && catalog.bands[band]) || band;
}

function goodness(direction, status) {
  if (status === 'within') return 'ok';
  if (direction === 'up') return status === 'above' ? 'good' : 'bad';
  if (direction === 'down') return status === 'below' ? 'good' : 'bad';
  return 'ok';
}

/** One value cell: <td data-metric data-period data-value> with its marks and benchmark badges. */
export function valueCell(def, period, cell, { currency, catalog, marks, extraData = {} }) {
  const v = cell ? cell.value : null;
  const status = cell ? cell.status : null;
  const td = h('td', {
    class: `num${status ? ` status-${status}` : ''}`,
    dataset: { metric: def.id, period: period.period, value: rawValue(v), status: status || undefined, ...extraData },
  });
  td.append(h('span', { class: 'value' }, fmt.value((cell && cell.unit) || def.unit, v, currency)));
  if (v === null || v === undefined) {
    marks.add('null');
    if (status === 'not_segmentable') td.title = t('mark.notSegmentable');
  }
  if (status === 'pending') {
    marks.add('pending');
    td.append(h('span', { class: 'mark', title: t('mark.pending') }, '*'));
  }
  if (cell && cell.incomplete) {
    marks.add('incomplete');
    td.append(h('span', { class: 'mark', title: t('mark.incomplete') }, '!'));
  }
  if (cell && Array.isArray(cell.benchmark) && cell.benchmark.length) {
    const badges = h('span', { class: 'badges' });
    for (const b of cell.benchmark) {
      if (!b.status) continue;
      const label = bandLabel(catalog, b.band);
      badges.append(h('span', {
        class: `badge badge-${b.status} badge-${goodness(def.direction, b.status)}`,
        dataset: { band: b.band, status: b.status },
        title: t('bench.title', {
          band: label, range: fmt.bandRange(def.unit, b.low, b.high, currency), status: t(`bench.${b.status}`), source: b.source || '',
        }),
      }, t(`bench.${b.status}`)));
    }
    td.append(badges);
  }
  return td;
}

/** The column header of a period: its label, † when partial. */
export function periodHeader(p, grain, marks) {
  const th = h('th', { scope: 'col', dataset: { period: p.period, partial: p.partial ? 'true' : undefined } },
    h('bdi', {}, fmt.period(p, grain)));
  if (p.partial) {
    marks.add('partial');
    th.append(h('span', { class: 'mark', title: t('mark.partial') }, '†'));
  }
  return th;
}

/**
 * A table with one row per metric and one column per period.
 * Returns {element, marks}; marks says which footnotes the table needs.
 */
export function metricTable(report, defs, { catalog, caption, marks = new Set(), extraData = {}, className = '' } = {}) {
  const currency = report.currency;
  const periods = report.periods || [];
  const head = h('tr', {}, h('th', { scope: 'col', class: 'metric-col' }, t('common.metric')),
    periods.map((p) => periodHeader(p, report.grain, marks)));
  const rows = defs.map((def) => h('tr', { dataset: { metricRow: def.id } },
    h('th', { scope: 'row', class: 'metric-col' },
      h('span', { class: 'metric-name', title: def.definition || null, tabindex: def.definition ? '0' : null }, def.name)),
    periods.map((p) => valueCell(def, p, p.metrics ? p.metrics[def.id] : null, { currency, catalog, marks, extraData }))));
  const table = h('table', { class: `data-table ${className}`.trim() },
    caption ? h('caption', { class: 'visually-hidden' }, caption) : null,
    h('thead', {}, head), h('tbody', {}, rows));
  return { element: h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption || t('common.tableOf') }, table), marks };
}

/** The footnotes of the marks used. */
export function notes(marks) {
  const order = ['pending', 'partial', 'incomplete', 'null'];
  const items = order.filter((m) => marks.has(m));
  if (!items.length) return null;
  return h('div', { class: 'notes' }, items.map((m) => h('p', { class: 'footnote', dataset: { note: m } }, t(`note.${m}`))));
}
