/** The crisis page and its resources (src/crisis, page Crisis). */
import type { Catalog } from '../../i18n';

const crisis: Catalog = {
  'Shoulder is not an emergency or therapy service. If you are in danger, call your local emergency number.':
    'Shoulder no es un servicio de emergencias ni de terapia. Si estás en peligro, llama al número de emergencias de tu zona.',
  'Shoulder is not an emergency or therapy service. If you are in danger or might hurt yourself, call your local emergency number now. These people are there to listen, any time.':
    'Shoulder no es un servicio de emergencias ni de terapia. Si estás en peligro o puedes hacerte daño, llama ahora al número de emergencias de tu zona. Estas personas están para escucharte, a cualquier hora.',
  'In an emergency': 'En una emergencia',
  '{name} in {region}.': '{name} en {region}.',
  'Call {number}': 'Llamar al {number}',
  'Text {number}': 'Escribir al {number}',
  'Where you are': 'Dónde estás',
  'Anywhere else': 'En otro lugar',
  'Someone to talk to in {region}': 'Alguien con quien hablar en {region}',
  'Anywhere in the world': 'En cualquier parte del mundo',
  'Someone to talk to': 'Alguien con quien hablar',
  'You can also call or text a friend you trust and simply say, “I need you.”':
    'También puedes llamar o escribir a alguien de confianza y decirle simplemente: «Te necesito».',

  // The built-in lines' English words.
  'Emergency services': 'Servicios de emergencia',
  'Police, ambulance and fire.': 'Policía, ambulancia y bomberos.',
  "Police, ambulance and fire. From a mobile phone, 112 reaches the emergency services in most countries; if it doesn't, use your local number.":
    'Policía, ambulancia y bomberos. Desde un móvil, el 112 llega a los servicios de emergencia en la mayoría de los países; si no funciona, usa el número de tu zona.',
  'Free, confidential helplines in your country, by phone, text or chat.':
    'Líneas de ayuda gratuitas y confidenciales en tu país, por teléfono, mensaje o chat.',
  'Emotional support centres around the world.': 'Centros de apoyo emocional en todo el mundo.',
};

export default crisis;
