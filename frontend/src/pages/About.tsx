import { Page } from '../components/Page';
import './About.css';

const REMINDERS: Array<[string, string]> = [
  [
    "You're not bringing them down.",
    'Your friends chose to be here. Letting them in is a kind of trust, not a burden.',
  ],
  [
    "You're not too emotional.",
    'Tears are a normal, healthy way to let something out. There is nothing to apologise for.',
  ],
  ["There's no right way to do this.", 'Cry, talk, laugh, say nothing. However it goes is the right way.'],
  ['Crying together is healing.', "It's okay to cry with someone. Afterwards, the friendship is often deeper."],
  [
    'Nobody is trying to fix anything.',
    "You don't have to explain, and nobody needs a solution. Being there is enough.",
  ],
  ['Silence is fine.', 'Sitting side by side, saying nothing at all, still counts as showing up.'],
];

export default function About() {
  return (
    <Page title="Gentle reminders">
      <p class="lead">
        Shoulder is for a small circle of friends who show up for each other when one of you is crying. A few things
        worth remembering, whichever side of the tissues you're on:
      </p>
      <ul class="reminders">
        {REMINDERS.map(([title, body]) => (
          <li class="card" key={title}>
            <h2>{title}</h2>
            <p>{body}</p>
          </li>
        ))}
      </ul>
      <p class="notice">
        Shoulder is not an emergency or therapy service. If you are in danger, call your local emergency number, or see{' '}
        <a href="/crisis">crisis resources</a>.
      </p>
    </Page>
  );
}
