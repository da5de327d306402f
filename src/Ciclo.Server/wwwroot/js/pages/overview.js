// Overview: the five stages, activity and result metrics apart, and a trend chart per stage.
import { h, fill } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import * as fmt from '../format.js';
import { draw, timeAxis, valueAxis, grid, tooltip, COLORS } from '../charts.js';
import { metricsIn, metricTable, notes } from '../tables.js';

export const needsCatalog = true;

export function rangeLine(report) {
  return h('p', { class: 'range-line' }, t('common.range', {
    from: fmt.date(report.from, 'long'),
    to: fmt.date(report.to, 'long'),
    grain: t(`grain.${report.grain || 'month'}`).toLocaleLowerCase(),
    timeZone: report.time_zone || '',
    currency: report.currency || '',
  }));
}

export function metricParams(state, extra = {}) {
  return { from: state.from, to: state.to, grain: state.grain, segment: state.segment, program: state.program, ...extra };
}

export async function render(root, ctx) {
  const { state, catalog, signal } = ctx;
  root.append(h('h1', {}, t('overview.heading')));
  const report = await api('metrics', { params: metricParams(state), signal });
  if (!ctx.isCurrent()) return;
  ctx.showRange(report.from, report.to);
  root.append(rangeLine(report));

  const grid_ = h('div', { class: 'stage-grid' });
  root.append(grid_);
  const charts = [];
  catalog.stages.forEach((stage, index) => {
    const defs = metricsIn(report, catalog).filter((m) => m.stage === stage.id);
    if (!defs.length) return;
    const marks = new Set();
    const card = h('section', { class: 'card stage-card', id: `stage-${stage.id}`, dataset: { stage: stage.id }, 'aria-labelledby': `stage-title-${stage.id}` },
      h('h2', { id: `stage-title-${stage.id}`, class: 'stage-title' }, stage.name));
    for (const kind of catalog.kinds) {
      const ofKind = defs.filter((m) => m.kind === kind.id);
      if (!ofKind.length) continue;
      const table = metricTable(report, ofKind, { catalog, marks, caption: `${stage.name} · ${kind.name}` });
      card.append(h('div', { class: 'kind-block', dataset: { kind: kind.id } },
        h('h3', { class: `kind-title kind-${kind.id}` }, kind.name), table.element));
    }
    const first = defs[0];
    const chartEl = h('div', { class: 'chart chart-small', id: `chart-stage-${stage.id}`, role: 'img', 'aria-label': t('overview.trend', { metric: first.name }) });
    card.append(h('div', { class: 'trend' }, h('h3', { class: 'trend-title' }, t('overview.trend', { metric: first.name })), chartEl));
    const foot = notes(marks);
    if (foot) card.append(foot);
    grid_.append(card);
    charts.push({ el: chartEl, def: first, color: COLORS[index % COLORS.length] });
  });

  const labels = report.periods.map((p) => fmt.period(p, report.grain, { short: true }));
  for (const { el, def, color } of charts) {
    const cells = report.periods.map((p) => (p.metrics[def.id] ? p.metrics[def.id] : null));
    const data = cells.map((c) => (c && typeof c.value === 'number' ? c.value : null));
    draw(el, {
      grid: grid({ top: 12, bottom: 8 }),
      tooltip: tooltip((i) => fmt.period(report.periods[i], report.grain), (i) => [{
        name: def.name,
        text: fmt.value(def.unit, data[i], report.currency) + (cells[i] && cells[i].status === 'pending' ? '*' : ''),
        color,
      }]),
      xAxis: timeAxis(labels, { boundaryGap: false }),
      yAxis: valueAxis(def.unit, { scale: def.unit !== 'ratio', splitNumber: 3 }),
      series: [{
        name: def.name,
        type: 'line',
        data,
        smooth: false,
        symbolSize: 5,
        connectNulls: false,
        lineStyle: { width: 2, color },
        itemStyle: { color },
        areaStyle: { color, opacity: 0.08 },
      }],
    });
  }
}
