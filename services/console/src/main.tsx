import '@mantine/core/styles.css';
import './console.css';
import { createRoot } from 'react-dom/client';
import { ConsoleApp } from './app/ConsoleApp';
import { loadRuntimeConfig } from './config/runtime-config';
import { initI18n } from './i18n/i18n';

const i18n = initI18n();
const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
const root = createRoot(container);

loadRuntimeConfig().then(
  (config) => root.render(<ConsoleApp config={config} />),
  (error: Error) => {
    // Before React and Mantine: plain text, still in French.
    container.textContent = i18n.t('app.startupError', { message: error.message });
    container.setAttribute('role', 'alert');
  },
);
