import { useRef, useState } from 'preact/hooks';
import { blockPerson, type Circle, type Member, removeMember, transferCircle } from '../api/circles';
import { ConfirmAction } from '../components/ConfirmAction';
import { FormError } from '../components/FormError';
import { Sheet } from '../components/Sheet';
import { useSubmit } from '../components/useSubmit';
import { t } from '../i18n/i18n';
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
    onDone(t('You blocked {name}. You can unblock them from your account page.', { name }));
  });
  const remove = useSubmit(async () => {
    await removeMember(circle.id, member.user.id);
    onDone(t('{name} is no longer in {circle}.', { name, circle: circle.name }));
  });
  const transfer = useSubmit(async () => {
    await transferCircle(circle.id, member.user.id);
    onDone(t("{name} now looks after {circle}. You're still in it.", { name, circle: circle.name }));
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
      {member.role === 'owner' && <p class="muted">{t('Looks after this circle.')}</p>}
      <FormError message={error?.detail} />
      <div class="sheet-actions">
        <a
          class="button button--quiet"
          href={`/nudge?to=${encodeURIComponent(member.user.id)}&circle=${encodeURIComponent(circle.id)}`}
        >
          {t('Send a nudge')}
        </a>
        {owner && member.role !== 'owner' && (
          <>
            <ConfirmAction
              label={t('Make owner')}
              confirmLabel={t('Yes, make {name} owner', { name })}
              busy={transfer.busy}
              onConfirm={run('transfer', transfer)}
            >
              <p>
                {t(
                  '{name} will look after {circle}: inviting people, approving them and its settings. You stay in the circle as a member.',
                  { name, circle: circle.name },
                )}
              </p>
            </ConfirmAction>
            <ConfirmAction
              label={t('Remove from circle')}
              confirmLabel={t('Yes, remove')}
              busy={remove.busy}
              onConfirm={run('remove', remove)}
            >
              <p>
                {t("{name} will no longer be in {circle}. We don't send them a message about it.", {
                  name,
                  circle: circle.name,
                })}
              </p>
            </ConfirmAction>
          </>
        )}
        <ConfirmAction
          label={t('Block')}
          confirmLabel={t('Yes, block {name}', { name })}
          busy={block.busy}
          onConfirm={run('block', block)}
        >
          <p>
            {t(
              "{name} won't be able to reach you, nudge you or invite you, and you won't be in each other's reach-outs. We don't tell them.",
              { name },
            )}
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
          {t('Report {name}', { name })}
        </button>
      </div>
    </Sheet>
  );
}
