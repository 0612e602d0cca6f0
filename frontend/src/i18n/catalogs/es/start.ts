/** Signing up and in, verifying, the app shell, shared components and the PWA (install, push, offline). */
import type { Catalog } from '../../i18n';

const start: Catalog = {
  // Shared by home, sessions and circles (added with the check-in screens).
  'No need to explain': 'Sin tener que explicar nada',
  'Go home': 'Ir al inicio',
  'Your circles': 'Tus círculos',
  'Create a circle': 'Crear un círculo',
  'Send a nudge': 'Enviar un «pienso en ti»',
};

export default start;
