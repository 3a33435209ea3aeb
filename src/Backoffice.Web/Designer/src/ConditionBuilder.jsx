import { useMemo, useState } from 'react';
import { t } from './i18n.js';

const operators = [
  ['===', '='], ['!==', '≠'], ['>', '>'], ['>=', '≥'], ['<', '<'], ['<=', '≤'], ['includes', '∋'],
];

const quote = (value, kind) => (kind === 'number' && value !== '' && !Number.isNaN(Number(value)) ? String(Number(value)) : `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);

/** Writes the JavaScript expression of a list of rows joined by && or ||. */
export function writeExpression(rows, join, fields) {
  return rows.map((r) => {
    const kind = fields.find((f) => f.path === r.field)?.kind;
    return r.op === 'includes' ? `${r.field}.includes(${quote(r.value, kind)})` : `${r.field} ${r.op} ${quote(r.value, kind)}`;
  }).join(join === 'any' ? ' || ' : ' && ');
}

const clause = /^\s*(order(?:\.[A-Za-z]+)+)\s*(===|!==|>=|<=|>|<)\s*('(?:[^'\\]|\\.)*'|-?\d+(?:\.\d+)?)\s*$|^\s*(order(?:\.[A-Za-z]+)+)\.includes\(('(?:[^'\\]|\\.)*')\)\s*$/;

/** Reads an expression the builder wrote back into rows; null when it is beyond the builder (edit it directly). */
export function readExpression(expression) {
  if (!expression?.trim()) return { rows: [], join: 'all' };
  const join = expression.includes('||') ? 'any' : 'all';
  if (expression.includes('||') && expression.includes('&&')) return null;
  const rows = [];
  for (const part of expression.split(join === 'any' ? '||' : '&&')) {
    const m = clause.exec(part);
    if (!m) return null;
    const raw = m[3] ?? m[5];
    const value = raw.startsWith("'") ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    rows.push(m[1] ? { field: m[1], op: m[2], value } : { field: m[4], op: 'includes', value });
  }
  return { rows, join };
}

/** Field, operator, value rows over the order's fields that write the decision's expression; advanced users edit it directly. */
export function ConditionBuilder({ value, onChange, fields, error }) {
  const parsed = useMemo(() => readExpression(value), [value]);
  const [advanced, setAdvanced] = useState(parsed === null);
  const rows = parsed?.rows ?? [];
  const join = parsed?.join ?? 'all';
  const update = (nextRows, nextJoin = join) => onChange(writeExpression(nextRows, nextJoin, fields));
  const setRow = (i, patch) => update(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <div className="condition-builder">
      {!advanced && parsed && (
        <>
          <select aria-label="join" value={join} onChange={(e) => update(rows, e.target.value)}>
            <option value="all">{t('all')}</option>
            <option value="any">{t('any')}</option>
          </select>
          {rows.map((row, i) => {
            const field = fields.find((f) => f.path === row.field);
            return (
              <div className="condition-row" key={i}>
                <select aria-label="field" value={row.field} onChange={(e) => setRow(i, { field: e.target.value })}>
                  {!field && <option value={row.field}>{row.field}</option>}
                  {fields.map((f) => <option key={f.path} value={f.path}>{f.label}</option>)}
                </select>
                <select aria-label="operator" value={row.op} onChange={(e) => setRow(i, { op: e.target.value })}>
                  {operators.map(([op, label]) => <option key={op} value={op}>{label}</option>)}
                </select>
                {field?.choices ? (
                  <select aria-label="value" value={row.value} onChange={(e) => setRow(i, { value: e.target.value })}>
                    {!field.choices.some((c) => c.value === row.value) && <option value={row.value}>{row.value}</option>}
                    {field.choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
                  </select>
                ) : (
                  <input aria-label="value" value={row.value} onChange={(e) => setRow(i, { value: e.target.value })} />
                )}
                <button type="button" onClick={() => update(rows.filter((_, j) => j !== i))}>✕</button>
              </div>
            );
          })}
          <button type="button" onClick={() => update([...rows, { field: fields[0].path, op: '===', value: fields[0].choices?.[0]?.value ?? '' }])}>
            + {t('addCondition')}
          </button>
        </>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={advanced || !parsed} disabled={!parsed} onChange={(e) => setAdvanced(e.target.checked)} />
        {t('advanced')}
      </label>
      {(advanced || !parsed) && (
        <textarea aria-label="expression" className="code" rows={3} value={value ?? ''} onChange={(e) => onChange(e.target.value)} />
      )}
      {!advanced && parsed && <code className="expression-preview">{value}</code>}
      {error && <div className="field-error" data-testid="expression-error">{error}</div>}
    </div>
  );
}
