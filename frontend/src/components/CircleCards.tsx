import type { Circle } from '../api/circles';
import { othersIn } from '../circles/people';
import './CircleCards.css';

/** Calm cards, one per circle, each a link to the circle's page. */
export function CircleCards({ circles, myId }: { circles: Circle[]; myId: string | undefined }) {
  return (
    <ul class="circle-cards">
      {circles.map((circle) => (
        <li key={circle.id}>
          <a class="circle-card" href={`/circles/${circle.id}`}>
            <span class="circle-card-name">{circle.name}</span>
            <span class="circle-card-people">{othersIn(circle, myId)}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
