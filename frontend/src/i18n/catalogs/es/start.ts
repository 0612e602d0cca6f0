/** Signing up and in, verifying, the app shell, shared components and the PWA (install, push, offline). */
import type { Catalog } from '../../i18n';

const start: Catalog = {
  // Words shared by several areas (circles, notes, check-ins, the shell).
  Cancel: 'Cancelar',
  'Go home': 'Ir al inicio',
  Notifications: 'Notificaciones',
  'Not now': 'Ahora no',
  Save: 'Guardar',
  'Saved.': 'Guardado.',
  'Send a nudge': 'Enviar un toque',
  Share: 'Compartir',
  'Something went wrong. Please try again.': 'Algo salió mal. Vuelve a intentarlo.',
  'Yes, delete it': 'Sí, eliminarlo',
};

export default start;
