import { useCallback, useEffect, useRef, useState } from 'react';

/** A document with undo and redo: set() records a step, replace() changes without one (e.g. while dragging). */
export function useUndoable(initial) {
  const [state, setState] = useState({ past: [], present: initial, future: [] });
  const dragStart = useRef(null);

  const set = useCallback((update) => setState((s) => {
    const next = typeof update === 'function' ? update(s.present) : update;
    if (next === s.present) return s;
    const from = dragStart.current ?? s.present;
    dragStart.current = null;
    return { past: [...s.past.slice(-99), from], present: next, future: [] };
  }), []);

  const replace = useCallback((update) => setState((s) => {
    if (dragStart.current === null) dragStart.current = s.present;
    return { ...s, present: typeof update === 'function' ? update(s.present) : update };
  }), []);

  const reset = useCallback((doc) => { dragStart.current = null; setState({ past: [], present: doc, future: [] }); }, []);

  const undo = useCallback(() => setState((s) => (s.past.length === 0 ? s
    : { past: s.past.slice(0, -1), present: s.past[s.past.length - 1], future: [s.present, ...s.future] })), []);

  const redo = useCallback(() => setState((s) => (s.future.length === 0 ? s
    : { past: [...s.past, s.present], present: s.future[0], future: s.future.slice(1) })), []);

  return { doc: state.present, set, replace, reset, undo, redo, canUndo: state.past.length > 0, canRedo: state.future.length > 0 };
}

/** Ctrl+Z / Ctrl+Y (or Ctrl+Shift+Z) undo and redo, Ctrl+C / Ctrl+V copy and paste, Esc cancels placing a step; not while typing. */
export function useShortcuts({ undo, redo, copy, paste, cancel }) {
  useEffect(() => {
    const onKey = (e) => {
      if (e.key === 'Escape') cancel();
      if (e.target.closest('input, textarea, select') || !(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) { e.preventDefault(); undo(); }
      if (key === 'y' || (key === 'z' && e.shiftKey)) { e.preventDefault(); redo(); }
      if (key === 'c') copy();
      if (key === 'v') paste();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [undo, redo, copy, paste, cancel]);
}
