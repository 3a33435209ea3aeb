import { t } from './i18n.js';

/**
 * The activity types of GET /api/activity-types: drag one onto the canvas, or click one and then the
 * canvas where it goes (a click alone changes nothing, so it never makes a draft). Below them, its children (the overview).
 */
export function Palette({ types, armed, onArm, children }) {
  return (
    <aside className="palette">
      <h2>{t('palette')}</h2>
      <p className="hint">{armed ? t('placeHint') : t('paletteHint')}</p>
      {types.map((type) => (
        <button
          key={type.type}
          type="button"
          className={`palette-item${armed === type.type ? ' armed' : ''}`}
          aria-pressed={armed === type.type}
          data-type={type.type}
          draggable
          onDragStart={(e) => { e.dataTransfer.setData('application/x-activity-type', type.type); e.dataTransfer.effectAllowed = 'move'; }}
          onClick={() => onArm(armed === type.type ? null : type.type)}
        >
          {type.label}
        </button>
      ))}
      <div className="palette-foot">{children}</div>
    </aside>
  );
}
