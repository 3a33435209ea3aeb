import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './designer.css';
import { App } from './App.jsx';

const root = document.getElementById('designer');
createRoot(root).render(<StrictMode><App initialId={new URLSearchParams(window.location.search).get('id') ?? root.dataset.definition} /></StrictMode>);
