import { useEffect, useState } from 'react';
import { api } from './api.js';
import { ConditionBuilder } from './ConditionBuilder.jsx';
import { outcomesOf } from './graph.js';
import { choiceLabel, outcomeLabel } from './labels.js';
import { t, unitLabel, unitLabels } from './i18n.js';

function TemplateEditor({ value, onChange, placeholders }) {
  const [preview, setPreview] = useState('');
  useEffect(() => {
    if (!value) { setPreview(''); return undefined; }
    const timer = setTimeout(() => api.preview(value).then((r) => setPreview(r.text)).catch(() => setPreview('')), 300);
    return () => clearTimeout(timer);
  }, [value]);
  return (
    <div>
      <textarea rows={4} value={value ?? ''} onChange={(e) => onChange(e.target.value)} />
      <div className="hint">{t('placeholders')}: {placeholders.map((p) => (
        <button type="button" className="link" key={p} onClick={() => onChange(`${value ?? ''}${p}`)}>{p}</button>
      ))}</div>
      <div className="template-preview" data-testid="template-preview"><strong>{t('preview')}:</strong> {preview}</div>
    </div>
  );
}

function DurationEditor({ value, onChange, name }) {
  const amount = value?.amount ?? '';
  const unit = value?.unit ?? 'working-days';
  return (
    <div className="duration">
      <input aria-label={`${name}-amount`} type="number" min="0" step="any" value={amount}
        onChange={(e) => onChange(e.target.value === '' ? undefined : { amount: Number(e.target.value), unit })} />
      <select aria-label={`${name}-unit`} value={unit} onChange={(e) => onChange({ amount: amount === '' ? 1 : amount, unit: e.target.value })}>
        {Object.keys(unitLabels).map((u) => <option key={u} value={u}>{unitLabel(u)}</option>)}
      </select>
    </div>
  );
}

function ListEditor({ value, onChange, name }) {
  const [text, setText] = useState((value ?? []).join(', '));
  useEffect(() => setText((value ?? []).join(', ')), [value]);
  const commit = () => {
    const list = text.split(/[,，]/).map((s) => s.trim()).filter(Boolean);
    onChange(list.length ? list : undefined);
  };
  return <input aria-label={name} value={text} onChange={(e) => setText(e.target.value)} onBlur={commit}
    onKeyDown={(e) => { if (e.key === 'Enter') commit(); }} />;
}

/** The outcomes a human task offers, ticked from those the engine knows, by label; an unknown code stays listed, flagged. */
function OutcomesEditor({ value, onChange, offered, labels }) {
  const chosen = value ?? [];
  const unknown = chosen.filter((code) => !offered.includes(code));
  const toggle = (code, on) => {
    const list = on ? offered.filter((o) => o === code || chosen.includes(o)) : chosen.filter((c) => c !== code);
    onChange(list.length ? list : undefined);
  };
  return (
    <div className="outcome-choices" data-testid="outcome-choices">
      {[...offered, ...unknown].map((code) => (
        <label key={code} className={`checkbox ${offered.includes(code) ? '' : 'unknown'}`}>
          <input type="checkbox" data-outcome-choice={code} checked={chosen.includes(code)} onChange={(e) => toggle(code, e.target.checked)} />
          {labels[code] ?? code}
        </label>
      ))}
    </div>
  );
}

/** Return reasons of a human task: ticked from the catalogue; a code not in it (retired or mistyped) stays listed, flagged. */
function ReasonCodesEditor({ value, onChange, options }) {
  const chosen = value ?? [];
  const unknown = chosen.filter((code) => !options.some((o) => o.value === code));
  const toggle = (code, on) => {
    const list = on ? [...chosen, code] : chosen.filter((c) => c !== code);
    onChange(list.length ? list : undefined);
  };
  return (
    <div className="reason-codes" data-testid="reason-codes">
      {options.map((o) => (
        <label key={o.value} className="checkbox" title={o.value}>
          <input type="checkbox" data-reason={o.value} checked={chosen.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
          {o.label}
        </label>
      ))}
      {unknown.map((code) => (
        <label key={code} className="checkbox unknown" data-testid="reason-unknown">
          <input type="checkbox" data-reason={code} checked onChange={() => toggle(code, false)} />
          {code} <span className="hint">{t('unknownReason')}</span>
        </label>
      ))}
    </div>
  );
}

function Choice({ value, onChange, options, required, name }) {
  return (
    <select aria-label={name} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
      {(!required || !value) && <option value="">—</option>}
      {value && !options.some((o) => o.value === value) && <option value={value}>{value}</option>}
      {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
    </select>
  );
}

function PropertyEditor({ property, value, onChange, reference, error }) {
  const plain = (list) => list.map((v) => ({ value: v, label: choiceLabel(property.name, v) }));
  if (property.name === 'outcomes') {
    return <OutcomesEditor value={value} onChange={onChange} offered={reference.humanTaskOutcomes} labels={reference.outcomeLabels} />;
  }
  switch (property.kind) {
    case 'team': return <Choice name={property.name} value={value} onChange={onChange} options={reference.teams} required={property.required} />;
    case 'status': return <Choice name={property.name} value={value} onChange={onChange} options={reference.statuses} required={property.required} />;
    case 'definition': return <Choice name={property.name} value={value} onChange={onChange} options={reference.definitions} required={property.required} />;
    case 'choice': return <Choice name={property.name} value={value} onChange={onChange} options={plain(property.choices)} required={property.required} />;
    case 'duration': return <DurationEditor name={property.name} value={value} onChange={onChange} />;
    case 'text-list': return <ListEditor name={property.name} value={value} onChange={onChange} />;
    case 'reason-codes': return <ReasonCodesEditor value={value} onChange={onChange} options={reference.reasonCodes} />;
    case 'template': return <TemplateEditor value={value} onChange={onChange} placeholders={reference.placeholders} />;
    case 'expression': return <ConditionBuilder value={value} onChange={onChange} fields={reference.orderFields} error={error} />;
    default: return <input aria-label={property.name} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)} />;
  }
}

/** Edits the selected activity: name, each property with the editor of its kind, and where each outcome leads. */
export function PropertyPanel({ doc, selected, types, reference, errors, onChange, onConnect, onSetStart }) {
  const activity = doc.activities.find((a) => a.id === selected);
  if (!activity) return <aside className="panel"><h2>{t('properties')}</h2><p className="hint">{t('nothingSelected')}</p></aside>;
  const type = types[activity.type];
  const own = errors.filter((e) => e.activityId === activity.id);
  const returns = outcomesOf(activity, types).includes('return');
  const setProperty = (name, value) => {
    const properties = { ...activity.properties };
    if (value === undefined) delete properties[name]; else properties[name] = value;
    onChange({ ...activity, properties });
  };
  return (
    <aside className="panel" data-testid="property-panel">
      <h2>{type?.label ?? activity.type}</h2>
      <label>{t('id')}<input value={activity.id} readOnly /></label>
      <label>{t('name')}<input aria-label="name" value={activity.name ?? ''} onChange={(e) => onChange({ ...activity, name: e.target.value })} /></label>
      {doc.start === activity.id ? <p className="hint">{t('start')}</p>
        : <button type="button" onClick={() => onSetStart(activity.id)}>{t('setStart')}</button>}
      {type?.properties.filter((p) => p.kind !== 'reason-codes' || returns || activity.properties?.[p.name]).map((p) => {
        const error = own.find((e) => e.property === p.name);
        return (
          <div className={`field ${error ? 'invalid' : ''}`} key={p.name} data-property={p.name}>
            <span className="field-label">{p.label}{p.required ? ' *' : ''}</span>
            <PropertyEditor property={p} value={activity.properties?.[p.name]} onChange={(v) => setProperty(p.name, v)} reference={reference}
              error={error?.message} />
            {own.filter((e) => e.property === p.name && p.kind !== 'expression').map((e, i) => <div key={i} className="field-error">{e.message}</div>)}
          </div>
        );
      })}
      <h3>{t('outcomes')}</h3>
      {outcomesOf(activity, types).map((outcome) => {
        const link = doc.connections.find((c) => c.source === activity.id && c.outcome === outcome);
        return (
          <label key={outcome} className="outcome-target" data-outcome={outcome}>
            <span>{outcomeLabel(outcome)} →</span>
            <select aria-label={`outcome-${outcome}`} value={link?.target ?? ''} onChange={(e) => onConnect(activity.id, outcome, e.target.value || null)}>
              <option value="">{t('notConnected')}</option>
              {doc.activities.filter((a) => a.id !== activity.id).map((a) => <option key={a.id} value={a.id}>{a.name || a.id} ({a.id})</option>)}
            </select>
          </label>
        );
      })}
      {own.filter((e) => !e.property).map((e, i) => <div key={i} className="field-error">{e.message}</div>)}
    </aside>
  );
}
