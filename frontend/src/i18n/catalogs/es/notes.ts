/** Aftermath notes (src/aftermath, page CheckinNotes). */
import type { Catalog } from '../../i18n';

const notes: Catalog = {
  // After a session, on the check-in.
  Afterwards: 'Después',
  'A few words for the people who were there — what helped, a thank-you, the joke that made you laugh through it.':
    'Unas palabras para quienes estuvieron ahí: lo que te ayudó, un gracias, la broma que te hizo reír en medio de todo.',
  'Our notes': 'Nuestras notas',

  // The notes page.
  "We couldn't find these notes": 'No encontramos estas notas',
  'They may be just for the people who were there, or they may have been taken down.':
    'Puede que sean solo para quienes estuvieron ahí, o que se hayan retirado.',
  "No notes yet. A few words afterwards can mean a lot — what helped, a thank-you, or the thing you'll laugh about one day.":
    'Todavía no hay notas. Unas palabras después pueden significar mucho: lo que te ayudó, un gracias, o eso de lo que un día os reiréis.',
  'You can write notes once the session is over.': 'Podrás escribir notas cuando este momento haya terminado.',
  'Around this time': 'En torno a este momento',
  'Back to the check-in': 'Volver a la petición',
  'Our moments in {circle}': 'Nuestros momentos en {circle}',
  'Open our notes': 'Abrir nuestras notas',

  // What a moment is called.
  'You were there for each other · {date}': 'Estuvisteis ahí unos por otros · {date}',
  '{names} were there for each other · {date}': '{names} estuvieron ahí unos por otros · {date}',
  'You asked to be checked on · {date}': 'Pediste que estuvieran pendientes de ti · {date}',
  'You reached out · {date}': 'Pediste apoyo · {date}',
  '{name} asked to be checked on · {date}': '{name} pidió que estuvieran pendientes · {date}',
  '{name} reached out · {date}': '{name} pidió apoyo · {date}',

  // Writing a note.
  'Add a note': 'Añade una nota',
  'Write a few words': 'Escribe unas palabras',
  'What helped?': '¿Qué te ayudó?',
  'Something you want to thank them for?': '¿Algo que quieras agradecerles?',
  "A moment you'll laugh about later?": '¿Un momento del que os reiréis más adelante?',
  'Another prompt': 'Otra idea',
  'Hide prompts': 'Ocultar las ideas',
  'Share note': 'Compartir la nota',
  'Shared with the whole circle.': 'Compartida con todo el círculo.',
  'Shared with the people who were there.': 'Compartida con quienes estuvieron ahí.',
  'Who can read it?': '¿Quién puede leerla?',
  'Just us — the people who were there': 'Solo nosotros: quienes estuvieron ahí',
  'Just us': 'Solo nosotros',
  'The whole circle': 'Todo el círculo',

  // One note.
  edited: 'editada',
  'Send a reaction': 'Enviar una reacción',
  Hug: 'Abrazo',
  Tears: 'Lágrimas',
  'Me too': 'Yo también',
  Heart: 'Corazón',
  'Who reacted': 'Quién reaccionó',
  'Hide who reacted': 'Ocultar quién reaccionó',
  Edit: 'Editar',
  Delete: 'Eliminar',
  "This note and its reactions go away for everyone. This can't be undone.":
    'Esta nota y sus reacciones desaparecen para todos. No se puede deshacer.',
  "{name}'s note": 'La nota de {name}',
  'Remove from the circle': 'Quitarla del círculo',
  'Yes, remove it': 'Sí, quitarla',
  "The note goes away for everyone in the circle. We tell {name} that the circle's owner took it down.":
    'La nota desaparece para todo el círculo. Le decimos a {name} que la persona responsable del círculo la retiró.',
  'Your note': 'Tu nota',
  'Save changes': 'Guardar los cambios',
};

export default notes;
