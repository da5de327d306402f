// Retention and expansion: churn, revenue shares against benchmarks, NPS, customer campaigns,
// campaign influence and programmes. Every chart has a table of the same numbers under it.
import { h, rawValue, fill } from '../dom.js';
import { t, isRtl } from '../i18n.js';
import { api } from '../api.js';
import * as fmt from '../format.js';
import { draw, timeAxis, valueAxis, grid, legend, tooltip, COLORS, CATEGORY_COLORS } from '../charts.js';
import { metricsIn, metricTable, notes } from '../tables.js';
import { rangeLine, metricParams } from './overview.js';

export const needsCatalog = true;

const CHURN = ['churn_rate', 'retention_rate'];
const SHARES = ['upsell_revenue_share', 'existing_customer_revenue_share'];
const NPS = ['nps', 'nps_margin_of_error', 'nps_responses', 'nps_promoters', 'nps_passives', 'nps_detractors'];
const CAMPAIGNS = ['customer_campaign_open_rate', 'customer_campaign_click_rate', 'customer_campaign_click_to_open_rate'];
const PROGRAMME_CHURN = ['member_churn_rate', 'non_member_churn_rate'];
const PROGRAMME_REVENUE = ['member_expansion_revenue_per_customer', 'non_member_expansion_revenue_per_customer'];

function section(id, title, ...children) {
  return h('section', { class: 'card chart-card', id: `section-${id}`, 'aria-labelledby': `title-${id}` },
    h('h2', { id: `title-${id}` }, title), ...children);
}

function chartBox(id, label, extraClass = '') {
  return h('div', { class: `chart ${extraClass}`.trim(), id, role: 'img', 'aria-label': label });
}

const num = (cell) => (cell && typeof cell.value === 'number' ? cell.value : null);
const series = (report, id) => report.periods.map((p) => num(p.metrics[id]));
const cellOf = (report, id, i) => (report.periods[i].metrics || {})[id];
const pendingMark = (cell) => (cell && cell.status === 'pending' ? '*' : '');

function defOf(catalog, id) {
  return catalog.metrics.find((m) => m.id === id) || { id, name: id, unit: 'ratio', definition: '' };
}

/** A table of the metrics under a chart plus its footnotes. */
function figures(report, catalog, ids, caption, extra = {}) {
  const defs = metricsIn(report, catalog, ids);
  const marks = new Set();
  const table = metricTable(report, defs, { catalog, marks, caption, ...extra });
  return h('div', { class: 'figures' }, table.element, notes(marks));
}

function periodTooltip(report, rows) {
  return tooltip((i) => fmt.period(report.periods[i], report.grain), rows);
}

// ---------- (a) churn and retention ----------

function drawChurn(el, report, catalog) {
  const [churn, retention] = CHURN.map((id) => defOf(catalog, id));
  const labels = report.periods.map((p) => fmt.period(p, report.grain, { short: true }));
  draw(el, {
    legend: legend(),
    grid: grid(),
    tooltip: periodTooltip(report, (i) => [churn, retention].map((d, k) => ({
      name: d.name, color: COLORS[k], text: fmt.percent(num(cellOf(report, d.id, i))) + pendingMark(cellOf(report, d.id, i)),
    }))),
    xAxis: timeAxis(labels),
    yAxis: [valueAxis('ratio', { min: 0 }),
      valueAxis('ratio', { secondary: true, scale: true, max: 1 })],
    series: [
      { name: churn.name, type: 'line', data: series(report, churn.id), yAxisIndex: 0, symbolSize: 6 },
      { name: retention.name, type: 'line', data: series(report, retention.id), yAxisIndex: 1, symbolSize: 6, lineStyle: { type: 'dashed' } },
    ],
  });
}

// ---------- (b) revenue shares with benchmark bands ----------

/** The bands in force for a metric: those the report carries, else the catalog's. */
function bandsOf(report, catalog, id) {
  const bands = new Map();
  for (const p of report.periods) {
    for (const b of ((p.metrics[id] || {}).benchmark || [])) bands.set(b.band, b);
  }
  if (!bands.size) for (const b of (defOf(catalog, id).benchmarks || [])) bands.set(b.band, b);
  return [...bands.values()].map((b) => ({
    ...b,
    label: (catalog.bands && catalog.bands[b.band]) || b.label || b.band,
  }));
}

function drawShares(el, report, catalog) {
  const defs = SHARES.map((id) => defOf(catalog, id));
  const labels = report.periods.map((p) => fmt.period(p, report.grain, { short: true }));
  const allBands = [];
  const seriesList = defs.map((d, k) => {
    const bands = bandsOf(report, catalog, d.id);
    bands.forEach((b) => allBands.push({ ...b, metric: d }));
    return {
      name: d.name,
      type: 'line',
      data: series(report, d.id),
      symbolSize: 6,
      lineStyle: { width: 2.5 },
      markArea: bands.length ? {
        silent: true,
        itemStyle: { color: COLORS[k], opacity: 0.1, borderColor: COLORS[k], borderWidth: 1, borderType: 'dashed' },
        label: {
          show: true,
          position: isRtl() ? 'insideTopLeft' : 'insideTopRight',
          color: COLORS[k],
          fontSize: 11,
          formatter: (p) => p.name,
        },
        data: bands.map((b) => [
          { name: `${b.label} ${fmt.bandRange('ratio', b.low, b.high)}`, yAxis: typeof b.low === 'number' ? b.low : 0 },
          { yAxis: typeof b.high === 'number' ? b.high : 1 },
        ]),
      } : undefined,
    };
  });
  draw(el, {
    legend: legend(),
    grid: grid(),
    tooltip: periodTooltip(report, (i) => defs.map((d, k) => ({
      name: d.name, color: COLORS[k], text: fmt.percent(num(cellOf(report, d.id, i))) + pendingMark(cellOf(report, d.id, i)),
    }))),
    xAxis: timeAxis(labels),
    yAxis: valueAxis('ratio', { min: 0, max: 1 }),
    series: seriesList,
  });
  return allBands;
}

function bandList(bands) {
  if (!bands.length) return null;
  return h('ul', { class: 'band-list' }, bands.map((b) => h('li', { dataset: { metric: b.metric.id, band: b.band } },
    h('span', { class: 'band-swatch', dataset: { metric: b.metric.id } }),
    `${b.metric.name}: ${b.label} `, h('bdi', {}, fmt.bandRange('ratio', b.low, b.high)),
    b.source ? h('span', { class: 'muted' }, ` · ${b.source}`) : null)));
}

// ---------- (c) NPS with its margin of error ----------

function drawNps(el, report, catalog) {
  const [nps, moe, , promoters, passives, detractors] = NPS.map((id) => defOf(catalog, id));
  const labels = report.periods.map((p) => fmt.period(p, report.grain, { short: true }));
  const npsData = series(report, 'nps');
  const moeData = series(report, 'nps_margin_of_error');
  const low = npsData.map((v, i) => (v === null || moeData[i] === null ? null : v - moeData[i]));
  const width = npsData.map((v, i) => (v === null || moeData[i] === null ? null : 2 * moeData[i]));
  const counts = [promoters, passives, detractors];
  const countColors = [CATEGORY_COLORS.promoter, CATEGORY_COLORS.passive, CATEGORY_COLORS.detractor];
  const bandName = t('expansion.npsBand');
  draw(el, {
    legend: legend({ data: [nps.name, bandName, ...counts.map((d) => d.name)] }),
    grid: [grid({ bottom: '42%' }), grid({ top: '64%', bottom: 8 })],
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    tooltip: periodTooltip(report, (i) => [
      { name: nps.name, color: COLORS[0], text: fmt.decimal(npsData[i], 1) + pendingMark(cellOf(report, 'nps', i)) },
      { name: moe.name, color: COLORS[0], text: moeData[i] === null ? fmt.NONE : `± ${fmt.decimal(moeData[i], 1)}` },
      ...counts.map((d, k) => ({ name: d.name, color: countColors[k], text: fmt.count(num(cellOf(report, d.id, i))) })),
    ]),
    xAxis: [timeAxis(labels, { gridIndex: 0, axisLabel: { show: false } }), timeAxis(labels, { gridIndex: 1 })],
    yAxis: [valueAxis('score', { gridIndex: 0, scale: true }), valueAxis('count', { gridIndex: 1, splitNumber: 2 })],
    series: [
      { name: bandName, id: 'nps-low', type: 'line', data: low, stack: 'nps-band', stackStrategy: 'all', symbol: 'none',
        lineStyle: { opacity: 0 }, tooltip: { show: false }, silent: true, xAxisIndex: 0, yAxisIndex: 0, legendHoverLink: false },
      { name: bandName, id: 'nps-band', type: 'line', data: width, stack: 'nps-band', stackStrategy: 'all', symbol: 'none',
        lineStyle: { opacity: 0 }, areaStyle: { color: COLORS[0], opacity: 0.15 }, itemStyle: { color: COLORS[0] }, silent: true, xAxisIndex: 0, yAxisIndex: 0 },
      { name: nps.name, type: 'line', data: npsData, symbolSize: 6, lineStyle: { width: 2.5, color: COLORS[0] }, itemStyle: { color: COLORS[0] }, xAxisIndex: 0, yAxisIndex: 0 },
      ...counts.map((d, k) => ({
        name: d.name, type: 'bar', stack: 'responses', data: series(report, d.id), itemStyle: { color: countColors[k] },
        xAxisIndex: 1, yAxisIndex: 1, barMaxWidth: 28,
      })),
    ],
  });
}

// ---------- (d) customer campaign rates ----------

function drawCampaigns(el, report, catalog) {
  const defs = CAMPAIGNS.map((id) => defOf(catalog, id));
  const labels = report.periods.map((p) => fmt.period(p, report.grain, { short: true }));
  draw(el, {
    legend: legend(),
    grid: grid(),
    tooltip: periodTooltip(report, (i) => defs.map((d, k) => ({
      name: d.name, color: COLORS[k], text: fmt.percent(num(cellOf(report, d.id, i))),
    }))),
    xAxis: timeAxis(labels),
    yAxis: valueAxis('ratio', { min: 0 }),
    series: defs.map((d) => ({ name: d.name, type: 'line', data: series(report, d.id), symbolSize: 6 })),
  });
}

// ---------- (e) campaign influence ----------

function influenceRow(row, currency, key) {
  const pending = row.status === 'pending';
  const star = pending ? h('span', { class: 'mark', title: t('mark.pending') }, '*') : null;
  const cell = (field, text, withStar = true) => h('td', { class: withStar && pending ? 'num pending-value' : 'num', dataset: { field, value: rawValue(row[field]) } },
    h('span', { class: 'value' }, text), withStar ? (star && star.cloneNode(true)) : null);
  const label = key === 'campaign'
    ? h('th', { scope: 'row' }, h('span', { class: 'code' }, row.campaign_id), ' ', h('span', { dir: 'auto' }, row.name || ''))
    : h('th', { scope: 'row' }, row.program);
  return h('tr', {
    class: pending ? 'status-pending' : null,
    dataset: {
      campaign: key === 'campaign' ? row.campaign_id : undefined,
      program: key === 'program' ? row.program : undefined,
      value: rawValue(row.influenced_expansion_revenue),
      status: row.status,
    },
  },
  label,
  cell('influenced_expansion_revenue', fmt.money(row.influenced_expansion_revenue, currency)),
  cell('engaged_customers', fmt.count(row.engaged_customers), false),
  cell('engaged_expansion_rate', fmt.percent(row.engaged_expansion_rate)),
  cell('baseline_expansion_rate', fmt.percent(row.baseline_expansion_rate)),
  cell('expansion_uplift', fmt.percent(row.expansion_uplift, { signed: true })),
  h('td', { dataset: { field: 'status' } }, t(`status.${row.status}`) || row.status, star));
}

function influenceTable(rows, currency, key, caption) {
  const head = h('tr', {}, [
    key === 'campaign' ? t('influence.campaign') : t('influence.programme'),
    t('influence.revenue'), t('influence.engaged'), t('influence.engagedRate'), t('influence.baselineRate'),
    t('influence.uplift'), t('influence.status'),
  ].map((text) => h('th', { scope: 'col' }, text)));
  return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', { class: 'data-table influence-table', id: key === 'campaign' ? 'influence-campaigns' : 'influence-programmes' },
      h('caption', { class: 'visually-hidden' }, caption),
      h('thead', {}, head), h('tbody', {}, rows.map((r) => influenceRow(r, currency, key)))));
}

function drawInfluence(el, top, currency) {
  const narrow = (el.clientWidth || 600) < 500;
  const max = narrow ? 22 : 34;
  const name = (c) => {
    const text = `${c.campaign_id} ${c.name || ''}`.trim();
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
  };
  const labelWidth = Math.round(Math.min(190, (el.clientWidth || 600) * 0.36));
  const valueEnd = isRtl() ? 'left' : 'right';
  draw(el, {
    grid: grid({ top: 8, bottom: 8, [valueEnd]: 60 }),
    tooltip: {
      ...tooltip((i) => `${top[i].campaign_id} ${top[i].name || ''}`, (i) => [
        { name: t('influence.revenue'), color: COLORS[0], text: fmt.money(top[i].influenced_expansion_revenue, currency) + pendingMark(top[i]) },
        { name: t('influence.engaged'), color: COLORS[1], text: fmt.count(top[i].engaged_customers) },
        { name: t('influence.uplift'), color: COLORS[2], text: fmt.percent(top[i].expansion_uplift, { signed: true }) + pendingMark(top[i]) },
      ]),
      axisPointer: { type: 'shadow' },
    },
    xAxis: { type: 'value', inverse: isRtl(), axisLabel: { formatter: fmt.axis('currency'), hideOverlap: true } },
    yAxis: { type: 'category', inverse: true, position: isRtl() ? 'right' : 'left', data: top.map(name), axisLabel: { width: labelWidth, overflow: 'truncate' } },
    series: [{
      name: t('influence.revenue'),
      type: 'bar',
      barMaxWidth: 22,
      data: top.map((c) => ({
        value: c.influenced_expansion_revenue,
        itemStyle: c.status === 'pending' ? { color: COLORS[0], opacity: 0.55 } : { color: COLORS[0] },
      })),
      label: {
        show: true,
        position: isRtl() ? 'left' : 'right',
        formatter: (p) => fmt.axis('currency')(p.value) + (top[p.dataIndex].status === 'pending' ? '*' : ''),
        fontSize: 11,
      },
    }],
  });
}

// ---------- (f) programmes ----------

function drawProgrammes(el, programmes, catalog) {
  const first = programmes.find((p) => p.report && p.report.periods && p.report.periods.length);
  if (!first) return;
  const base = first.report;
  const labels = base.periods.map((p) => fmt.period(p, base.grain, { short: true }));
  const groups = [t('programme.member'), t('programme.nonMember')];
  const list = [];
  const rows = [];
  programmes.forEach((prog, k) => {
    const color = COLORS[k % COLORS.length];
    PROGRAMME_CHURN.forEach((id, g) => {
      list.push({
        name: t('programme.series', { program: prog.program, group: groups[g] }),
        type: 'line', xAxisIndex: 0, yAxisIndex: 0, data: series(prog.report, id), symbolSize: 5,
        lineStyle: { color, type: g ? 'dashed' : 'solid', width: 2 }, itemStyle: { color },
      });
      rows.push({ prog, id, color, group: g, unit: 'ratio' });
    });
    PROGRAMME_REVENUE.forEach((id, g) => {
      list.push({
        name: t('programme.series', { program: prog.program, group: groups[g] }),
        type: 'bar', xAxisIndex: 1, yAxisIndex: 1, data: series(prog.report, id), barMaxWidth: 14,
        itemStyle: { color, opacity: g ? 0.45 : 1 },
      });
      rows.push({ prog, id, color, group: g, unit: 'currency' });
    });
  });
  const churnTitle = t('expansion.programmeChurn');
  const revenueTitle = t('expansion.programmeRevenue');
  draw(el, {
    legend: legend(),
    grid: [grid({ bottom: '46%', extraTop: 22 }), grid({ top: '62%', bottom: 8 })],
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    tooltip: tooltip((i) => fmt.period(base.periods[i], base.grain), (i) => rows.map((r) => ({
      name: `${t('programme.series', { program: r.prog.program, group: groups[r.group] })} · ${r.unit === 'ratio' ? churnTitle : revenueTitle}`,
      color: r.color,
      text: fmt.value(r.unit, num(cellOf(r.prog.report, r.id, i)), r.prog.report.currency),
    }))),
    title: [
      { text: churnTitle, top: 60, left: isRtl() ? undefined : 8, right: isRtl() ? 8 : undefined, textStyle: { fontSize: 12, fontWeight: 'normal', color: '#555' } },
      { text: revenueTitle, top: '56%', left: isRtl() ? undefined : 8, right: isRtl() ? 8 : undefined, textStyle: { fontSize: 12, fontWeight: 'normal', color: '#555' } },
    ],
    xAxis: [timeAxis(labels, { gridIndex: 0, axisLabel: { show: false } }), timeAxis(labels, { gridIndex: 1 })],
    yAxis: [valueAxis('ratio', { gridIndex: 0, min: 0 }), valueAxis('currency', { gridIndex: 1 })],
    series: list,
  });
}

// ---------- the page ----------

export async function render(root, ctx) {
  const { state, catalog, signal } = ctx;
  const rangeSlot = h('div', { class: 'range-slot' });
  const loading = () => h('p', { class: 'muted placeholder' }, t('common.loading'));

  const churnEl = chartBox('chart-churn', t('expansion.churn'));
  const sharesEl = chartBox('chart-shares', t('expansion.shares'));
  const npsEl = chartBox('chart-nps', t('expansion.nps'), 'chart-tall');
  const campaignsEl = chartBox('chart-campaigns', t('expansion.campaigns'));
  const influenceEl = chartBox('chart-influence', t('expansion.influence'), 'chart-tall');
  const programmesEl = chartBox('chart-programmes', t('expansion.programmes'), 'chart-tall');

  const slots = {
    churn: h('div', { class: 'figures-slot' }, loading()),
    shares: h('div', { class: 'figures-slot' }, loading()),
    nps: h('div', { class: 'figures-slot' }, loading()),
    campaigns: h('div', { class: 'figures-slot' }, loading()),
    influence: h('div', { class: 'figures-slot' }, loading()),
    programmes: h('div', { class: 'figures-slot' }, loading()),
  };

  const modelSelect = h('select', { id: 'f-model' }, ['last', 'first', 'linear'].map((id) => h('option', { value: id }, t(`model.${id}`))));
  modelSelect.value = state.model || 'last';
  modelSelect.addEventListener('change', () => ctx.navigate({ model: modelSelect.value }));
  const influenceNote = h('p', { class: 'muted chart-note' });

  root.append(
    h('h1', {}, t('expansion.heading')),
    rangeSlot,
    h('div', { class: 'chart-grid' },
      section('churn', t('expansion.churn'), churnEl, slots.churn),
      section('shares', t('expansion.shares'), h('p', { class: 'muted chart-note' }, t('expansion.sharesNote')), sharesEl, slots.shares),
      section('nps', t('expansion.nps'), npsEl, slots.nps),
      section('campaigns', t('expansion.campaigns'), campaignsEl, slots.campaigns),
      section('influence', t('expansion.influence'),
        h('div', { class: 'inline-field' }, h('label', { for: 'f-model' }, t('influence.model')), modelSelect),
        influenceNote, influenceEl, slots.influence),
      section('programmes', t('expansion.programmes'), programmesEl, slots.programmes)),
  );

  // All the metrics read here are of the expand stage; asking for the stage keeps the query short
  // (the server refuses parameters over 200 characters, and the id list is longer).
  const metricsJob = api('metrics', { params: metricParams(state, { stage: 'expand' }), signal }).then((report) => {
    if (!ctx.isCurrent()) return;
    ctx.showRange(report.from, report.to);
    rangeSlot.replaceChildren(rangeLine(report));
    drawChurn(churnEl, report, catalog);
    fill(slots.churn, figures(report, catalog, CHURN, t('expansion.churn')));
    const bands = drawShares(sharesEl, report, catalog);
    fill(slots.shares, figures(report, catalog, SHARES, t('expansion.shares')), bandList(bands));
    drawNps(npsEl, report, catalog);
    fill(slots.nps, figures(report, catalog, NPS, t('expansion.nps')));
    drawCampaigns(campaignsEl, report, catalog);
    fill(slots.campaigns, figures(report, catalog, CAMPAIGNS, t('expansion.campaigns')));
  });

  const influenceJob = api('influence', { params: { model: state.model }, signal }).then((data) => {
    if (!ctx.isCurrent()) return;
    const currency = data.currency || (ctx.settings && ctx.settings.currency);
    const top = (data.campaigns || []).slice(0, 10);
    influenceNote.textContent = t('expansion.influenceNote', {
      model: t(`model.${data.model || 'last'}`), days: fmt.count(data.window_days),
    });
    drawInfluence(influenceEl, top, currency);
    const marks = new Set();
    if (top.some((c) => c.status === 'pending') || (data.programmes || []).some((p) => p.status === 'pending')) marks.add('pending');
    fill(slots.influence, 
      influenceTable(top, currency, 'campaign', t('expansion.influence')),
      (data.programmes || []).length ? h('h3', {}, t('influence.programmesHeading')) : null,
      (data.programmes || []).length ? influenceTable(data.programmes, currency, 'program', t('influence.programmesHeading')) : null,
      notes(marks),
    );
  });

  const programmesJob = api('programmes', {
    params: { from: state.from, to: state.to, grain: state.grain, program: state.program }, signal,
  }).then((data) => {
    if (!ctx.isCurrent()) return;
    const programmes = (data.programmes || []).filter((p) => p.report);
    if (!programmes.length) {
      programmesEl.dataset.ready = 'true';
      programmesEl.dataset.seriesCount = '0';
      programmesEl.classList.add('chart-empty');
      fill(slots.programmes, h('p', { class: 'muted' }, t('common.noData')));
      return;
    }
    drawProgrammes(programmesEl, programmes, catalog);
    fill(slots.programmes, ...programmes.map((p) => h('div', { class: 'programme-block', dataset: { program: p.program } },
      h('h3', {}, `${t('filters.program')}: ${p.program}`),
      figures(p.report, catalog, [...PROGRAMME_CHURN, ...PROGRAMME_REVENUE, 'programme_members', 'programme_enrolment_rate'],
        `${t('expansion.programmes')} · ${p.program}`, { extraData: { program: p.program } }))));
  });

  const results = await Promise.allSettled([metricsJob, influenceJob, programmesJob]);
  const slotGroups = [['churn', 'shares', 'nps', 'campaigns'], ['influence'], ['programmes']];
  results.forEach((r, i) => {
    if (r.status === 'rejected') {
      ctx.report(r.reason);
      for (const name of slotGroups[i]) slots[name].replaceChildren();
    }
  });
}
