import { Page } from '../components/Page';
import './About.css';
import { msg, t } from '../i18n/i18n';
import { rich } from '../i18n/rich';

const REMINDERS: Array<[string, string]> = [
  [
    msg("You're not bringing them down."),
    msg('Your friends chose to be here. Letting them in is a kind of trust, not a burden.'),
  ],
  [
    msg("You're not too emotional."),
    msg('Tears are a normal, healthy way to let something out. There is nothing to apologise for.'),
  ],
  [msg("There's no right way to do this."), msg('Cry, talk, laugh, say nothing. However it goes is the right way.')],
  [
    msg('Crying together is healing.'),
    msg("It's okay to cry with someone. Afterwards, the friendship is often deeper."),
  ],
  [
    msg('Nobody is trying to fix anything.'),
    msg("You don't have to explain, and nobody needs a solution. Being there is enough."),
  ],
  [msg('Silence is fine.'), msg('Sitting side by side, saying nothing at all, still counts as showing up.')],
];

export default function About() {
  return (
    <Page title={t('Gentle reminders')}>
      <p class="lead">
        {t(
          "Shoulder is for a small circle of friends who show up for each other when one of you is crying. A few things worth remembering, whichever side of the tissues you're on:",
        )}
      </p>
      <ul class="reminders">
        {REMINDERS.map(([title, body]) => (
          <li class="card" key={title}>
            <h2>{t(title)}</h2>
            <p>{t(body)}</p>
          </li>
        ))}
      </ul>
      <p class="notice">
        {rich(
          t(
            'Shoulder is not an emergency or therapy service. If you are in danger, call your local emergency number, or see <0>crisis resources</0>.',
          ),
          [(text) => <a href="/crisis">{text}</a>],
        )}
      </p>
    </Page>
  );
}
