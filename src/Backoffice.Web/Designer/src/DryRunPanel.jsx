import { useEffect, useState } from 'react';
import { api, problemLines } from './api.js';
import { describedOrder, initialValues } from './describedOrder.js';
import { outcomesOf } from './graph.js';
import { choiceLabel, outcomeLabel } from './labels.js';
import { chinaTime, t } from './i18n.js';

const waitingTypes = new Set(['human-task', 'wait-for-applicant', 'wait-for-event']);

/** One field of the described order, with the editor of its kind; a choice may be left unset. */
function OrderFieldInput({ field, value, onChange }) {
  const props = { 'aria-label': field.path, 'data-order-field': field.path, value, onChange: (e) => onChange(e.target.value) };
  return (
    <label>{field.label}
      {field.choices ? (
        <select {...props}>
          <option value="">{t('unset')}</option>
          {field.choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
        </select>
      ) : <input type={field.kind === 'number' ? 'number' : 'text'} min={field.kind === 'number' ? 1 : undefined} {...props} />}
    </label>
  );
}

/**
 * The simulated outcomes of one waiting step, one pick per visit from the outcomes the step offers (shown by label);
 * the last pick repeats on later visits.
 */
function OutcomePlan({ activity, offered, plan, onChange }) {
  const visits = plan.length ? plan : [offered[0] ?? ''];
  const name = activity.name || activity.id;
  return (
    <div className="outcome-plan" data-simulate={activity.id}>
      <span>{name}</span>
      {visits.map((value, i) => (
        <span key={i} className="outcome-visit">
          {visits.length > 1 && <span className="hint">{t('visit').replace('{n}', i + 1)}</span>}
          <select aria-label={`${name} ${t('visit').replace('{n}', i + 1)}`} data-testid={`simulate-${activity.id}-${i + 1}`} value={value}
            onChange={(e) => onChange(visits.map((v, j) => (j === i ? e.target.value : v)))}>
            {offered.map((o) => <option key={o} value={o}>{outcomeLabel(o)}</option>)}
          </select>
          {i > 0 && <button type="button" aria-label={t('removeVisit').replace('{n}', i + 1)} onClick={() => onChange(visits.filter((_, j) => j !== i))}>×</button>}
        </span>
      ))}
      <button type="button" data-testid={`add-visit-${activity.id}`} onClick={() => onChange([...visits, visits[visits.length - 1]])}>{t('laterVisit')}</button>
    </div>
  );
}

/** A sample order (picked or described), simulated outcomes and clock; plays the edited definition and shows the path. */
export function DryRunPanel({ definitionId, doc, types, reference, onResult, onClose }) {
  const [orders, setOrders] = useState([]);
  const [orderId, setOrderId] = useState('');
  const [described, setDescribed] = useState(() => initialValues(reference.orderFields, doc.filingType));
  const [startAt, setStartAt] = useState('');
  const [hours, setHours] = useState(1);
  const [outcomes, setOutcomes] = useState({});
  const [result, setResult] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => { api.orders(doc.filingType).then((r) => setOrders(r.items ?? [])).catch(() => setOrders([])); }, [doc.filingType]);

  const run = async () => {
    setError(null);
    const planned = Object.fromEntries(Object.entries(outcomes).filter(([, list]) => list.length));
    const body = {
      definition: doc, outcomes: planned, answerAfterWorkingHours: Number(hours),
      startAt: startAt ? new Date(startAt).toISOString() : undefined,
      ...(orderId ? { orderId } : { order: describedOrder(described) }),
    };
    try {
      const r = await api.dryRun(definitionId, body);
      setResult(r);
      onResult(r);
    } catch (e) { setError(problemLines(e)); }
  };
  const waiting = doc.activities.filter((a) => waitingTypes.has(a.type));
  const statusLabel = (code) => reference.statuses.find((s) => s.value === code)?.label ?? code;
  // A waiting step's note names its team, the applicant's action or the awaited event: shown by label.
  const noteOf = (s) => {
    if (s.type === 'human-task') return reference.teams.find((x) => x.value === s.note)?.label ?? s.note;
    if (s.type === 'wait-for-applicant') return choiceLabel('action', s.note);
    if (s.type === 'wait-for-event') return choiceLabel('event', s.note);
    return s.note;
  };
  return (
    <section className="drawer" data-testid="dry-run">
      <header><h2>{t('dryRun')}</h2><button type="button" onClick={() => { onResult(null); onClose(); }}>{t('close')}</button></header>
      <div className="dry-run-form">
        <fieldset>
          <legend>{t('sample')}</legend>
          <label>{t('pickOrder')}
            <select aria-label="sample-order" value={orderId} onChange={(e) => setOrderId(e.target.value)}>
              <option value="">{t('describe')}</option>
              {orders.map((o) => <option key={o.id} value={o.id}>{o.orderNumber} · {statusLabel(o.status)}</option>)}
            </select>
          </label>
          {!orderId && reference.orderFields.map((field) => (
            <OrderFieldInput key={field.path} field={field} value={described[field.path]}
              onChange={(value) => setDescribed({ ...described, [field.path]: value })} />
          ))}
          <label>{t('startAt')}<input type="datetime-local" value={startAt} onChange={(e) => setStartAt(e.target.value)} /></label>
          <label>{t('answerHours')}<input type="number" min="0" value={hours} onChange={(e) => setHours(e.target.value)} /></label>
        </fieldset>
        <fieldset>
          <legend>{t('simulatedOutcomes')}</legend>
          {waiting.map((a) => (
            <OutcomePlan key={a.id} activity={a} offered={outcomesOf(a, types)} plan={outcomes[a.id] ?? []}
              onChange={(list) => setOutcomes({ ...outcomes, [a.id]: list })} />
          ))}
        </fieldset>
        <button type="button" className="primary" onClick={run}>{t('run')}</button>
      </div>
      {error && <ul className="field-error">{error.map((e) => <li key={e}>{e}</li>)}</ul>}
      {result && (
        <div data-testid="dry-run-result">
          <p>{t('result')}: <strong>{result.result ? choiceLabel('result', result.result) : result.error}</strong> {result.finishedAt && chinaTime(result.finishedAt)}</p>
          <ol className="dry-run-steps">
            {result.steps.map((s, i) => (
              <li key={i} data-activity={s.activityId}>
                {s.name || s.activityId} → {s.outcome ? s.outcome.split(',').map(outcomeLabel).join('、') : ''} <span className="hint">{chinaTime(s.at)}</span>
                {s.dueAt && <span className={s.overdue ? 'field-error' : 'hint'}> · {t('due')} {chinaTime(s.dueAt)}{s.overdue ? ` (${t('overdue')})` : ''}</span>}
                {s.note && <div className="hint">{noteOf(s)}</div>}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
