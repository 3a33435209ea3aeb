import { t } from './i18n.js';

/** The activity types of GET /api/activity-types: drag one onto the canvas, or click to add it. */
export function Palette({ types, onAdd }) {
  return (
    <aside className="palette">
      <h2>{t('palette')}</h2>
      <p className="hint">{t('paletteHint')}</p>
      {types.map((type) => (
        <button
          key={type.type}
          type="button"
          className="palette-item"
          data-type={type.type}
          draggable
          onDragStart={(e) => { e.dataTransfer.setData('application/x-activity-type', type.type); e.dataTransfer.effectAllowed = 'move'; }}
          onClick={() => onAdd(type.type)}
        >
          {type.label}
        </button>
      ))}
    </aside>
  );
}
