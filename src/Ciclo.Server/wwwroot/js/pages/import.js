// Import: upload a file of one entity and show what was loaded and what was rejected.
import { h, rawValue } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import * as fmt from '../format.js';

export const needsCatalog = false;
const ENTITIES = ['customers', 'fx_rates', 'revenue', 'campaigns', 'campaign_events', 'surveys', 'leads', 'channel_stats', 'program_members'];
const COUNTS = ['read', 'inserted', 'updated', 'unchanged', 'repeated', 'rejected'];

function resultView(data) {
  const s = data.summary || {};
  const rejections = data.rejections || [];
  const unknown = s.unknown_columns || [];
  const entityLabel = ENTITIES.includes(s.entity) ? t(`entity.${s.entity}`) : (s.entity || '');
  const summary = h('dl', { class: 'summary' },
    COUNTS.map((k) => h('div', { class: `summary-item summary-${k}`, dataset: { field: k, value: rawValue(s[k]) } },
      h('dt', {}, t(`import.${k}`)), h('dd', {}, fmt.count(s[k])))),
    h('div', { class: 'summary-item summary-unknown', dataset: { field: 'unknown_columns' } },
      h('dt', {}, t('import.unknownColumns')),
      h('dd', {}, unknown.length ? unknown.map((c, i) => [i ? ', ' : '', h('code', {}, c)]) : t('import.none'))));
  const rows = rejections.map((r) => h('tr', { class: 'rejection', dataset: { line: rawValue(r.line), column: r.column || '', reason: r.reason || undefined } },
    h('td', { class: 'num' }, fmt.count(r.line)),
    h('td', {}, h('code', {}, r.column || '')),
    h('td', {}, h('bdi', { class: 'raw-value' }, r.value === null || r.value === undefined ? fmt.NONE : String(r.value))),
    h('td', { dir: 'auto' }, r.message || r.reason || '')));
  return h('section', { id: 'import-result', class: 'card', dataset: { rejected: rawValue(s.rejected ?? rejections.length) }, 'aria-labelledby': 'import-result-title' },
    h('h2', { id: 'import-result-title' }, t('import.summary', { file: s.file || '', entity: entityLabel })),
    summary,
    h('h3', {}, t('import.rejections')),
    rows.length
      ? h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t('import.rejections') },
        h('table', { class: 'data-table rejections' },
          h('thead', {}, h('tr', {}, ['import.line', 'import.column', 'import.value', 'import.message'].map((k) => h('th', { scope: 'col' }, t(k))))),
          h('tbody', {}, rows)))
      : h('p', { class: 'muted' }, t('import.noRejections')));
}

export async function render(root, ctx) {
  const entity = h('select', { id: 'i-entity', name: 'entity', required: true },
    ENTITIES.map((e) => h('option', { value: e }, `${t(`entity.${e}`)} (${e})`)));
  const file = h('input', { id: 'i-file', name: 'file', type: 'file', accept: '.csv,.jsonl,.parquet', class: 'file-input' });
  const fileName = h('span', { class: 'file-name muted', id: 'i-file-name' }, t('import.noFile'));
  file.addEventListener('change', () => {
    fileName.textContent = file.files && file.files.length ? file.files[0].name : t('import.noFile');
  });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'i-submit' }, t('import.submit'));
  const status = h('p', { class: 'muted', id: 'import-status', 'aria-live': 'polite' });
  const resultSlot = h('div', { class: 'import-result-slot' });
  const form = h('form', { id: 'import-form', class: 'import-form' },
    h('div', { class: 'field' }, h('label', { for: 'i-entity' }, t('import.entity')), entity),
    h('div', { class: 'field' }, h('span', { class: 'field-label', id: 'i-file-label' }, t('import.file')),
      h('div', { class: 'file-picker' }, file,
        h('label', { for: 'i-file', class: 'file-button', 'aria-describedby': 'i-file-name' }, t('import.choose')), fileName)),
    h('div', { class: 'field field-action' }, submit));
  root.append(h('h1', {}, t('import.heading')),
    h('section', { class: 'card' }, h('p', {}, t('import.intro')), form, status),
    resultSlot);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!file.files || !file.files.length) {
      status.textContent = t('import.chooseFile');
      return;
    }
    const body = new FormData();
    body.append('file', file.files[0], file.files[0].name);
    submit.disabled = true;
    ctx.clearErrors();
    status.textContent = t('import.uploading');
    document.body.dataset.loading = 'true';
    try {
      const data = await api(`imports/${encodeURIComponent(entity.value)}`, { method: 'POST', body });
      if (!ctx.isCurrent()) return;
      resultSlot.replaceChildren(resultView(data || {}));
      status.textContent = '';
    } catch (error) {
      status.textContent = '';
      ctx.report(error);
    } finally {
      submit.disabled = false;
      if (ctx.isCurrent()) document.body.dataset.loading = 'false';
    }
  });
}
