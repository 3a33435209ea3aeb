import { Handle, Position } from '@xyflow/react';
import { t, unitLabel } from './i18n.js';
import { outcomeLabel } from './labels.js';

const duration = (d) => (d && typeof d === 'object' ? `${d.amount} ${unitLabel(d.unit)}` : null);

/** An activity on the canvas: name, type, team and SLA; one handle per outcome; its errors, waiting orders and dry-run step. */
export function ActivityNode({ data, selected }) {
  const { activity, typeLabel, outcomes, errors, waiting, isStart, diff, focused, visits, teamLabel } = data;
  const classes = ['activity', `activity-${activity.type}`];
  if (selected) classes.push('selected');
  if (errors.length) classes.push('has-errors');
  if (diff) classes.push(`diff-${diff}`);
  if (focused) classes.push('focused');
  if (visits?.length) classes.push('on-path');
  const sla = duration(activity.properties?.sla ?? activity.properties?.deadline ?? activity.properties?.duration ?? activity.properties?.timeout);
  return (
    <div className={classes.join(' ')} data-activity={activity.id} title={errors.map((e) => e.message).join('\n')}>
      <Handle type="target" position={Position.Top} />
      <div className="activity-head">
        <span className="activity-type">{typeLabel}{isStart ? ` · ${t('start')}` : ''}</span>
        {errors.length > 0 && <span className="badge badge-error" data-testid="error-badge">{errors.length}</span>}
        {waiting > 0 && <span className="badge badge-waiting" data-testid="waiting-badge" title={t('waiting')}>{waiting} {t('waiting')}</span>}
      </div>
      <div className="activity-name">{activity.name || activity.id}</div>
      <div className="activity-meta">
        {teamLabel && <span>{teamLabel}</span>}
        {sla && <span>{t('due')} {sla}</span>}
      </div>
      {visits?.length > 0 && <div className="activity-path" data-testid="path-step">{visits.map((v) => `#${v.index} ${v.outcome ? outcomeLabel(v.outcome) : ''}${v.dueAt ? ` · ${t('due')} ${v.dueAt}` : ''}`).join('  ')}</div>}
      {errors.length > 0 && <div className="activity-errors">{errors.map((e, i) => <div key={i}>{e.message}</div>)}</div>}
      <div className="outcomes">
        {outcomes.map((o) => (
          <div key={o} className="outcome">
            <span>{outcomeLabel(o)}</span>
            <Handle type="source" id={o} position={Position.Bottom} className="outcome-handle" />
          </div>
        ))}
      </div>
    </div>
  );
}
