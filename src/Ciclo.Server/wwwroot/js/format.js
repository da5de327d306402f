// Numbers and dates through Intl with the pinned locale of the UI language.
import { locale } from './i18n.js';

export const NONE = '—';
const cache = new Map();

function nf(options) {
  const key = locale() + JSON.stringify(options);
  // Always group thousands (it-IT would otherwise leave 4-digit numbers ungrouped), as the CLI does.
  if (!cache.has(key)) cache.set(key, new Intl.NumberFormat(locale(), { useGrouping: 'always', ...options }));
  return cache.get(key);
}

function df(options) {
  const key = 'd' + locale() + JSON.stringify(options);
  if (!cache.has(key)) cache.set(key, new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', ...options }));
  return cache.get(key);
}

const isNum = (v) => typeof v === 'number' && Number.isFinite(v);

/** A fraction as a percentage with one decimal (0.0176 -> 1.8%). */
export function percent(v, { signed = false } = {}) {
  if (!isNum(v)) return NONE;
  return nf({ style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: signed ? 'exceptZero' : 'auto' }).format(v);
}

/** An amount with two decimals followed by the currency code, as the CLI writes it (1,234.56 EUR). */
export function money(v, currency) {
  if (!isNum(v)) return NONE;
  const amount = decimal(v, 2);
  return currency ? `${amount}\u00a0${currency}` : amount;
}

/** A count with grouping. */
export function count(v) {
  if (!isNum(v)) return NONE;
  return nf({ maximumFractionDigits: 0 }).format(v);
}

export function decimal(v, digits = 1) {
  if (!isNum(v)) return NONE;
  return nf({ minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
}

/** A value of a catalog unit: ratio, currency, count, score or days. */
export function value(unit, v, currency) {
  switch (unit) {
    case 'ratio': return percent(v);
    case 'currency': return money(v, currency);
    case 'count': return count(v);
    case 'score':
    case 'days': return decimal(v, 1);
    default: return isNum(v) ? nf({ maximumFractionDigits: 2 }).format(v) : NONE;
  }
}

/** Shorter labels for chart axes, in the same locale and digits. */
export function axis(unit) {
  switch (unit) {
    case 'ratio': return (v) => nf({ style: 'percent', maximumFractionDigits: 1 }).format(v);
    case 'currency':
    case 'count': return (v) => nf({ maximumFractionDigits: 0 }).format(v);
    default: return (v) => nf({ maximumFractionDigits: 1 }).format(v);
  }
}

function parseDay(day) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day || '');
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
}

/** A calendar day (YYYY-MM-DD) as a readable date. */
export function date(day, style = 'medium') {
  const d = parseDay(day);
  return d ? df({ dateStyle: style }).format(d) : (day || NONE);
}

/** A period's label: month name and year for months, else the API label. */
export function period(p, grain, { short = false } = {}) {
  if (grain === 'month') {
    const d = parseDay(p.start) || parseDay(`${p.period}-01`);
    if (d) return df({ month: short ? 'short' : 'long', year: 'numeric' }).format(d);
  }
  return p.period;
}

/** A benchmark band's range: "10.0%–30.0%", "≥ 50.0%", "≤ 2.0%". */
export function bandRange(unit, low, high, currency) {
  const f = (v) => value(unit, v, currency);
  if (isNum(low) && isNum(high)) return `${f(low)}–${f(high)}`;
  if (isNum(low)) return `≥ ${f(low)}`;
  if (isNum(high)) return `≤ ${f(high)}`;
  return NONE;
}

export function languageName(code) {
  try {
    const names = new Intl.DisplayNames([locale()], { type: 'language' });
    return names.of(code) || code;
  } catch {
    return code;
  }
}
