/** Circles, invites, members, moments and notification settings (src/circles, pages Circle*, Invite, PersonMoments, NotificationSettings). */
import type { Catalog } from '../../i18n';

const circles: Catalog = {
  // A circle's page.
  Circle: 'Círculo',
  "We couldn't find that circle": 'No encontramos ese círculo',
  'You may have left it, or its owner closed it.':
    'Puede que hayas salido de él, o que su responsable lo haya cerrado.',
  'Invite someone': 'Invitar a alguien',
  'People in this circle': 'Personas en este círculo',
  '(you)': '(tú)',
  owner: 'responsable',
  'Our moments': 'Nuestros momentos',
  'Something wrong here?': '¿Algo no está bien aquí?',
  'Report this circle': 'Reportar este círculo',
  '{name} is in {circle} now.': '{name} ya está en {circle}.',
  "Okay. {name} won't join for now.": 'De acuerdo. {name} no entrará por ahora.',
  'Asking to join': 'Quieren entrar',
  Approve: 'Aceptar',
  'Circle settings': 'Ajustes del círculo',
  'Circle name': 'Nombre del círculo',
  'I approve new members': 'Yo acepto a las personas nuevas',
  'People who open an invite link ask to join, and you say yes first.':
    'Quien abra un enlace de invitación te pedirá entrar, y tú decides primero.',
  'Leave this circle': 'Salir de este círculo',
  'Leave circle': 'Salir del círculo',
  'Yes, leave': 'Sí, salir',
  "You won't be in {circle} any more, and its people won't be asked when you reach out. Nobody gets a message about it.":
    'Ya no estarás en {circle}, y no se lo pediremos a sus personas cuando pidas apoyo. Nadie recibe un mensaje por esto.',
  'Close this circle': 'Cerrar este círculo',
  'Delete circle': 'Eliminar el círculo',
  "{circle} and its invite links go away for everyone in it. This can't be undone.":
    '{circle} y sus enlaces de invitación desaparecen para todas las personas del círculo. No se puede deshacer.',

  // Someone in the circle.
  'You blocked {name}. You can unblock them from your account page.':
    'Bloqueaste a {name}. Puedes desbloquear a esa persona desde tu cuenta.',
  '{name} is no longer in {circle}.': '{name} ya no está en {circle}.',
  "{name} now looks after {circle}. You're still in it.":
    'Ahora {name} es responsable de {circle}. Tú sigues en el círculo.',
  'Looks after this circle.': 'Es responsable de este círculo.',
  'Make owner': 'Hacer responsable',
  'Yes, make {name} owner': 'Sí, que {name} sea responsable',
  '{name} will look after {circle}: inviting people, approving them and its settings. You stay in the circle as a member.':
    '{name} se encargará de {circle}: invitar y aceptar a personas, y sus ajustes. Tú sigues en el círculo como miembro.',
  'Remove from circle': 'Quitar del círculo',
  'Yes, remove': 'Sí, quitar',
  "{name} will no longer be in {circle}. We don't send them a message about it.":
    '{name} ya no estará en {circle}. No le enviamos ningún mensaje por esto.',
  Block: 'Bloquear',
  'Yes, block {name}': 'Sí, bloquear a {name}',
  "{name} won't be able to reach you, nudge you or invite you, and you won't be in each other's reach-outs. We don't tell them.":
    '{name} no podrá escribirte, enviarte un «pienso en ti» ni invitarte, y ya no estaréis en las peticiones de apoyo del otro. No se lo decimos.',
  'Report {name}': 'Reportar a {name}',

  // Who else is in a circle.
  'Just you for now': 'Solo tú por ahora',
  'With {names}': 'Con {names}',

  // The invite sheet.
  "You'll get a link to send to someone you trust. It brings them into {circle}.":
    'Recibirás un enlace para enviárselo a alguien de confianza. Con él entra en {circle}.',
  'Personal message': 'Mensaje personal',
  "Optional. They'll see it when they open the link.": 'Opcional. Lo verá al abrir el enlace.',
  'Their email (optional)': 'Su correo (opcional)',
  "We'll email them the link too. Otherwise, share it yourself.":
    'También le enviaremos el enlace por correo. Si no, compártelo tú.',
  'How many people can use it': 'Cuántas personas pueden usarlo',
  '{circle} has room for one more person.': 'En {circle} cabe una persona más.',
  'From 1 to {room}: {circle} has room for {room} more people.':
    'De 1 a {room}: en {circle} caben {room} personas más.',
  'Days it stays open': 'Días que sigue abierto',
  'From 1 to {max}.': 'De 1 a {max}.',
  'Create invite link': 'Crear enlace de invitación',
  'Your invite links': 'Tus enlaces de invitación',
  'No links yet.': 'Todavía no hay enlaces.',
  'Made {made}, open until {until}': 'Creado el {made}, abierto hasta el {until}',
  'Made {made}': 'Creado el {made}',
  'Emailed to {email}': 'Enviado por correo a {email}',
  Revoke: 'Anular',
  'Revoke this link? Nobody will be able to join with it any more.':
    '¿Anular este enlace? Ya nadie podrá entrar con él.',
  'Yes, revoke it': 'Sí, anularlo',
  'Keep it': 'Mantenerlo',
  'Copied. Paste it into a message to them.': 'Copiado. Pégalo en un mensaje para esa persona.',
  'Select the link above and copy it.': 'Selecciona el enlace de arriba y cópialo.',
  "Sharing didn't work here. Copy the link instead.": 'Aquí no se pudo compartir. Copia el enlace.',
  'Your link is ready': 'Tu enlace está listo',
  "We show it only this once, so pass it on now. It's open until {day}.":
    'Solo lo mostramos esta vez, así que pásalo ahora. Está abierto hasta el {day}.',
  'Invite link': 'Enlace de invitación',
  Copied: 'Copiado',
  'Copy link': 'Copiar enlace',
  'QR code for the invite link to {circle}': 'Código QR del enlace de invitación a {circle}',
  "Together in person? They can scan this with their phone's camera.":
    '¿Estáis en persona? Puede escanearlo con la cámara de su teléfono.',
  'Create another link': 'Crear otro enlace',
  'Join {circle} on Shoulder': 'Entra en {circle} en Shoulder',

  // How an invite link reads in the owner's list.
  Open: 'Abierto',
  Expired: 'Caducado',
  Revoked: 'Anulado',
  Used: 'Usado',
  'Never used': 'Nunca se usó',
  'For {count} people, not used yet': {
    one: 'Para {count} persona, sin usar todavía',
    other: 'Para {count} personas, sin usar todavía',
  },
  '{count} of {max} uses left': { one: 'Queda {count} de {max} usos', other: 'Quedan {count} de {max} usos' },
  '{count} people joined with it': { one: 'Entró {count} persona con él', other: 'Entraron {count} personas con él' },
  'That email address doesn’t look right.': 'Esa dirección de correo no parece correcta.',
  'Choose a number from 1 to {max}.': 'Elige un número del 1 al {max}.',
  'Choose a number of days from 1 to {max}.': 'Elige un número de días del 1 al {max}.',

  // Opening an invite.
  Invite: 'Invitación',
  'Go to Shoulder': 'Ir a Shoulder',
  "You're already in {circle}": 'Ya estás en {circle}',
  'Your people are there for you. This link has nothing more to do.':
    'Tu gente está ahí para ti. Este enlace ya no tiene nada más que hacer.',
  'Go to your circles': 'Ir a tus círculos',
  "You're invited to {circle}": 'Te invitan a {circle}',
  "You've been invited": 'Te han invitado',
  '<0>{inviter}</0> would like you in {circle} — the few people they trust to show up for each other.':
    '<0>{inviter}</0> quiere que estés en {circle}: las pocas personas en quienes confía para estar ahí unas por otras.',
  'This invite is open until {day}.': 'Esta invitación está abierta hasta el {day}.',
  "The circle's owner says yes to new people, so joining starts as a request.":
    'La persona responsable del círculo acepta a quienes llegan, así que entrar empieza con una solicitud.',
  "We've asked. You'll be in {circle} as soon as the owner says yes — there's nothing more you need to do.":
    'Ya lo pedimos. Estarás en {circle} en cuanto la persona responsable diga que sí; no tienes que hacer nada más.',
  'Ask to join {circle}': 'Pedir entrar en {circle}',
  'Join {circle}': 'Entrar en {circle}',
  'Sign up to join': 'Crear cuenta para entrar',
  'I already have an account': 'Ya tengo una cuenta',
  'If you’d still like to join, ask the person who invited you for a new link.':
    'Si todavía quieres entrar, pide un enlace nuevo a quien te invitó.',
  'This invite link doesn’t work': 'Este enlace de invitación no funciona',
  'Check that you copied all of it, or ask the person who sent it for a new one.':
    'Comprueba que lo copiaste entero, o pide uno nuevo a quien te lo envió.',
  'This invite has expired': 'Esta invitación caducó',
  'This invite was revoked': 'Esta invitación se anuló',
  'This invite has already been used': 'Esta invitación ya se usó',
  'You’re already in this circle': 'Ya estás en este círculo',
  'Your people are there for you.': 'Tu gente está ahí para ti.',
  'You’ve already asked to join': 'Ya pediste entrar',
  'The owner will look at it. There’s nothing more you need to do.':
    'La persona responsable lo verá. No tienes que hacer nada más.',
  'This circle is full': 'Este círculo está lleno',
  'Circles stay small on purpose. You could ask the owner about it.':
    'Los círculos son pequeños a propósito. Puedes preguntarle a la persona responsable.',
  'This invite no longer works for you': 'Esta invitación ya no funciona para ti',
  'If that feels wrong, ask the owner for a new invite.':
    'Si crees que no es justo, pide una invitación nueva a la persona responsable.',
  'This invite can’t be used right now': 'Ahora mismo no se puede usar esta invitación',
  'Please try again in a moment.': 'Vuelve a intentarlo en un momento.',

  // Moments.
  'The times you were there for each other in {circle}.': 'Las veces que estuvisteis ahí unos por otros en {circle}.',
  "Nothing here yet. After you've been there for each other, the notes you write afterwards will gather here — a quiet record of showing up.":
    'Todavía no hay nada. Cuando hayáis estado ahí unos por otros, las notas que escribáis después se irán guardando aquí: un recuerdo tranquilo de haber estado.',
  'Moments with one person': 'Momentos con una persona',
  'Moments with {name}': 'Momentos con {name}',
  'Back to {circle}': 'Volver a {circle}',
  Moments: 'Momentos',
  "We couldn't find this person": 'No encontramos a esta persona',
  'You may no longer share a circle with them.': 'Puede que ya no compartáis ningún círculo.',
  'Moments together': 'Momentos juntos',
  'Nothing here yet. When the two of you have been there together, the notes written afterwards will gather here.':
    'Todavía no hay nada. Cuando hayáis estado ahí juntos, las notas escritas después se irán guardando aquí.',

  // Notification settings.
  Everything: 'Todo',
  'Reach-outs, answers, notes and nudges.': 'Peticiones de apoyo, respuestas, notas y «pienso en ti».',
  'Only reach-outs': 'Solo peticiones de apoyo',
  'Just when someone needs you.': 'Solo cuando alguien te necesita.',
  Muted: 'En silencio',
  'Nothing from this circle on your phone.': 'Nada de este círculo en tu teléfono.',
  'Shoulder taps you on the shoulder only when it matters:': 'Shoulder solo te toca el hombro cuando importa:',
  'someone in your circle reaches out, or asks you to check on them;':
    'alguien de tu círculo pide apoyo, o te pide que estés pendiente de cómo está;',
  'a friend answers when you reach out, or sends a gentle “thinking of you”;':
    'alguien te responde cuando pides apoyo, o te envía un cariñoso «pienso en ti»;',
  'a note after time together, and someone asking to join a circle you look after.':
    'una nota después de un rato juntos, y alguien que pide entrar en un círculo del que eres responsable.',
  'No news, no reminders to open the app, no counters.':
    'Sin noticias, sin recordatorios para abrir la app, sin contadores.',
  'Notifications are on for this device.': 'Las notificaciones están activadas en este dispositivo.',
  "Notifications weren't turned on. Tap the button again whenever you're ready.":
    'Las notificaciones no se activaron. Vuelve a tocar el botón cuando quieras.',
  'Notifications are off for this device.': 'Las notificaciones están desactivadas en este dispositivo.',
  'A test notification is on its way. It can take a few seconds.':
    'Va en camino una notificación de prueba. Puede tardar unos segundos.',
  'On iPhone and iPad, notifications only work in the installed app: in Safari, tap <0>Share</0>, then <1>Add to Home Screen</1>, and open Shoulder from your Home Screen.':
    'En iPhone y iPad, las notificaciones solo funcionan en la app instalada: en Safari, toca <0>Compartir</0>, luego <1>Añadir a pantalla de inicio</1>, y abre Shoulder desde tu pantalla de inicio.',
  'Checking this device…': 'Comprobando este dispositivo…',
  'Add Shoulder to your Home Screen first, then turn notifications on there.':
    'Primero añade Shoulder a tu pantalla de inicio, y activa allí las notificaciones.',
  'Notifications are blocked for Shoulder in this browser. To allow them, open the site settings for this page (tap the icon next to the address), set Notifications to Allow, then reload.':
    'Las notificaciones de Shoulder están bloqueadas en este navegador. Para permitirlas, abre la configuración del sitio de esta página (toca el icono junto a la dirección), pon Notificaciones en Permitir y vuelve a cargar la página.',
  'Send me a test notification': 'Enviarme una notificación de prueba',
  'Turn off on this device': 'Desactivar en este dispositivo',
  'What reaches you': 'Qué te llega',
  'Quiet hours': 'Horas de silencio',
  "Notifications wait until quiet hours end (in your account's time zone).":
    'Las notificaciones esperan a que terminen las horas de silencio (en la zona horaria de tu cuenta).',
  From: 'Desde',
  Until: 'Hasta',
  'Let reach-outs through quiet hours': 'Dejar pasar las peticiones de apoyo en horas de silencio',
  'When someone needs you, you hear it at any hour.': 'Cuando alguien te necesita, te enteras a cualquier hora.',
  'Email me when a notification can’t reach me': 'Escribirme por correo cuando una notificación no me llegue',
  'If a friend reaches out and no phone of yours can get the notification, we send the link by email instead.':
    'Si alguien pide apoyo y ninguno de tus teléfonos puede recibir la notificación, te enviamos el enlace por correo.',
  "Once you're in a circle, you can choose here how much you hear from it.":
    'Cuando estés en un círculo, aquí podrás elegir cuánto te llega de él.',
  'New circle': 'Nuevo círculo',
  'Start a circle': 'Crea un círculo',
  'A few people you trust. You can invite them as soon as it exists.':
    'Unas pocas personas de confianza. Podrás invitarlas en cuanto exista.',
  'Anything that feels like you all, like “Tuesday people”.': 'Un nombre que sea de todos, como «Los de los martes».',
  'Create circle': 'Crear círculo',
  'Your circles': 'Tus círculos',
  "You're not in a circle yet. Start one with the people you trust.":
    'Todavía no estás en ningún círculo. Crea uno con las personas en quienes confías.',
  'Create a circle': 'Crear un círculo',
};

export default circles;
