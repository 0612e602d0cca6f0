import type { Circle } from '../api/circles';
import { othersIn } from './people';
import './CircleCards.css';

type CircleCard = Pick<Circle, 'id' | 'name'> & Partial<Pick<Circle, 'members'>>;

/** Calm cards, one per circle, each a link to the circle's page; names of the others once known. */
export function CircleCards({ circles, myId }: { circles: CircleCard[]; myId: string | undefined }) {
  return (
    <ul class="circle-cards">
      {circles.map((circle) => {
        const people = circle.members ? othersIn({ members: circle.members }, myId) : '';
        return (
          <li key={circle.id}>
            <a class="circle-card" href={`/circles/${circle.id}`}>
              <span class="circle-card-name">{circle.name}</span>
              {/* Its line is there before the names arrive, so the page below never shifts. */}
              {/* One line, cut with an ellipsis when long: the whole of it on hover and for tools. */}
              <span class="circle-card-people" title={people || undefined}>
                {people}
              </span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
