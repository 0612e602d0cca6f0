import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, call } from '../src/api/client';
import {
  appealWords,
  CATEGORIES,
  canAppeal,
  categoryLabel,
  isActive,
  reportStatus,
  reportSubject,
} from '../src/moderation/words';

const NOW = new Date('2026-12-01T12:00:00Z');
const LATER = '2026-12-10T12:00:00Z';
const EARLIER = '2026-11-10T12:00:00Z';

describe('report words', () => {
  it('offers every category the server knows, self-harm concern in plain words', () => {
    expect(CATEGORIES.map((c) => c.value)).toEqual([
      'harassment',
      'hate',
      'sexual',
      'spam',
      'self_harm_concern',
      'other',
    ]);
    expect(categoryLabel('self_harm_concern')).toBe("I'm worried about their safety");
  });

  it('says what the report was about and where it stands', () => {
    expect(reportSubject({ target_type: 'note', target_label: 'Note by Cy, 01 Dec 2026' })).toBe(
      'Note by Cy, 01 Dec 2026',
    );
    expect(reportSubject({ target_type: 'circle', target_label: '' })).toBe('A circle');
    expect(reportStatus({ status: 'open', outcome: '' })).toMatch(/looking at it/);
    expect(reportStatus({ status: 'resolved', outcome: 'We reviewed your report and removed the note.' })).toBe(
      'We reviewed your report and removed the note.',
    );
  });
});

describe('strikes', () => {
  it('can be appealed once, within the window, and never a ban', () => {
    expect(canAppeal({ kind: 'warning', appeal_status: 'none', appeal_until: LATER }, NOW)).toBe(true);
    expect(canAppeal({ kind: 'suspension', appeal_status: 'pending', appeal_until: LATER }, NOW)).toBe(false);
    expect(canAppeal({ kind: 'warning', appeal_status: 'none', appeal_until: EARLIER }, NOW)).toBe(false);
    expect(canAppeal({ kind: 'ban', appeal_status: 'none', appeal_until: LATER }, NOW)).toBe(false);
  });

  it('says what became of an appeal', () => {
    expect(appealWords('none')).toBeNull();
    expect(appealWords('pending')).toBe("You appealed. We'll look at it again.");
    expect(appealWords('rejected')).toMatch(/kept this in place/);
  });

  it('knows a suspension that is over from one still running', () => {
    expect(isActive(LATER, NOW)).toBe(true);
    expect(isActive(EARLIER, NOW)).toBe(false);
    expect(isActive(null, NOW)).toBe(false);
  });
});

describe('the suspension refusal', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is remembered from any write, so form errors link to the standing screen', async () => {
    const detail = 'Your account is suspended until 03 December 2026, 12:00 UTC.';
    const body = { type: 'client_error', errors: [{ code: 'account_suspended', detail, attr: null }] };
    vi.stubGlobal('document', { cookie: 'csrftoken=tok' });
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify(body), { status: 403, headers: { 'Content-Type': 'application/json' } }),
      ),
    );
    const { isSuspensionMessage, refusedBecauseSuspended } = await import('../src/moderation/suspension');
    expect(isSuspensionMessage(detail)).toBe(false);
    const error = await call('post', '/api/v1/blocks/', { body: { user: 'x' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('account_suspended');
    expect(refusedBecauseSuspended.value).toBe(detail);
    expect(isSuspensionMessage(detail)).toBe(true);
    expect(isSuspensionMessage('Something else went wrong.')).toBe(false);
  });
});

describe('moderation pushes', () => {
  it('open "My reports" and the standing screen, both app routes', async () => {
    const { safeTargetUrl } = await import('../src/sw/policy');
    const { routes } = await import('../src/routes');
    const origin = 'https://shoulder.example';
    // The urls backend/moderation/services.py puts in its pushes.
    for (const path of ['/reports', '/account/standing']) {
      expect(safeTargetUrl(path, origin)).toBe(`${origin}${path}`);
      expect(routes.some((r) => r.pattern === path && r.access === 'user')).toBe(true);
    }
  });
});
