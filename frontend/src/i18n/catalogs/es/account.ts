/** The account, security, moderation, about and sign-in-help screens (src/account, src/moderation,
 * pages Account, DeleteAccount, About, NotFound, ForgotPassword, ResetPassword, LoginCode,
 * LoginSecondFactor). */
import type { Catalog } from '../../i18n';

const account: Catalog = {
  Language: 'Idioma',
  'What Shoulder says to you, on this device and in notifications and emails.':
    'Cómo te habla Shoulder, en este dispositivo y en las notificaciones y los correos.',
  'Could not save your language. Try again.': 'No pudimos guardar tu idioma. Inténtalo de nuevo.',
  'A circle': 'Un círculo',
  'A message': 'Un mensaje',
  'A moderator found it broke the community guidelines.':
    'Una persona moderadora vio que no respetaba las normas de la comunidad.',
  'A moderator will look at it. We never tell anyone who reported.':
    'Una persona moderadora lo revisará. Nunca le decimos a nadie quién lo reportó.',
  'A note': 'Una nota',
  'A person': 'Una persona',
  'A suspension': 'Una suspensión',
  'A warning': 'Un aviso',
  'Also block {name}': 'Bloquear también a {name}',
  "Anything you'd like us to know (optional)": 'Algo que quieras contarnos (opcional)',
  Appeal: 'Apelar',
  'Attacks on who someone is.': 'Ataques a alguien por quién es.',
  'Back to your account': 'Volver a tu cuenta',
  'Crisis resources': 'Ayuda en crisis',
  'Harassment or bullying': 'Acoso o intimidación',
  Hate: 'Odio',
  "I'm worried about their safety": 'Me preocupa su seguridad',
  'If they might be in danger right now, call your local emergency number. The crisis page has people you can call or text, for them or for you.':
    'Si puede estar en peligro ahora mismo, llama al número de emergencias de tu zona. En la página de ayuda en crisis hay personas a quienes puedes llamar o escribir, por esa persona o por ti.',
  "If you're still worried about them, <0>the crisis page</0> has people you can call or text, for them or for you.":
    'Si todavía te preocupa, en <0>la página de ayuda en crisis</0> hay personas a quienes puedes llamar o escribir, por esa persona o por ti.',
  "If you're worried about them": 'Si te preocupa esa persona',
  'Load more': 'Ver más',
  'My reports': 'Mis reportes',
  'Need help right now?': '¿Necesitas ayuda ahora mismo?',
  'Nothing here. Thank you for keeping your circles kind.': 'No hay nada aquí. Gracias por cuidar tus círculos.',
  'One moment…': 'Un momento…',
  'Pick what feels wrong, so we know what to look for.': 'Elige qué no está bien, para que sepamos qué revisar.',
  'Reach out to {name} yourself': 'Escribirle tú a {name}',
  'Reaching out yourself can mean a lot: a short “thinking of you” is enough. We never tell them who reported.':
    'Escribirle tú puede significar mucho: basta con un breve «pienso en ti». Nunca le decimos quién lo reportó.',
  Report: 'Reportar',
  'Report {what}': 'Reportar: {what}',
  'See why, and appeal': 'Ver por qué y apelar',
  'Send appeal': 'Enviar apelación',
  'Send report': 'Enviar reporte',
  'Sexual content': 'Contenido sexual',
  'Something else': 'Otra cosa',
  'Something you reported': 'Algo que reportaste',
  Spam: 'Spam',
  'Suspended until {when}.': 'Suspendida hasta el {when}.',
  'Thank you for telling us': 'Gracias por contárnoslo',
  'The 20 days to appeal this have passed.': 'Ya pasaron los 20 días para apelar esto.',
  'Was suspended until {when}.': 'Estuvo suspendida hasta el {when}.',
  'We looked again and kept this in place.': 'Lo revisamos otra vez y lo mantenemos.',
  'We looked again and took this back. Thank you for telling us.':
    'Lo revisamos otra vez y lo retiramos. Gracias por decírnoslo.',
  'We reviewed your report.': 'Revisamos tu reporte.',
  "We're looking at it. We'll let you know what we decide.": 'Lo estamos revisando. Te contaremos qué decidimos.',
  'We’ve got your report and a moderator will look at it. We never tell them who reported. You can follow it under “My reports”.':
    'Recibimos tu reporte y una persona moderadora lo revisará. Nunca le decimos a nadie quién lo reportó. Puedes seguirlo en «Mis reportes».',
  'What it was about ({what}):': 'De qué se trataba ({what}):',
  'What it was about:': 'De qué se trataba:',
  'What moderators decided about things you wrote or did. If you think something here is wrong, you can ask us to look again, once, within 20 days.':
    'Lo que decidió el equipo de moderación sobre cosas que escribiste o hiciste. Si crees que algo aquí no es justo, puedes pedirnos que lo revisemos otra vez, una sola vez, en un plazo de 20 días.',
  "What you've told us about, and what we did. We never tell anyone who reported.":
    'Lo que nos contaste y lo que hicimos. Nunca le decimos a nadie quién lo reportó.',
  "What's wrong?": '¿Qué no está bien?',
  'Why should we look again?': '¿Por qué deberíamos revisarlo otra vez?',
  'Why:': 'Por qué:',
  "You appealed. We'll look at it again.": 'Apelaste. Lo revisaremos otra vez.',
  'You can appeal once, until {when}. A moderator will read it.':
    'Puedes apelar una vez, hasta el {when}. Una persona moderadora lo leerá.',
  'You haven’t reported anything. If something feels wrong, “Report” is on notes, people and circles.':
    'No has reportado nada. Si algo no se siente bien, tienes «Reportar» en las notas, las personas y los círculos.',
  'You think they may hurt themselves.': 'Crees que puede hacerse daño.',
  "You've also blocked {name}.": 'También bloqueaste a {name}.',
  'Your account is suspended': 'Tu cuenta está suspendida',
  'Your account is suspended for now. You can still read everything.':
    'Tu cuenta está suspendida por ahora. Puedes seguir leyendo todo.',
  'Your account is suspended until {when}. You can still read everything and appeal below; writing, reaching out and answering are paused until then.':
    'Tu cuenta está suspendida hasta el {when}. Puedes seguir leyendo todo y apelar aquí abajo; escribir, pedir apoyo y responder quedan en pausa hasta entonces.',
  'Your account is suspended until {when}. You can still read everything.':
    'Tu cuenta está suspendida hasta el {when}. Puedes seguir leyendo todo.',
  'Your account was closed': 'Tu cuenta se cerró',
  'Your standing': 'Tu situación',
  'sent {when}': 'enviado el {when}',
  'A code from your authenticator app': 'Un código de tu app de autenticación',
  'A passkey lives on your phone or security key and is unlocked with your fingerprint, face or screen lock. It logs you in without a password.':
    'Una llave de acceso vive en tu teléfono o en una llave de seguridad y se desbloquea con tu huella, tu cara o el bloqueo de pantalla. Te deja entrar sin contraseña.',
  "A second step when you log in means a stolen password alone can't open your circles. Use an authenticator app, a passkey on this phone, or both.":
    'Con un segundo paso al entrar, una contraseña robada no basta para abrir tus círculos. Usa una app de autenticación, una llave de acceso en este teléfono, o las dos.',
  'Add a passkey': 'Añadir una llave de acceso',
  'An app like Google Authenticator, 1Password or Aegis shows a new six-digit code every 30 seconds.':
    'Una app como Google Authenticator, 1Password o Aegis muestra un código nuevo de seis cifras cada 30 segundos.',
  'Authenticator app': 'App de autenticación',
  'Change email': 'Cambiar el correo',
  'Change password': 'Cambiar la contraseña',
  Code: 'Código',
  'Code from the app': 'Código de la app',
  Confirm: 'Confirmar',
  "Confirm it's you": 'Confirma que eres tú',
  'Confirm new email': 'Confirmar el correo nuevo',
  'Current password': 'Contraseña actual',
  'Delete my account': 'Eliminar mi cuenta',
  'Download my data': 'Descargar mis datos',
  Email: 'Correo',
  'Everything your account holds — your circles, check-ins, answers and notes — in one file you can keep.':
    'Todo lo que guarda tu cuenta —tus círculos, tus peticiones, respuestas y notas— en un archivo que puedes conservar.',
  "I've saved them": 'Ya los guardé',
  "I've saved them — open the moderation tools": 'Ya los guardé — abrir las herramientas de moderación',
  "If you lose your phone, each of these logs you in once. Keep them somewhere safe, away from this phone. We won't show them again.":
    'Si pierdes el teléfono, cada uno te deja entrar una vez. Guárdalos en un lugar seguro, lejos de este teléfono. No volveremos a mostrarlos.',
  'Keep your account yours': 'Que tu cuenta siga siendo tuya',
  'Key:': 'Clave:',
  'Last seen {when}': 'Visto por última vez: {when}',
  'Login and security': 'Acceso y seguridad',
  'Make new recovery codes': 'Crear códigos de recuperación nuevos',
  'My passkey': 'Mi llave de acceso',
  'Name for the new passkey': 'Nombre de la llave de acceso nueva',
  'New email': 'Correo nuevo',
  'New password': 'Contraseña nueva',
  'No passkey was made. You can try again.': 'No se creó ninguna llave de acceso. Puedes intentarlo otra vez.',
  'On since {when}. When you log in, we ask for a code from the app.':
    'Activada desde el {when}. Al entrar, te pedimos un código de la app.',
  'Or a code from your authenticator app': 'O un código de tu app de autenticación',
  Passkeys: 'Llaves de acceso',
  Password: 'Contraseña',
  'QR code for your authenticator app': 'Código QR para tu app de autenticación',
  'Recovery codes': 'Códigos de recuperación',
  Remove: 'Quitar',
  'Saved as {file}.': 'Guardado como {file}.',
  'Scan this with your authenticator app, or type the key into it.':
    'Escanéalo con tu app de autenticación, o escribe la clave en ella.',
  'Search a city or region': 'Busca una ciudad o región',
  'Search time zones': 'Buscar zonas horarias',
  'Send a new code': 'Enviar un código nuevo',
  'Set up a second factor to carry on.': 'Configura un segundo paso para continuar.',
  'Set up an authenticator app': 'Configurar una app de autenticación',
  'Sign out the others': 'Cerrar las demás sesiones',
  'Signed out everywhere else.': 'Cerraste la sesión en todos los demás sitios.',
  'So you can tell them apart, e.g. “My phone”.': 'Para distinguirlas, por ejemplo «Mi teléfono».',
  'The moderation tools open once your account has a second factor. Set one up below.':
    'Las herramientas de moderación se abren cuando tu cuenta tiene un segundo paso. Configúralo aquí abajo.',
  'The passkey “{name}” is removed.': 'Se quitó la llave de acceso «{name}».',
  "This browser can't make passkeys.": 'Este navegador no puede crear llaves de acceso.',
  'This device': 'Este dispositivo',
  "This is a big change, so we check it's really you. It only takes a moment.":
    'Es un cambio importante, así que comprobamos que de verdad eres tú. Solo lleva un momento.',
  'Time zone': 'Zona horaria',
  'Turn off the authenticator app': 'Desactivar la app de autenticación',
  'Turn on': 'Activar',
  'Use a passkey': 'Usar una llave de acceso',
  "Use this device's time zone ({zone})": 'Usar la zona horaria de este dispositivo ({zone})',
  'Used for quiet hours and “check on me later” times. Now: {zone}.':
    'Se usa para las horas de silencio y para «pregúntame más tarde». Ahora: {zone}.',
  'We sent a code to {email}. Type it here to switch to that address.':
    'Enviamos un código a {email}. Escríbelo aquí para pasar a esa dirección.',
  'We sent a new code.': 'Te enviamos un código nuevo.',
  'We showed them once. New codes replace all the old ones.':
    'Los mostramos una sola vez. Los códigos nuevos reemplazan a todos los anteriores.',
  "Where you're signed in": 'Dónde tienes la sesión abierta',
  'You sign in with {email}.': 'Entras con {email}.',
  'Your authenticator app is set up.': 'Tu app de autenticación está lista.',
  'Your authenticator app no longer logs you in.': 'Tu app de autenticación ya no se usa para entrar.',
  'Your data': 'Tus datos',
  'Your email is changed. We told your old address, just in case.':
    'Tu correo cambió. Avisamos a tu dirección anterior, por si acaso.',
  'Your passkey is ready. Next time, log in with it.': 'Tu llave de acceso está lista. La próxima vez, entra con ella.',
  'Your password': 'Tu contraseña',
  'Your password is changed. We emailed you to say so.': 'Tu contraseña cambió. Te lo confirmamos por correo.',
  'Your recovery codes': 'Tus códigos de recuperación',
  'added {when}': 'añadida el {when}',
  '{left} of {total} left. Each one logs you in once if your phone is lost.':
    'Quedan {left} de {total}. Cada uno te deja entrar una vez si pierdes el teléfono.',
  'A circle you own passes to the person who has been in it longest. A circle with only you in it is deleted.':
    'Un círculo que es tuyo pasa a la persona que lleva más tiempo en él. Un círculo en el que solo estás tú se elimina.',
  'Check your email': 'Mira tu correo',
  'Choose a new password': 'Elige una contraseña nueva',
  'Confirm it is you with your passkey.': 'Confirma que eres tú con tu llave de acceso.',
  'Cry, talk, laugh, say nothing. However it goes is the right way.':
    'Llorar, hablar, reír, no decir nada. Como salga, está bien.',
  'Crying together is healing.': 'Llorar juntos sana.',
  'Delete your account': 'Eliminar tu cuenta',
  'Every check-in you made, every note you wrote, your answers and your reactions.':
    'Cada petición que hiciste, cada nota que escribiste, tus respuestas y tus reacciones.',
  'Everything you wrote is gone. Thank you for being there for your friends.':
    'Todo lo que escribiste se ha borrado. Gracias por haber estado ahí para tus amistades.',
  'Forgot password': 'Contraseña olvidada',
  'Forgot your password?': '¿Olvidaste tu contraseña?',
  'Gentle reminders': 'Recordatorios amables',
  "Go to Shoulder's home": 'Ir al inicio de Shoulder',
  Goodbye: 'Hasta pronto',
  'If that email has an account with us, a code is on its way. Type it here with your new password.':
    'Si ese correo tiene una cuenta con nosotros, ya va un código en camino. Escríbelo aquí con tu contraseña nueva.',
  "If you ever want to come back, you're welcome to sign up again.":
    'Si algún día quieres volver, puedes registrarte de nuevo cuando quieras.',
  "It happens. Tell us your email and we'll send you a code to choose a new one.":
    'Le pasa a cualquiera. Dinos tu correo y te enviaremos un código para elegir una nueva.',
  "It's okay to cry with someone. Afterwards, the friendship is often deeper.":
    'Está bien llorar con alguien. Después, la amistad suele ser más profunda.',
  'Keep my account': 'Conservar mi cuenta',
  'Log in': 'Entrar',
  'Lost your phone? A recovery code works here too, once.':
    '¿Perdiste el teléfono? Aquí también sirve un código de recuperación, una vez.',
  'No passkey was used. You can try again.': 'No se usó ninguna llave de acceso. Puedes intentarlo otra vez.',
  'Nobody is trying to fix anything.': 'Nadie intenta arreglar nada.',
  'Nothing arrived? Check your spam folder, or log in again for a new code.':
    '¿No llegó nada? Mira en la carpeta de spam, o vuelve a entrar para recibir un código nuevo.',
  'One more step': 'Un paso más',
  'Open your authenticator app and type the code it shows for Shoulder.':
    'Abre tu app de autenticación y escribe el código que muestra para Shoulder.',
  'Page not found': 'Página no encontrada',
  'Reset password': 'Restablecer la contraseña',
  'Send code': 'Enviar código',
  "Shoulder is for a small circle of friends who show up for each other when one of you is crying. A few things worth remembering, whichever side of the tissues you're on:":
    'Shoulder es para un círculo pequeño de amistades que se acompañan cuando una de ellas está llorando. Algunas cosas que vale la pena recordar, estés del lado que estés de los pañuelos:',
  'Shoulder is not an emergency or therapy service. If you are in danger, call your local emergency number, or see <0>crisis resources</0>.':
    'Shoulder no es un servicio de emergencias ni de terapia. Si estás en peligro, llama al número de emergencias de tu zona, o mira la <0>ayuda en crisis</0>.',
  'Silence is fine.': 'El silencio está bien.',
  'Sitting side by side, saying nothing at all, still counts as showing up.':
    'Sentarse al lado, sin decir nada, también es estar ahí.',
  "Someone tried to log in to this account several times, so we sent a short code to your email to make sure it's you. Type it here.":
    'Alguien intentó entrar en esta cuenta varias veces, así que enviamos un código corto a tu correo para asegurarnos de que eres tú. Escríbelo aquí.',
  'Tears are a normal, healthy way to let something out. There is nothing to apologise for.':
    'Las lágrimas son una forma normal y sana de dejar salir algo. No hay nada por lo que pedir perdón.',
  'The link may be old or mistyped.': 'Puede que el enlace sea antiguo o tenga un error.',
  'There is no code waiting for you right now. Please log in again and we will send a new one.':
    'Ahora mismo no hay ningún código esperándote. Vuelve a entrar y te enviaremos uno nuevo.',
  "There's no right way to do this.": 'No hay una forma correcta de hacerlo.',
  "This can't be undone. Before you go, you can download your data from your account page.":
    'Esto no se puede deshacer. Antes de irte, puedes descargar tus datos desde la página de tu cuenta.',
  'This code has run out. Please ask for a new one.': 'Este código ya caducó. Pide uno nuevo, por favor.',
  'This step has timed out. Please log in again.': 'Este paso caducó. Vuelve a entrar, por favor.',
  'Type “{word}” to confirm': 'Escribe «{word}» para confirmar',
  'Use a passkey instead': 'Usar una llave de acceso',
  "We couldn't find that page": 'No encontramos esa página',
  'What goes, right away': 'Lo que se borra, ahora mismo',
  'What happens to your circles': 'Qué pasa con tus círculos',
  'What stays': 'Lo que se queda',
  'What your friends wrote stays theirs. If something was reported to our moderators, the report stays so their decision still makes sense, with your name replaced by “a deleted person”.':
    'Lo que escribieron tus amistades sigue siendo suyo. Si se reportó algo al equipo de moderación, el reporte se queda para que su decisión siga teniendo sentido, con tu nombre cambiado por «una persona eliminada».',
  "You don't have to explain, and nobody needs a solution. Being there is enough.":
    'No tienes que explicar nada, y nadie necesita una solución. Estar ahí es suficiente.',
  "You're not bringing them down.": 'No les estás amargando el día.',
  "You're not too emotional.": 'No eres demasiado sensible.',
  'Your account is deleted': 'Tu cuenta se eliminó',
  'Your account, your name and your email.': 'Tu cuenta, tu nombre y tu correo.',
  'Your friends chose to be here. Letting them in is a kind of trust, not a burden.':
    'Tus amistades eligieron estar aquí. Dejarles entrar es una forma de confianza, no una carga.',
  'Your place in your circles, your devices and every signed-in session.':
    'Tu lugar en tus círculos, tus dispositivos y cada sesión abierta.',
  delete: 'eliminar',

  // The account screen itself.
  'Signed in as {email}': 'Sesión abierta como {email}',
  'What your friends see.': 'Lo que ven tus amistades.',
  'Your phone number (optional)': 'Tu número de teléfono (opcional)',
  'Only people in your circles see it, when you reach out to them or they to you — so calling or texting is one tap.':
    'Solo lo ven las personas de tus círculos, cuando tú las buscas o ellas a ti, para que llamar o escribir sea un solo toque.',
  'Whether this phone hears when your circle needs you, quiet hours, and each circle.':
    'Si este teléfono te avisa cuando tu círculo te necesita, las horas de silencio y cada círculo.',
  'A second step when you log in: an authenticator app or a passkey.':
    'Un segundo paso al entrar: una app de autenticación o una llave de acceso.',
  'Two-factor and passkeys': 'Doble verificación y llaves de acceso',
  'Log out of this device': 'Cerrar sesión en este dispositivo',
  'Your circle stays as it is. You can log in again any time.':
    'Tu círculo sigue igual. Puedes volver a entrar cuando quieras.',
  'Log out': 'Cerrar sesión',
  'You unblocked {name}.': 'Desbloqueaste a {name}.',
  "People you've blocked": 'Personas que bloqueaste',
  "You haven't blocked anyone.": 'No has bloqueado a nadie.',
  "They can't reach you, nudge you or invite you. They aren't told.":
    'No pueden buscarte, enviarte un «pienso en ti» ni invitarte. No se les avisa.',
  Unblock: 'Desbloquear',
};

export default account;
