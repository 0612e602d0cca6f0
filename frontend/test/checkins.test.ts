import { describe, expect, it, vi } from 'vitest';
import type { Checkin } from '../src/api/checkins';
import { ApiError, OfflineError } from '../src/api/client';
import {
  charactersLeft,
  counterText,
  type Draft,
  defaultCheckTime,
  newDraft,
  nextPhase,
  pickCircle,
  problems,
  rememberCircle,
  rememberedCircle,
  toRequest,
} from '../src/checkins/compose';
import { classify, createOutbox, isTransient, type OutboxEntry, type OutboxStore } from '../src/checkins/outbox';
import {
  answerLabel,
  askTitle,
  formatEta,
  joinNames,
  modeForFriend,
  needsForFriend,
  REMINDERS,
  reminderFor,
  responseText,
} from '../src/checkins/words';

const circles = [
  { id: 'c1', name: 'Tuesday people' },
  { id: 'c2', name: 'Family' },
];
const NOW = new Date(2026, 2, 10, 14, 5); // 14:05 local

function draft(changes: Partial<Draft> = {}): Draft {
  return { ...newDraft(circles, null, NOW), ...changes };
}

describe('compose', () => {
  it('starts with the circle used last, if it is still mine', () => {
    expect(pickCircle(circles, 'c2')).toBe('c2');
    expect(pickCircle(circles, 'gone')).toBe('c1');
    expect(pickCircle([], null)).toBeNull();
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    rememberCircle(storage, 'c2');
    expect(rememberedCircle(storage)).toBe('c2');
    expect(newDraft(circles, rememberedCircle(storage), NOW).circleId).toBe('c2');
    expect(rememberedCircle(null)).toBeNull();
  });

  it('defaults "check on me" to tonight at 21:00, or an hour on when that is too close', () => {
    expect(defaultCheckTime(NOW)).toBe('2026-03-10T21:00');
    expect(defaultCheckTime(new Date(2026, 2, 10, 20, 40))).toBe('2026-03-10T21:45');
    expect(defaultCheckTime(new Date(2026, 2, 10, 23, 50))).toBe('2026-03-11T01:00');
  });

  it('needs a way to be met for a reach-out, and nothing else', () => {
    expect(problems(draft(), 'reach_out', NOW)).toEqual({ mode: 'Pick how you’d like them to be there.' });
    expect(problems(draft({ mode: 'sit_with_me' }), 'reach_out', NOW)).toEqual({});
  });

  it('needs someone picked when asking specific people, and one friend for a nudge', () => {
    expect(problems(draft({ mode: 'call', who: 'people' }), 'reach_out', NOW).audience).toMatch(/at least one/);
    expect(problems(draft({ mode: 'call', who: 'people', people: ['u2'] }), 'reach_out', NOW)).toEqual({});
    expect(problems(draft(), 'nudge', NOW)).toEqual({ audience: 'Pick the one friend to nudge.' });
    expect(problems(draft({ nudgeTo: 'u2' }), 'nudge', NOW)).toEqual({});
  });

  it('checks the "check on me" time: later than now, within 7 days', () => {
    const base = { mode: 'text' as const };
    expect(problems(draft(base), 'check_on_me', NOW)).toEqual({});
    expect(problems(draft({ ...base, checkAt: '2026-03-10T13:00' }), 'check_on_me', NOW).checkAt).toMatch(/later/);
    expect(problems(draft({ ...base, checkAt: '2026-03-20T13:00' }), 'check_on_me', NOW).checkAt).toMatch(/7 days/);
    expect(problems(draft({ ...base, checkAt: '' }), 'check_on_me', NOW).checkAt).toBe('Pick a time.');
  });

  it('keeps the message to 280 characters, with a counter only near the limit', () => {
    expect(charactersLeft('hello')).toBeNull();
    expect(counterText('x'.repeat(239))).toBeNull();
    expect(counterText('x'.repeat(240))).toBe('40 characters left');
    expect(counterText('x'.repeat(280))).toBe('That’s the most it can hold');
    expect(counterText('x'.repeat(283))).toBe('A little shorter, please — 3 over');
    expect(problems(draft({ mode: 'call', message: 'x'.repeat(281) }), 'reach_out', NOW).message).toBeDefined();
    // Emoji count as one character each, as people see them.
    expect(charactersLeft('💙'.repeat(250))).toBe(30);
  });

  it('turns a draft into the request, with the same key every time', () => {
    const d = draft({ mode: 'sit_with_me', just_listen: true, message: '  rough day  ' });
    expect(toRequest(d, 'reach_out', 'k1')).toEqual({
      kind: 'reach_out',
      circle: 'c1',
      mode: 'sit_with_me',
      no_need_to_explain: false,
      just_listen: true,
      silence_ok: false,
      message: 'rough day',
      idempotency_key: 'k1',
    });
    expect(toRequest({ ...d, who: 'people', people: ['u2', 'u3'] }, 'reach_out', 'k1').audience).toEqual(['u2', 'u3']);
    const later = toRequest(d, 'check_on_me', 'k2');
    expect(later.scheduled_for).toBe(new Date(2026, 2, 10, 21, 0).toISOString());
    expect(toRequest({ ...d, nudgeTo: 'u9' }, 'nudge', 'k3')).toEqual({
      kind: 'nudge',
      circle: 'c1',
      audience: ['u9'],
      message: 'rough day',
      idempotency_key: 'k3',
    });
  });

  it('moves through editing → sending → sent, or queued when offline, or back to editing', () => {
    expect(nextPhase('editing', 'submit')).toBe('sending');
    expect(nextPhase('sending', 'ok')).toBe('sent');
    expect(nextPhase('sending', 'offline')).toBe('queued');
    expect(nextPhase('sending', 'refused')).toBe('editing');
    expect(nextPhase('queued', 'delivered')).toBe('sent');
    expect(nextPhase('queued', 'refused')).toBe('editing');
    expect(nextPhase('sent', 'submit')).toBe('sent');
    expect(nextPhase('editing', 'ok')).toBe('editing');
  });
});

function memoryStore(initial: OutboxEntry[] = []): OutboxStore & { entries: OutboxEntry[] } {
  const s = {
    entries: initial,
    read: () => s.entries.map((e) => ({ ...e })),
    write: (entries: OutboxEntry[]) => {
      s.entries = entries;
    },
  };
  return s;
}

function entry(key: string, userId = 'me'): OutboxEntry {
  return {
    key,
    url: '/api/v1/checkins/',
    body: { kind: 'reach_out', idempotency_key: key },
    kind: 'reach_out',
    userId,
    to: 'Tuesday people',
    queuedAt: '2026-03-10T14:05:00Z',
  };
}

const checkin = (id: string) => ({ id }) as Checkin;
const apiError = (status: number, code = 'error', body: unknown = null) =>
  new ApiError(status, [{ code, detail: `nope ${status}`, field: null }], body);

describe('outbox', () => {
  it('keeps an entry on a network error, a 5xx, a 429 or a 401; answers drop it', () => {
    expect(isTransient(new OfflineError())).toBe(true);
    expect(isTransient(apiError(503))).toBe(true);
    expect(isTransient(apiError(429))).toBe(true);
    expect(isTransient(apiError(401))).toBe(true);
    expect(isTransient(apiError(400))).toBe(false);
    expect(isTransient(apiError(404))).toBe(false);
    expect(isTransient(new TypeError('boom'))).toBe(true);
  });

  it('sends once with the key it was queued with, and drops it after a 2xx', async () => {
    const store = memoryStore();
    const send = vi.fn(async (e: OutboxEntry) => checkin(`made-${e.key}`));
    const box = createOutbox(store, send);
    box.enqueue(entry('k1'));
    box.enqueue(entry('k1')); // a retry of the same compose is not a second entry
    expect(store.entries).toHaveLength(1);
    const outcomes = await box.flush('me');
    expect(outcomes.map((o) => o.type)).toEqual(['sent']);
    expect(send).toHaveBeenCalledTimes(1);
    expect((send.mock.calls[0]![0].body as { idempotency_key: string }).idempotency_key).toBe('k1');
    expect(store.entries).toEqual([]);
    await box.flush('me');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('forgets only the person who logs out', () => {
    const store = memoryStore();
    const box = createOutbox(store, vi.fn());
    box.enqueue(entry('mine', 'me'));
    box.enqueue(entry('theirs', 'other'));
    box.forget('me');
    expect(store.entries.map((e) => e.key)).toEqual(['theirs']);
  });

  it('keeps it, with the same key, until the network is back', async () => {
    const store = memoryStore();
    let online = false;
    const send = vi.fn(async (e: OutboxEntry) => {
      if (!online) throw new OfflineError();
      return checkin(e.key);
    });
    const box = createOutbox(store, send);
    box.enqueue(entry('k1'));
    expect((await box.flush('me')).map((o) => o.type)).toEqual(['kept']);
    expect(store.entries.map((e) => e.key)).toEqual(['k1']);
    send.mockRejectedValueOnce(apiError(502));
    online = true;
    expect((await box.flush('me')).map((o) => o.type)).toEqual(['kept']);
    expect(store.entries).toHaveLength(1);
    expect((await box.flush('me')).map((o) => o.type)).toEqual(['sent']);
    expect(send.mock.calls.map((c) => c[0].key)).toEqual(['k1', 'k1', 'k1']);
    expect(store.entries).toEqual([]);
  });

  it('drops it after a 4xx, telling why; a 409 open reach-out points at that one', async () => {
    const store = memoryStore([entry('bad'), entry('dup')]);
    const send = vi.fn(async (e: OutboxEntry) => {
      if (e.key === 'bad') throw apiError(400, 'empty_audience');
      throw apiError(409, 'open_reach_out_exists', { checkin_id: 'open-1' });
    });
    const box = createOutbox(store, send);
    const heard: string[] = [];
    box.subscribe((o) => heard.push(`${o.key}:${o.type}`));
    const outcomes = await box.flush('me');
    expect(heard).toEqual(['bad:refused', 'dup:exists']);
    expect(outcomes[0]!.type === 'refused' && outcomes[0]!.error.code).toBe('empty_audience');
    expect(outcomes[1]!.type === 'exists' && outcomes[1]!.checkinId).toBe('open-1');
    expect(store.entries).toEqual([]);
  });

  it('flushes once at a time: two triggers at once send each entry once', async () => {
    const store = memoryStore([entry('k1')]);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const send = vi.fn(async (e: OutboxEntry) => {
      await gate;
      return checkin(e.key);
    });
    const box = createOutbox(store, send);
    const first = box.flush('me');
    const second = box.flush('me'); // e.g. the `online` event and the compose screen
    release();
    await Promise.all([first, second]);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('sends an entry queued (and flushed) while a flush is running, in the same run', async () => {
    const store = memoryStore([entry('k1')]);
    let inner: Promise<unknown> | null = null;
    const box = createOutbox(store, async (e) => {
      if (e.key === 'k1') {
        box.enqueue(entry('k2'));
        inner = box.flush('me');
      }
      return checkin(e.key);
    });
    const outcomes = await box.flush('me');
    await inner;
    expect(outcomes.map((o) => `${o.key}:${o.type}`)).toEqual(['k1:sent', 'k2:sent']);
    expect(store.entries).toEqual([]);
  });

  it("only sends the signed-in person's entries; stops at the first that must wait", async () => {
    const store = memoryStore([entry('a', 'someone-else'), entry('b'), entry('c')]);
    const send = vi.fn(async (_entry: OutboxEntry): Promise<Checkin> => {
      throw new OfflineError();
    });
    const box = createOutbox(store, send);
    await box.flush('me');
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]![0].key).toBe('b');
    expect(store.entries).toHaveLength(3);
    box.discard('b');
    expect(box.entries('me').map((e) => e.key)).toEqual(['c']);
  });

  it('classifies a result', () => {
    expect(classify(entry('k'), { checkin: checkin('x') }).type).toBe('sent');
    expect(classify(entry('k'), { error: apiError(409, 'open_reach_out_exists') }).type).toBe('refused');
  });
});

describe('words', () => {
  it('formats an ETA plainly', () => {
    expect(formatEta(5)).toBe('5 min');
    expect(formatEta(15)).toBe('15 min');
    expect(formatEta(60)).toBe('1 hour');
    expect(formatEta(90)).toBe('1 hour 30 min');
    expect(formatEta(120)).toBe('2 hours');
    expect(formatEta(null)).toBe('');
    expect(formatEta(0)).toBe('');
  });

  it('labels answers warmly, never as a rejection', () => {
    expect(answerLabel('cant_right_now')).toBe('Can’t right now — sending love');
    expect(responseText({ answer: 'on_my_way', eta_minutes: 15 })).toBe('On my way, 15 min');
    expect(responseText({ answer: 'on_my_way', eta_minutes: null })).toBe('On my way');
    expect(responseText({ answer: 'calling', eta_minutes: 15 })).toBe('Calling you now');
    expect(answerLabel('need_you')).toBe('Could use you');
    for (const a of ['on_my_way', 'calling', 'texting', 'cant_right_now', 'okay', 'heavy', 'need_you'] as const) {
      expect(answerLabel(a)).not.toMatch(/declin|reject|no$/i);
    }
  });

  it('tells the friend how they are asked to be there', () => {
    expect(needsForFriend({ just_listen: true, no_need_to_explain: true, silence_ok: true })).toEqual([
      'They asked you to just listen',
      'No need to explain',
      'Silence is okay',
    ]);
    expect(needsForFriend({ just_listen: false, no_need_to_explain: false, silence_ok: false })).toEqual([]);
    expect(modeForFriend('come_over')).toBe('They’d like you to come over');
    expect(modeForFriend(null)).toBeNull();
    const requester = { id: 'u', display_name: 'Alex' };
    expect(askTitle({ kind: 'reach_out', requester })).toBe('Alex needs you');
    expect(askTitle({ kind: 'nudge', requester })).toBe('Alex is thinking of you — how are you?');
  });

  it('rotates gentle reminders and joins names', () => {
    expect(new Set([0, 1, 2, 3].map(reminderFor)).size).toBe(REMINDERS.length);
    expect(reminderFor(0)).toBe('You’re not bringing them down. You’re friends for a reason.');
    expect(joinNames(['Sam'])).toBe('Sam');
    expect(joinNames(['Sam', 'Jo', 'Ana'])).toBe('Sam, Jo and Ana');
  });
});
