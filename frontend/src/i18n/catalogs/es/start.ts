/** Signing up and in, verifying, the app shell, shared components and the PWA (install, push, offline). */
import type { Catalog } from '../../i18n';

const start: Catalog = {
  // Words shared by several areas.
  Back: 'Volver',
  Cancel: 'Cancelar',
  Close: 'Cerrar',
  Notifications: 'Notificaciones',
  'Notification settings': 'Ajustes de notificaciones',
  Reload: 'Recargar',
  Save: 'Guardar',
  'Saved.': 'Guardado.',
  'Try again': 'Intentar de nuevo',
  'Your account': 'Tu cuenta',
  'Your name': 'Tu nombre',

  // The shell.
  'Skip to content': 'Saltar al contenido',
  More: 'Más',
  'A new version is ready': 'Hay una versión nueva',

  // Landing.
  Welcome: 'Te damos la bienvenida',
  'Friends who show up when you cry': 'Amistades que aparecen cuando lloras',
  'Shoulder is for a small circle of trusted friends. When one of you needs the others, you reach out in two taps, and they answer with one.':
    'Shoulder es para un círculo pequeño de amistades de confianza. Cuando alguien necesita a los demás, lo pide con dos toques, y le responden con uno.',
  "Say how you'd like them there: come over, call, text, or just sit with you.":
    'Di cómo te gustaría que estuvieran: que vengan, que te llamen, que te escriban o que simplemente te acompañen.',
  'No need to explain. Nobody is trying to fix anything.': 'No hace falta explicar nada. Nadie intenta arreglarte.',
  'Only the people you invite. No feed, no strangers.': 'Solo las personas que invitas. Sin muro, sin desconocidos.',
  'Sign up': 'Crear cuenta',
  'Got an invite from a friend? Open their link to join their circle.':
    '¿Te invitó alguien? Abre su enlace para entrar en su círculo.',

  // Log in.
  'Welcome back': 'Qué bueno verte de nuevo',
  'No passkey was used. You can try again, or log in with your email and password.':
    'No se usó ninguna llave de acceso. Puedes intentarlo otra vez, o entrar con tu correo y tu contraseña.',
  "We couldn't finish logging you in. Please try again in a moment.":
    'No pudimos terminar de abrir tu sesión. Inténtalo de nuevo en un momento.',
  "We couldn't log you in with that passkey. Try your email and password.":
    'No pudimos abrir tu sesión con esa llave de acceso. Prueba con tu correo y tu contraseña.',
  'Your password is changed. Log in with your new password.': 'Tu contraseña ya cambió. Entra con la nueva.',
  'Your email is confirmed. Log in to carry on.': 'Tu correo está confirmado. Entra para seguir.',
  'Forgot password?': '¿Olvidaste tu contraseña?',
  'New here? <0>Sign up</0>': '¿Eres nuevo aquí? <0>Crea tu cuenta</0>',

  // Sign up.
  'Create your account': 'Crea tu cuenta',
  'Shoulder is for a few people you trust, for the days when one of you needs the others.':
    'Shoulder es para unas pocas personas de confianza, para los días en que alguien necesita a los demás.',
  'What your friends call you.': 'Como te llaman tus amistades.',
  'At least 10 characters. A few words strung together works well.':
    'Al menos 10 caracteres. Unas cuantas palabras seguidas funcionan bien.',
  'Create account': 'Crear mi cuenta',
  'Already have an account? <0>Log in</0>': '¿Ya tienes cuenta? <0>Entra</0>',

  // Verify.
  'Verify your email': 'Confirma tu correo',
  "That code can't be used any more (too many tries, or it expired). In a few minutes, log in again and we'll send you a new one.":
    'Ese código ya no sirve (demasiados intentos, o caducó). Dentro de unos minutos, vuelve a entrar y te enviaremos uno nuevo.',
  'We sent you a new code. It can take a minute to arrive.':
    'Te enviamos un código nuevo. Puede tardar un minuto en llegar.',
  "We sent a short code to <0>{address}</0>. Type it here to confirm it's really you.":
    'Enviamos un código corto a <0>{address}</0>. Escríbelo aquí para confirmar que eres tú.',
  "We sent a short code to your email. Type it here to confirm it's really you.":
    'Enviamos un código corto a tu correo. Escríbelo aquí para confirmar que eres tú.',
  'Log in again for a new code': 'Entrar de nuevo para recibir otro código',
  Verify: 'Confirmar',
  'Nothing arrived? Check your spam folder, or ask for a new one.':
    '¿No te llegó nada? Mira en la carpeta de spam, o pide uno nuevo.',
  'Wrong email? <0>Sign up with another address</0>': '¿Correo equivocado? <0>Crea la cuenta con otra dirección</0>',

  // Offline and errors.
  "You're offline": 'Estás sin conexión',
  "We can't reach Shoulder right now.": 'Ahora mismo no podemos conectar con Shoulder.',
  'Check your Wi-Fi or mobile data, then try again. Your friends are still there — you can call or text them from your phone as usual.':
    'Revisa el wifi o los datos móviles y vuelve a intentarlo. Tus amistades siguen ahí: puedes llamarles o escribirles desde tu teléfono como siempre.',
  'See crisis resources': 'Ver ayuda en crisis',
  'You seem to be offline. Check your connection and try again — the crisis page still works.':
    'Parece que estás sin conexión. Revisa tu conexión y vuelve a intentarlo; la página de ayuda en crisis sigue funcionando.',
  'Please log in again to carry on.': 'Vuelve a entrar para seguir.',
  "We couldn't find that. It may have been removed.": 'No lo encontramos. Puede que ya no exista.',
  'That already happened. Please reload and try again.': 'Eso ya pasó. Recarga la página y vuelve a intentarlo.',
  'That was a lot of tries. Please wait a little, then try again.':
    'Fueron muchos intentos. Espera un poco y vuelve a intentarlo.',
  'Something went wrong on our side. Please try again in a moment.':
    'Algo falló de nuestro lado. Vuelve a intentarlo en un momento.',
  'Something went wrong. Please try again.': 'Algo salió mal. Vuelve a intentarlo.',
  'Nothing was changed.': 'No se cambió nada.',

  // Devices, by their browser.
  'A browser': 'Un navegador',
  'An app': 'Una app',
  '{browser} on {system}': '{browser} en {system}',

  // Install and first steps.
  'Keep Shoulder on your phone': 'Ten Shoulder en tu teléfono',
  'Open it from your home screen, like any app, when you need your people.':
    'Ábrelo desde la pantalla de inicio, como cualquier app, cuando necesites a tu gente.',
  'Install Shoulder': 'Instalar Shoulder',
  'Add Shoulder to your Home Screen': 'Añade Shoulder a tu pantalla de inicio',
  'Tap the <0>Share</0> button (the square with an arrow) in Safari.':
    'Toca el botón <0>Compartir</0> (el cuadrado con una flecha) en Safari.',
  'Choose <0>Add to Home Screen</0>.': 'Elige <0>Añadir a pantalla de inicio</0>.',
  'Tap <0>Add</0>.': 'Toca <0>Añadir</0>.',
  'Notifications from your circle on iPhone work once Shoulder is on your Home Screen.':
    'En iPhone, los avisos de tu círculo llegan cuando Shoulder está en tu pantalla de inicio.',
  'Not now': 'Ahora no',
  'First step': 'Primer paso',
  'Put Shoulder on your home screen': 'Pon Shoulder en tu pantalla de inicio',
  'Then it’s one tap away when you need your people — and on iPhone, it’s how notifications can reach you.':
    'Así estará a un toque cuando necesites a tu gente; y en iPhone, es la forma de que te lleguen las notificaciones.',
  'Add to home screen': 'Añadir a la pantalla de inicio',
  'Choose <0>Add to Home Screen</0>, then tap <1>Add</1>.':
    'Elige <0>Añadir a pantalla de inicio</0> y luego toca <1>Añadir</1>.',
  'In your browser’s menu, choose <0>Add to Home screen</0> or <1>Install app</1>.':
    'En el menú del navegador, elige <0>Añadir a pantalla de inicio</0> o <1>Instalar aplicación</1>.',
  'I’ve done it': 'Ya lo hice',
  'Skip for now': 'Saltar por ahora',
  'Turn on notifications': 'Activar las notificaciones',
  'So this phone tells you when someone in your circle reaches out — the one thing that matters most.':
    'Para que este teléfono te avise cuando alguien de tu círculo te busque: lo más importante de todo.',
  'On iPhone, this works once Shoulder is on your Home Screen: open it from there.':
    'En iPhone, esto funciona cuando Shoulder está en tu pantalla de inicio: ábrelo desde ahí.',
  'Choose what you hear about': 'Elige de qué quieres enterarte',
  'Notifications are off for Shoulder in this browser. You can allow them in its settings later.':
    'Las notificaciones de Shoulder están desactivadas en este navegador. Puedes permitirlas más tarde en sus ajustes.',
  'That didn’t work. You can try again from your account.': 'No funcionó. Puedes intentarlo de nuevo desde tu cuenta.',
  "Shoulder's background helper isn't running in this browser yet. Reload the page and try again.":
    'El ayudante de Shoulder aún no está funcionando en este navegador. Recarga la página y vuelve a intentarlo.',
  "Your browser didn't finish setting up notifications. Please try again in a moment.":
    'Tu navegador no terminó de preparar las notificaciones. Vuelve a intentarlo en un momento.',
  "This browser can't show notifications from Shoulder.": 'Este navegador no puede mostrar notificaciones de Shoulder.',
  'Go home': 'Ir al inicio',
  'Send a nudge': 'Enviar un «pienso en ti»',
  Share: 'Compartir',
  'Yes, delete it': 'Sí, eliminarlo',
  'No need to explain': 'Sin tener que explicar nada',
};

export default start;
