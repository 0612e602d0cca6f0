import { t } from '../i18n/i18n';

/** The bits of `navigator` sharing depends on, so the choice is testable without a browser. */
export interface ShareNavigator {
  share?: (data: ShareData) => Promise<void>;
  canShare?: (data: ShareData) => boolean;
  clipboard?: { writeText?: (text: string) => Promise<void> };
}

export interface ShareWays {
  /** Offer "Share" (the system share sheet). */
  share: boolean;
  /** How "Copy link" copies: the async clipboard, or by selecting the visible link. */
  copy: 'clipboard' | 'select';
}

/** Which ways of passing a link on this browser offers. Pure. */
export function shareWays(nav: ShareNavigator | undefined, data: ShareData): ShareWays {
  const canShare = typeof nav?.share === 'function' && (typeof nav.canShare !== 'function' || nav.canShare(data));
  const clipboard = typeof nav?.clipboard?.writeText === 'function';
  return { share: canShare, copy: clipboard ? 'clipboard' : 'select' };
}

/**
 * What the share sheet passes on with an invite link. The person receiving it reads it, in
 * the words of the sender's language (Shoulder can't know theirs yet). Their own message, if
 * any, goes as it was written.
 */
export function inviteShareData(circleName: string, url: string, message?: string | null): ShareData {
  const data: ShareData = { title: t('Join {circle} on Shoulder', { circle: circleName }), url };
  if (message) data.text = message;
  return data;
}

export type ShareOutcome = 'shared' | 'cancelled' | 'failed';

/** Opens the share sheet; closing it without choosing is not an error. */
export async function shareLink(nav: ShareNavigator, data: ShareData): Promise<ShareOutcome> {
  try {
    await nav.share!(data);
    return 'shared';
  } catch (err) {
    return err instanceof Error && err.name === 'AbortError' ? 'cancelled' : 'failed';
  }
}

/**
 * Copies `text`: the async clipboard when there is one, else selecting `input` (which
 * shows the link) and the legacy copy command. Resolves to whether it worked.
 */
export async function copyLink(
  nav: ShareNavigator | undefined,
  text: string,
  input: HTMLInputElement | null,
): Promise<boolean> {
  if (shareWays(nav, {}).copy === 'clipboard') {
    try {
      await nav!.clipboard!.writeText!(text);
      return true;
    } catch {
      // Permission refused or not focused: fall through to selecting the text.
    }
  }
  if (!input) return false;
  input.focus();
  input.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}
