import { useRef, useState } from 'preact/hooks';
import { blockPerson, type Circle, type Member, removeMember, transferCircle } from '../api/circles';
import { ConfirmAction } from '../components/ConfirmAction';
import { FormError } from '../components/FormError';
import { Sheet } from '../components/Sheet';
import { useSubmit } from '../components/useSubmit';
import { ReportSheet } from '../moderation/ReportSheet';

interface MemberSheetProps {
  circle: Circle;
  member: Member;
  onClose: () => void;
  /** After a change, with a sentence to show on the circle page. */
  onDone: (notice: string) => void;
}

/** What I can do about one person in the circle: block them; as owner, remove or hand over. */
export function MemberSheet({ circle, member, onClose, onDone }: MemberSheetProps) {
  const name = member.user.display_name;
  const owner = circle.my_role === 'owner';
  // One error line for the sheet: from whichever action ran last.
  const [last, setLast] = useState<'block' | 'remove' | 'transfer' | null>(null);
  const [reporting, setReporting] = useState(false);
  // Swapping this sheet for the report sheet closes its <dialog>: that is not the person leaving.
  const swapping = useRef(false);

  const block = useSubmit(async () => {
    await blockPerson(member.user.id);
    onDone(`You blocked ${name}. You can unblock them from your account page.`);
  });
  const remove = useSubmit(async () => {
    await removeMember(circle.id, member.user.id);
    onDone(`${name} is no longer in ${circle.name}.`);
  });
  const transfer = useSubmit(async () => {
    await transferCircle(circle.id, member.user.id);
    onDone(`${name} now looks after ${circle.name}. You're still in it.`);
  });
  const run = (key: 'block' | 'remove' | 'transfer', action: { onSubmit: () => Promise<void> }) => () => {
    setLast(key);
    void action.onSubmit();
  };
  const error = { block: block.error, remove: remove.error, transfer: transfer.error }[last ?? 'block'];

  if (reporting) {
    return (
      <ReportSheet
        target={{ type: 'user', id: member.user.id, label: name, person: member.user, circleId: circle.id }}
        onClose={onClose}
      />
    );
  }
  return (
    <Sheet
      id="member-sheet"
      title={name}
      onClose={() => {
        if (!swapping.current) onClose();
      }}
    >
      {member.role === 'owner' && <p class="muted">Looks after this circle.</p>}
      <FormError message={error?.detail} />
      <div class="sheet-actions">
        <a
          class="button button--quiet"
          href={`/nudge?to=${encodeURIComponent(member.user.id)}&circle=${encodeURIComponent(circle.id)}`}
        >
          Send a nudge
        </a>
        {owner && member.role !== 'owner' && (
          <>
            <ConfirmAction
              label="Make owner"
              confirmLabel={`Yes, make ${name} owner`}
              busy={transfer.busy}
              onConfirm={run('transfer', transfer)}
            >
              <p>
                {name} will look after {circle.name}: inviting people, approving them and its settings. You stay in the
                circle as a member.
              </p>
            </ConfirmAction>
            <ConfirmAction
              label="Remove from circle"
              confirmLabel="Yes, remove"
              busy={remove.busy}
              onConfirm={run('remove', remove)}
            >
              <p>
                {name} will no longer be in {circle.name}. We don't send them a message about it.
              </p>
            </ConfirmAction>
          </>
        )}
        <ConfirmAction
          label="Block"
          confirmLabel={`Yes, block ${name}`}
          busy={block.busy}
          onConfirm={run('block', block)}
        >
          <p>
            {name} won't be able to reach you, nudge you or invite you, and you won't be in each other's reach-outs. We
            don't tell them.
          </p>
        </ConfirmAction>
        <button
          type="button"
          class="button button--quiet"
          onClick={() => {
            swapping.current = true;
            setReporting(true);
          }}
        >
          Report {name}
        </button>
      </div>
    </Sheet>
  );
}
