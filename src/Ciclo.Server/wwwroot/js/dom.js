// Small DOM helpers. Text always goes through textContent, never innerHTML.

/** Creates an element: h('td', {class: 'x', dataset: {metric: 'nps'}}, 'text', child). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'dataset') {
      for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) el.dataset[k] = String(v);
    } else if (key === 'on') {
      for (const [event, handler] of Object.entries(value)) el.addEventListener(event, handler);
    } else if (key === 'text') el.textContent = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/** The raw API number as an attribute value: empty string for null. */
export function rawValue(value) {
  return value === null || value === undefined ? '' : String(value);
}

/** Replaces an element's children, skipping null and false. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}
