import { t } from './i18n.js';

/** The band behind a stage's steps, named (folded, it says how many steps it holds). */
export function BandNode({ data }) {
  const { stage, count, collapsed } = data;
  return (
    <div className={`band band-${stage}${collapsed ? ' collapsed' : ''}`} data-band={stage}>
      <div className="band-title"><span>{t(`stage-${stage}`)}</span>{collapsed && <small>{t('folded')}（{count}）</small>}</div>
    </div>
  );
}
