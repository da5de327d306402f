// ECharts helpers: locale-aware axes, right-to-left time axes in Arabic, resize, readiness markers.
import { isRtl } from './i18n.js';
import * as fmt from './format.js';

const live = new Set();
export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "DejaVu Sans", Tahoma, sans-serif';
export const COLORS = ['#0f5b78', '#d9822b', '#3a9a5b', '#b8435a', '#7a5cc4', '#2aa4b8', '#8c6d1f', '#5f6b7a'];
export const CATEGORY_COLORS = { promoter: '#2e8b57', passive: '#a7a9ac', detractor: '#c0392b' };

const layouts = new WeakMap();
let measureContext = null;

function textWidth(text, size = 12) {
  if (!measureContext) measureContext = document.createElement('canvas').getContext('2d');
  measureContext.font = `${size}px ${FONT}`;
  return measureContext.measureText(String(text)).width;
}

/** How many lines a plain legend of these names needs in a container of this width. */
function legendLines(names, width) {
  const avail = Math.max(80, width - 20);
  let lines = 1;
  let used = 0;
  for (const name of names) {
    const w = 25 + 5 + textWidth(name) + 10;
    if (used > 0 && used + w > avail) { lines += 1; used = 0; }
    used += w;
  }
  return lines;
}

function legendNames(option) {
  if (!option.legend || option.legend.show === false) return [];
  if (option.legend.data) return option.legend.data;
  const seen = new Set();
  for (const s of option.series || []) if (s.name) seen.add(s.name);
  return [...seen];
}

/** Puts the (first) grid below a legend that may wrap over several lines. */
function layoutFor(el, option) {
  const names = legendNames(option);
  if (!names.length || !option.grid) return null;
  const lines = legendLines(names, el.clientWidth || 300);
  const grids = Array.isArray(option.grid) ? option.grid : [option.grid];
  const extra = grids[0].extraTop || 0;
  const top = 12 + lines * 22 + 14 + extra;
  const next = grids.map((g, i) => (i === 0 ? { ...g, top } : g));
  return { grid: Array.isArray(option.grid) ? next : next[0], top };
}

function relayout(chart, el, option) {
  const layout = layoutFor(el, option);
  if (layout) chart.setOption({ grid: layout.grid });
  const titles = option.title && Array.isArray(option.title) && layout
    ? option.title.map((tt, i) => (i === 0 ? { ...tt, top: layout.top - (option.grid[0].extraTop || 0) + 2 } : tt)) : null;
  if (titles) chart.setOption({ title: titles });
}

window.addEventListener('resize', () => live.forEach((chart) => {
  const saved = layouts.get(chart);
  chart.resize();
  if (saved) relayout(chart, saved.el, saved.option);
}));

export function disposeCharts() {
  live.forEach((chart) => chart.dispose());
  live.clear();
}

export const chartsAvailable = () => typeof window.echarts !== 'undefined';

/** Draws an option into a container and marks it data-ready with its series count. */
export function draw(el, option) {
  if (!chartsAvailable()) {
    el.dataset.ready = 'false';
    el.dataset.seriesCount = '0';
    return null;
  }
  const existing = window.echarts.getInstanceByDom(el);
  if (existing) { live.delete(existing); existing.dispose(); }
  const chart = window.echarts.init(el, null, { renderer: 'canvas' });
  const layout = layoutFor(el, option);
  chart.setOption({
    color: COLORS,
    animationDuration: 350,
    textStyle: { fontFamily: FONT },
    ...option,
    ...(layout ? { grid: layout.grid } : {}),
  });
  relayout(chart, el, option);
  live.add(chart);
  layouts.set(chart, { el, option });
  el.dataset.ready = 'true';
  el.dataset.seriesCount = String((option.series || []).length);
  return chart;
}

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** A category axis of periods; in Arabic it runs right to left. */
export function timeAxis(labels, extra = {}) {
  return {
    type: 'category',
    data: labels,
    inverse: isRtl(),
    axisLabel: { hideOverlap: true },
    axisTick: { alignWithLabel: true },
    ...extra,
  };
}

/** A value axis labelled with the unit's formatting; in Arabic the primary one is on the right. */
export function valueAxis(unit, { secondary = false, ...extra } = {}) {
  const start = isRtl() ? 'right' : 'left';
  const end = isRtl() ? 'left' : 'right';
  return {
    type: 'value',
    position: secondary ? end : start,
    axisLabel: { formatter: fmt.axis(unit) },
    splitLine: { show: !secondary },
    ...extra,
  };
}

export function grid(extra = {}) {
  return { left: 12, right: 12, top: 48, bottom: 12, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel', ...extra };
}

export function legend(extra = {}) {
  return { type: 'plain', top: 4, left: 'center', itemGap: 10, textStyle: { fontFamily: FONT, fontSize: 12 }, ...extra };
}

/**
 * An axis tooltip whose rows are built by rows(dataIndex) -> [{name, text, color}].
 * Everything is escaped; the box follows the page direction.
 */
export function tooltip(title, rows) {
  return {
    trigger: 'axis',
    confine: true,
    formatter(params) {
      const list = Array.isArray(params) ? params : [params];
      if (!list.length) return '';
      const index = list[0].dataIndex;
      const head = `<div class="tt-title">${escapeHtml(title(index))}</div>`;
      const body = rows(index).map((row) => `<div class="tt-row"><span class="tt-dot" style="background:${escapeHtml(row.color || '#999')}"></span>`
        + `<span class="tt-name">${escapeHtml(row.name)}</span><span class="tt-value">${escapeHtml(row.text)}</span></div>`).join('');
      return `<div class="tt" dir="${isRtl() ? 'rtl' : 'ltr'}">${head}${body}</div>`;
    },
  };
}
