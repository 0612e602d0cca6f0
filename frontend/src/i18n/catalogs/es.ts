/**
 * Shoulder in Spanish. Keys are the English source, exactly as written in the code; values
 * are written for someone on a hard day: warm and plain, "tú", never word for word.
 * `frontend/test/i18n.test.ts` fails when a marked string has no entry here, or an entry
 * no string uses, or the placeholders differ.
 */
import type { Catalog } from '../i18n';

const es: Catalog = {
  Language: 'Idioma',
  'What Shoulder says to you, on this device and in notifications and emails.':
    'Cómo te habla Shoulder, en este dispositivo y en las notificaciones y los correos.',
  'Could not save your language. Try again.': 'No pudimos guardar tu idioma. Inténtalo de nuevo.',
};

export default es;
