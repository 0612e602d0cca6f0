import { useState } from 'preact/hooks';
import { createCircle } from '../api/circles';
import { CIRCLE_NAME_MAX } from '../api/limits';
import { Field } from '../components/Field';
import { FormError } from '../components/FormError';
import { Page } from '../components/Page';
import { useSubmit } from '../components/useSubmit';
import { t } from '../i18n/i18n';
import { navigate } from '../router';

export default function CircleNew() {
  const [name, setName] = useState('');
  const [approval, setApproval] = useState(false);

  const { busy, error, onSubmit } = useSubmit(async () => {
    const circle = await createCircle({ name: name.trim(), approval_required: approval });
    navigate(`/circles/${circle.id}`, { replace: true });
  });

  return (
    <Page title={t('New circle')} heading={t('Start a circle')}>
      <p class="lead">{t('A few people you trust. You can invite them as soon as it exists.')}</p>
      <form class="form card" onSubmit={onSubmit}>
        <FormError message={error && !error.field ? error.detail : null} />
        <Field
          id="circle-name"
          label={t('Circle name')}
          hint={t('Anything that feels like you all, like “Tuesday people”.')}
          required
          maxLength={CIRCLE_NAME_MAX}
          value={name}
          onValue={setName}
          error={error?.forField('name')}
        />
        <div class="check">
          <input
            id="approval"
            type="checkbox"
            checked={approval}
            aria-describedby="approval-hint"
            onChange={(e) => setApproval(e.currentTarget.checked)}
          />
          <label for="approval">{t('I approve new members')}</label>
          <p class="hint" id="approval-hint">
            {t('People who open an invite link ask to join, and you say yes first.')}
          </p>
        </div>
        <button type="submit" class="button" disabled={busy}>
          {t('Create circle')}
        </button>
      </form>
    </Page>
  );
}
