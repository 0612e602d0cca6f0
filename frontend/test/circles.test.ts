import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDay, inviteProblem, inviteStatusLabel, inviteUsesLabel, parseInviteForm } from '../src/circles/invites';
import { othersIn } from '../src/circles/people';
import { qrPathFromMatrix, qrShape } from '../src/circles/qr';
import { copyLink, inviteShareData, shareLink, shareWays } from '../src/circles/share';
import { setLocale } from '../src/i18n/i18n';

describe('inviteProblem', () => {
  it('says plainly what happened to a link that no longer works', () => {
    expect(inviteProblem('invite_revoked', 'This invite was withdrawn.').title).toBe('This invite was revoked');
    expect(inviteProblem('invite_expired').title).toBe('This invite has expired');
    expect(inviteProblem('invite_used_up').title).toBe('This invite has already been used');
    expect(inviteProblem('invite_not_found').title).toBe('This invite link doesn’t work');
    for (const code of ['invite_revoked', 'invite_expired', 'invite_used_up']) {
      expect(inviteProblem(code).detail).toMatch(/ask the person who invited you/);
    }
  });

  it("keeps the server's sentence for the viewer-specific refusals", () => {
    const detail = "You've already asked to join. The owner will look at it.";
    expect(inviteProblem('join_request_pending', detail)).toEqual({
      title: 'You’ve already asked to join',
      detail,
    });
    expect(inviteProblem('removed_from_circle', '').detail).toMatch(/ask the owner/);
    expect(inviteProblem('join_request_rejected', null).title).toBe('This invite no longer works for you');
    expect(inviteProblem('circle_full', 'Full.').detail).toBe('Full.');
  });

  it('has a calm sentence for codes it does not know', () => {
    expect(inviteProblem('throttled', 'Please wait a little.')).toEqual({
      title: 'This invite can’t be used right now',
      detail: 'Please wait a little.',
    });
    expect(inviteProblem('mystery').detail).toBe('Please try again in a moment.');
  });
});

describe('inviteStatusLabel', () => {
  it('uses plain words for every status', () => {
    expect(['active', 'expired', 'revoked', 'used_up'].map((s) => inviteStatusLabel(s as never))).toEqual([
      'Open',
      'Expired',
      'Revoked',
      'Used',
    ]);
  });
});

describe('invite uses', () => {
  it('caps uses at the room left in the circle', () => {
    expect(parseInviteForm({ message: '', maxUses: '9', days: '' }, 9)).toEqual({ ok: true, value: { max_uses: 9 } });
    expect(parseInviteForm({ message: '', maxUses: '10', days: '' }, 9)).toEqual({
      ok: false,
      field: 'max_uses',
      detail: 'Choose a number from 1 to 9.',
    });
  });

  it('says how much of each link is used, so links can be told apart', () => {
    expect(inviteUsesLabel({ status: 'active', max_uses: 3, use_count: 1 })).toBe('2 of 3 uses left');
    expect(inviteUsesLabel({ status: 'active', max_uses: 1, use_count: 0 })).toBe('For one person, not used yet');
    expect(inviteUsesLabel({ status: 'active', max_uses: 4, use_count: 0 })).toBe('For 4 people, not used yet');
    expect(inviteUsesLabel({ status: 'used_up', max_uses: 1, use_count: 1 })).toBe('One person joined with it');
    expect(inviteUsesLabel({ status: 'expired', max_uses: 5, use_count: 2 })).toBe('2 people joined with it');
    expect(inviteUsesLabel({ status: 'revoked', max_uses: 2, use_count: 0 })).toBe('Never used');
  });
});

describe('parseInviteForm', () => {
  it('leaves blanks to the server defaults and trims the message', () => {
    expect(parseInviteForm({ message: '  ', maxUses: '', days: ' ' })).toEqual({ ok: true, value: {} });
    expect(parseInviteForm({ message: ' Come in ', maxUses: '3', days: '14' })).toEqual({
      ok: true,
      value: { message: 'Come in', max_uses: 3, expires_in_days: 14 },
    });
  });

  it('sends a trimmed email, and refuses one that cannot be an address', () => {
    expect(parseInviteForm({ message: '', maxUses: '', days: '', email: ' sam@example.com ' })).toEqual({
      ok: true,
      value: { email: 'sam@example.com' },
    });
    const parsed = parseInviteForm({ message: '', maxUses: '', days: '', email: 'sam at home' });
    expect(parsed).toEqual({ ok: false, field: 'email', detail: 'That email address doesn’t look right.' });
  });

  it.each([
    ['0', '7', 'max_uses'],
    ['51', '7', 'max_uses'],
    ['2.5', '7', 'max_uses'],
    ['two', '7', 'max_uses'],
    ['1', '0', 'expires_in_days'],
    ['1', '31', 'expires_in_days'],
    ['1', '-3', 'expires_in_days'],
  ])('refuses max uses %s / days %s, naming the field', (maxUses, days, field) => {
    const parsed = parseInviteForm({ message: '', maxUses, days });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.field).toBe(field);
      expect(parsed.detail).toMatch(/Choose a number/);
    }
  });
});

describe('formatDay', () => {
  it('names the day in the given locale and zone', () => {
    expect(formatDay('2026-05-12T23:30:00Z', 'en-GB', 'Europe/London')).toBe('Wednesday 13 May');
    expect(formatDay('2026-05-12T23:30:00Z', 'en-GB', 'UTC')).toBe('Tuesday 12 May');
  });

  it('is empty for a date it cannot read', () => {
    expect(formatDay('not a date')).toBe('');
  });
});

describe('othersIn', () => {
  const member = (id: string, display_name: string) => ({
    user: { id, display_name },
    role: 'member' as const,
    joined_at: '',
  });

  it('names the others, never counts them', () => {
    expect(othersIn({ members: [member('me', 'Me')] }, 'me')).toBe('Just you for now');
    expect(othersIn({ members: [member('me', 'Me'), member('s', 'Sam')] }, 'me')).toBe('With Sam');
    expect(
      othersIn({ members: [member('s', 'Sam'), member('me', 'Me'), member('j', 'Jo'), member('a', 'Ana')] }, 'me'),
    ).toBe('With Sam, Jo and Ana');
  });
});

describe('shareWays', () => {
  const data = { url: 'https://shoulder.example/invite/x' };

  it('offers the share sheet only where the browser can share this', () => {
    expect(shareWays({ share: async () => undefined }, data).share).toBe(true);
    expect(shareWays({ share: async () => undefined, canShare: () => false }, data).share).toBe(false);
    expect(shareWays({}, data).share).toBe(false);
    expect(shareWays(undefined, data)).toEqual({ share: false, copy: 'select' });
  });

  it('copies with the async clipboard when there is one, else by selecting the link', () => {
    expect(shareWays({ clipboard: { writeText: async () => undefined } }, data).copy).toBe('clipboard');
    expect(shareWays({ clipboard: {} }, data).copy).toBe('select');
  });
});

describe('shareLink', () => {
  it('treats closing the share sheet as a choice, not a failure', async () => {
    const abort = Object.assign(new Error('closed'), { name: 'AbortError' });
    expect(await shareLink({ share: () => Promise.reject(abort) }, {})).toBe('cancelled');
    expect(await shareLink({ share: () => Promise.reject(new Error('nope')) }, {})).toBe('failed');
    expect(await shareLink({ share: () => Promise.resolve() }, {})).toBe('shared');
  });
});

describe('copyLink', () => {
  it('writes the link to the clipboard', async () => {
    const writeText = vi.fn(async () => undefined);
    expect(await copyLink({ clipboard: { writeText } }, 'https://x/invite/t', null)).toBe(true);
    expect(writeText).toHaveBeenCalledWith('https://x/invite/t');
  });

  it('falls back to selecting the visible link when the clipboard refuses', async () => {
    const writeText = vi.fn(async () => {
      throw new Error('denied');
    });
    const input = { focus: vi.fn(), select: vi.fn() } as unknown as HTMLInputElement;
    vi.stubGlobal('document', { execCommand: vi.fn(() => true) });
    try {
      expect(await copyLink({ clipboard: { writeText } }, 'https://x/invite/t', input)).toBe(true);
      expect(input.select).toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
    expect(await copyLink(undefined, 'https://x/invite/t', null)).toBe(false);
  });
});

describe('QR code', () => {
  it('draws dark modules as horizontal runs', () => {
    expect(
      qrPathFromMatrix([
        [true, true, false],
        [false, true, true],
        [true, false, true],
      ]),
    ).toEqual({ size: 3, d: 'M0 0h2v1h-2zM1 1h2v1h-2zM0 2h1v1h-1zM2 2h1v1h-1z' });
  });

  it('encodes a link on the device with a quiet zone and finder patterns', async () => {
    const shape = await qrShape(`http://localhost:8000/invite/${'a'.repeat(43)}`);
    // 72 bytes need version 5 (37 modules) at level M; plus a 4-module border each side.
    expect(shape.size).toBe(37 + 8);
    // The top-left finder's top edge: a run of 7 dark modules starting inside the border.
    expect(shape.d.startsWith('M4 4h7v1h-7z')).toBe(true);
  });
});

describe('in Spanish', () => {
  afterEach(() => setLocale('en', false));
  const member = (id: string, display_name: string) => ({
    user: { id, display_name },
    role: 'member' as const,
    joined_at: '',
  });

  it('says how much of a link is used with the right plural', async () => {
    await setLocale('es', false);
    expect(inviteUsesLabel({ status: 'active', max_uses: 3, use_count: 2 })).toBe('Queda 1 de 3 usos');
    expect(inviteUsesLabel({ status: 'active', max_uses: 3, use_count: 1 })).toBe('Quedan 2 de 3 usos');
    expect(inviteUsesLabel({ status: 'active', max_uses: 1, use_count: 0 })).toBe('Para 1 persona, sin usar todavía');
    expect(inviteUsesLabel({ status: 'expired', max_uses: 5, use_count: 2 })).toBe('Entraron 2 personas con él');
    expect(inviteStatusLabel('revoked')).toBe('Anulado');
  });

  it('names the others and the day in Spanish', async () => {
    await setLocale('es', false);
    expect(othersIn({ members: [member('me', 'Me')] }, 'me')).toBe('Solo tú por ahora');
    expect(othersIn({ members: [member('s', 'Sam'), member('j', 'Jo'), member('a', 'Ana')] }, 'me')).toBe(
      'Con Sam, Jo y Ana',
    );
    expect(formatDay('2026-05-12T12:00:00Z', undefined, 'UTC')).toBe('martes, 12 de mayo');
    expect(inviteProblem('invite_expired').title).toBe('Esta invitación caducó');
  });

  it('titles the shared invite in the sender’s language, their message as written', async () => {
    await setLocale('es', false);
    expect(inviteShareData('Gente del martes', 'https://x/invite/t', 'Ven')).toEqual({
      title: 'Entra en Gente del martes en Shoulder',
      url: 'https://x/invite/t',
      text: 'Ven',
    });
    await setLocale('en', false);
    expect(inviteShareData('Tuesday people', 'https://x/invite/t').title).toBe('Join Tuesday people on Shoulder');
  });
});
