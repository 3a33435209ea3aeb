import { t } from './i18n.js';

/** The band behind a stage's steps, named; the follow-up band folds away and back. */
export function BandNode({ data }) {
  const { stage, count, collapsed, onToggle } = data;
  return (
    <div className={`band band-${stage}${collapsed ? ' collapsed' : ''}`} data-band={stage}>
      <div className="band-title">
        <span>{t(`stage-${stage}`)}</span>
        {onToggle && (
          <button type="button" className="band-toggle nodrag" data-testid="band-toggle" onClick={onToggle}>
            {collapsed ? `${t('expand')}（${count}）` : t('collapse')}
          </button>
        )}
      </div>
    </div>
  );
}
