// UI strings and locales. Metric names and definitions come from the API catalog, not from here.

export const LANGS = ['en', 'it', 'ar'];
const LOCALES = { en: 'en-US', it: 'it-IT', ar: 'ar-SA-u-nu-arab-ca-gregory' };

let strings = {};
let current = 'en';
const cache = new Map();

export function detectLang(param) {
  if (LANGS.includes(param)) return param;
  for (const tag of navigator.languages || [navigator.language || '']) {
    const primary = String(tag).toLowerCase().split('-')[0];
    if (LANGS.includes(primary)) return primary;
  }
  return 'en';
}

export async function loadStrings(lang) {
  if (!cache.has(lang)) {
    const response = await fetch(new URL(`i18n/${lang}.json`, document.baseURI));
    if (!response.ok) throw new Error(`i18n/${lang}.json: ${response.status}`);
    cache.set(lang, await response.json());
  }
  strings = cache.get(lang);
  current = lang;
}

export const lang = () => current;
export const locale = (l = current) => LOCALES[l] || LOCALES.en;
export const isRtl = (l = current) => l === 'ar';

/** The string of a key with {name} placeholders filled in. A missing key shows itself. */
export function t(key, vars) {
  const text = Object.prototype.hasOwnProperty.call(strings, key) ? strings[key] : key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

/** Translates the static shell: data-i18n (text) and data-i18n-aria (aria-label). */
export function translateDocument(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-aria]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nAria)); });
}
