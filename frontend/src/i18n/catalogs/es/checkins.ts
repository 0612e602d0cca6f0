/** Home, reaching out, a session, answers and nudges (pages Home, ReachOut, Checkin, Nudge; src/checkins). */
import type { Catalog } from '../../i18n';

const checkins: Catalog = {
  // Nobody has answered yet: ask again, ask more people, or people of another circle.
  'Nobody has answered yet': 'Todavía no ha respondido nadie',
  'They may be asleep or away from their phone — it isn’t about you.':
    'Puede que estén dormidos o lejos del móvil. No tiene que ver contigo.',
  'You asked them again {ago}. Their answers will show here.':
    'Se lo volviste a pedir {ago}. Sus respuestas aparecerán aquí.',
  'Ask them again': 'Volver a pedírselo',
  'Ask someone else in {circle} too': 'Pedírselo también a alguien más de {circle}',
  'Ask people from {circle}': 'Pedírselo a gente de {circle}',
  'Only the people you pick will see this, not the rest of {circle}.':
    'Solo lo verán las personas que elijas, no el resto de {circle}.',
  'Ask them too': 'Pedírselo también',
  'Ask everyone in {circle}': 'Pedírselo a todos en {circle}',
};

export default checkins;
