import { useState } from 'preact/hooks';
import { blockPerson, removeMember, transferCircle, type Circle, type Member } from '../api/circles';
import { ConfirmAction } from './ConfirmAction';
import { FormError } from './FormError';
import { Sheet } from './Sheet';
import { useSubmit } from './useSubmit';

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
  const [which, setWhich] = useState<string | null>(null);

  const act = (key: string, work: () => Promise<string>) => {
    const submit = useSubmit(async () => onDone(await work()));
    return { ...submit, run: () => (setWhich(key), void submit.onSubmit()) };
  };
  const block = act('block', async () => {
    await blockPerson(member.user.id);
    return `You blocked ${name}. You can unblock them from your account page.`;
  });
  const remove = act('remove', async () => {
    await removeMember(circle.id, member.user.id);
    return `${name} is no longer in ${circle.name}.`;
  });
  const transfer = act('transfer', async () => {
    await transferCircle(circle.id, member.user.id);
    return `${name} now looks after ${circle.name}. You're still in it.`;
  });
  const error = which === 'block' ? block.error : which === 'remove' ? remove.error : transfer.error;

  return (
    <Sheet id="member-sheet" title={name} onClose={onClose}>
      {member.role === 'owner' && <p class="muted">Looks after this circle.</p>}
      <FormError message={error?.detail} />
      <div class="sheet-actions">
        {owner && member.role !== 'owner' && (
          <>
            <ConfirmAction label="Make owner" confirmLabel={`Yes, make ${name} owner`} busy={transfer.busy} onConfirm={transfer.run}>
              <p>
                {name} will look after {circle.name}: inviting people, approving them and its
                settings. You stay in the circle as a member.
              </p>
            </ConfirmAction>
            <ConfirmAction label="Remove from circle" confirmLabel="Yes, remove" busy={remove.busy} onConfirm={remove.run}>
              <p>
                {name} will no longer be in {circle.name}. We don't send them a message about it.
              </p>
            </ConfirmAction>
          </>
        )}
        <ConfirmAction label="Block" confirmLabel={`Yes, block ${name}`} busy={block.busy} onConfirm={block.run}>
          <p>
            {name} won't be able to reach you, nudge you or invite you, and you won't be in each
            other's reach-outs. We don't tell them.
          </p>
        </ConfirmAction>
      </div>
    </Sheet>
  );
}
