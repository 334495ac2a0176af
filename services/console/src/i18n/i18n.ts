import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { fr } from './fr';

/** French by default: the only language for now; a second one adds a resource with the same keys. */
export function initI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: { fr: { translation: fr } },
    lng: 'fr',
    fallbackLng: 'fr',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
