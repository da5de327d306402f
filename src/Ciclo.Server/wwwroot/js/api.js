// The /api client: X-Api-Key from sessionStorage, ProblemDetails errors.

const KEY_STORAGE = 'ciclo.apiKey';

export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title || '';
    this.detail = detail || '';
  }
  get isAuth() { return this.status === 401 || this.status === 403; }
}

export const getKey = () => sessionStorage.getItem(KEY_STORAGE) || '';
export const setKey = (key) => (key ? sessionStorage.setItem(KEY_STORAGE, key) : sessionStorage.removeItem(KEY_STORAGE));

export function apiUrl(path, params) {
  const url = new URL(`api/${path}`, document.baseURI);
  for (const [name, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && value !== '') url.searchParams.set(name, String(value));
  }
  // The server writes its messages (rejection reasons, refused files) in the page's language.
  if (!url.searchParams.has('lang') && document.documentElement.lang) url.searchParams.set('lang', document.documentElement.lang);
  return url;
}

/** GET (or POST with body) /api/{path}; resolves to the JSON body, rejects with ApiError. */
export async function api(path, { params, method = 'GET', body, signal } = {}) {
  const headers = { Accept: 'application/json' };
  const key = getKey();
  if (key) headers['X-Api-Key'] = key;
  let response;
  try {
    response = await fetch(apiUrl(path, params), { method, body, headers, signal, cache: 'no-store' });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, '', '');
  }
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (!response.ok) {
    throw new ApiError(response.status, data && data.title, data && (data.detail || data.title));
  }
  return data;
}
