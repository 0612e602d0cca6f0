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
    'Tu cuenta está suspendida hasta el {when}. Puedes seguir leyendo todo y apelar aquí abajo; escribir, pedir compañía y responder quedan en pausa hasta entonces.',
  'Your account is suspended until {when}. You can still read everything.':
    'Tu cuenta está suspendida hasta el {when}. Puedes seguir leyendo todo.',
  'Your account was closed': 'Tu cuenta se cerró',
  'Your standing': 'Tu situación',
  'sent {when}': 'enviado el {when}',
};

export default es;
