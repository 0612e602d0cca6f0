import { afterEach, describe, expect, it } from 'vitest';
import { NoteCard } from '../src/aftermath/NoteCard';
import {
  AUDIENCES,
  audienceLabel,
  composerState,
  formatDate,
  momentTitle,
  nextPrompt,
  PROMPTS,
  personName,
  replaceNote,
  whoReacted,
} from '../src/aftermath/words';
import type { Moment, Note, SessionInfo } from '../src/api/aftermath';
import { apiPath } from '../src/api/aftermath';
import { setLocale } from '../src/i18n/i18n';

const HOSTILE = '<img src=x onerror=alert(1)><script>alert(1)</script>\nsee https://example.com';

function note(overrides: Partial<Note> = {}): Note {
  return {
    id: 'n1',
    author: { id: 'u1', display_name: 'Bea' },
    body: 'thank you',
    audience: 'participants',
    created_at: '2025-03-03T20:00:00Z',
    edited_at: null,
    reactions: [],
    my_reaction: null,
    checkin: 'c1',
    can_edit: false,
    ...overrides,
  };
}

interface VNodeLike {
  type: unknown;
  props: Record<string, unknown> & { children?: unknown };
}

function isVNode(value: unknown): value is VNodeLike {
  return typeof value === 'object' && value !== null && 'type' in value && 'props' in value;
}

/** Every element vnode in a tree (children only; components are not called). */
function walk(node: unknown, out: VNodeLike[] = []): VNodeLike[] {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, out);
  } else if (isVNode(node)) {
    out.push(node);
    walk(node.props.children, out);
  }
  return out;
}

function textOf(node: unknown): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (isVNode(node)) return textOf(node.props.children);
  return '';
}

describe('NoteCard', () => {
  it('keeps HTML in a body as text: a plain string child, never innerHTML', () => {
    const tree = NoteCard({ note: note({ body: HOSTILE }) });
    const nodes = walk(tree);
    const body = nodes.find((n) => n.props.class === 'note-body');
    expect(body?.type).toBe('p');
    // The body is the only child and it is the very string the server sent.
    expect(body?.props.children).toBe(HOSTILE);
    expect(nodes.some((n) => 'dangerouslySetInnerHTML' in n.props)).toBe(false);
    // No element came out of the body: no img, script or link.
    expect(nodes.map((n) => n.type)).not.toContain('img');
    expect(nodes.map((n) => n.type)).not.toContain('script');
    expect(nodes.map((n) => n.type)).not.toContain('a');
  });

  it('shows the author, the audience and an "edited" marker only once edited', () => {
    const plain = walk(NoteCard({ note: note() }));
    expect(plain.find((n) => n.props.class === 'note-author')?.props.children).toBe('Bea');
    expect(plain.some((n) => n.props.class === 'note-edited')).toBe(false);
    const edited = walk(NoteCard({ note: note({ edited_at: '2025-03-04T08:00:00Z', audience: 'circle' }) }));
    expect(textOf(edited.find((n) => n.props.class === 'note-edited'))).toBe('edited');
    expect(textOf(edited.find((n) => n.props.class === 'note-meta'))).toContain('The whole circle');
  });

  it('labels the article by its author and leaves the body out while editing', () => {
    const [article] = walk(NoteCard({ note: note(), level: 3, editing: true }));
    expect(article?.type).toBe('article');
    expect(article?.props['aria-labelledby']).toBe('note-n1-by');
    const nodes = walk(article);
    expect(nodes.find((n) => n.props.id === 'note-n1-by')?.type).toBe('h3');
    expect(nodes.some((n) => n.props.class === 'note-body')).toBe(false);
  });
});

describe('prompts', () => {
  it('go round one at a time, and stay away once skipped', () => {
    expect(PROMPTS).toEqual([
      'What helped?',
      'Something you want to thank them for?',
      "A moment you'll laugh about later?",
    ]);
    const seen = [0];
    for (let i = 0; i < 4; i++) seen.push(nextPrompt(seen.at(-1)!)!);
    expect(seen).toEqual([0, 1, 2, 0, 1]);
    expect(nextPrompt(null)).toBeNull();
    expect(nextPrompt(0, 0)).toBeNull();
  });
});

describe('audience labels', () => {
  it('say who can read a note, with "just us" first (the default)', () => {
    expect(AUDIENCES.map((a) => a.label)).toEqual(['Just us — the people who were there', 'The whole circle']);
    expect(AUDIENCES[0]?.value).toBe('participants');
    expect(audienceLabel('participants', 'short')).toBe('Just us');
    expect(audienceLabel('circle')).toBe('The whole circle');
  });
});

describe('reactions', () => {
  it('names who reacted, in words, without counts', () => {
    const n = note({
      reactions: [
        { user: { id: 'a', display_name: 'Ana' }, kind: 'hug' },
        { user: { id: 'c', display_name: 'Cy' }, kind: 'me_too' },
      ],
    });
    expect(whoReacted(n)).toEqual(['Ana — Hug', 'Cy — Me too']);
    expect(whoReacted(note())).toEqual([]);
  });
});

describe('composerState', () => {
  const session = (overrides: Partial<SessionInfo>): SessionInfo => ({
    id: 'c1',
    kind: 'reach_out',
    status: 'closed',
    requester: { id: 'b', display_name: 'Bea', phone: '' },
    circle: { id: 'k', name: 'Tuesday people' },
    created_at: '2025-03-03T20:00:00Z',
    my_role: 'requester',
    my_response: null,
    ...overrides,
  });

  it('lets those who were there write once it is over', () => {
    expect(composerState(session({}))).toBe('write');
    expect(composerState(session({ status: 'expired' }))).toBe('write');
    expect(composerState(session({ my_role: 'asked', my_response: { answer: 'on_my_way' } }))).toBe('write');
  });

  it('asks them to wait while it is still going', () => {
    expect(composerState(session({ status: 'answered' }))).toBe('not_yet');
    expect(composerState(session({ status: 'open', my_role: 'asked', my_response: { answer: 'calling' } }))).toBe(
      'not_yet',
    );
  });

  it('offers nothing to readers who were not there, or without the detail', () => {
    expect(composerState(null)).toBe('none');
    expect(composerState(session({ my_role: 'asked', my_response: null }))).toBe('none');
    expect(composerState(session({ my_role: 'asked', my_response: { answer: 'cant_right_now' } }))).toBe('none');
    expect(composerState(session({ kind: 'nudge' }))).toBe('none');
    expect(composerState(session({ status: 'cancelled' }))).toBe('none');
  });
});

describe('moments', () => {
  const moment: Pick<Moment, 'kind' | 'requester' | 'created_at'> = {
    kind: 'reach_out',
    requester: { id: 'a', display_name: 'Alex' },
    created_at: '2025-03-03T20:00:00Z',
  };
  const now = new Date('2025-06-01T12:00:00Z');

  it('titles a session by who reached out and when', () => {
    expect(momentTitle(moment, 'me', now, 'UTC')).toBe('Alex reached out · 3 March');
    expect(momentTitle(moment, 'a', now, 'UTC')).toBe('You reached out · 3 March');
    expect(momentTitle({ ...moment, kind: 'check_on_me' }, 'me', now, 'UTC')).toBe(
      'Alex asked to be checked on · 3 March',
    );
  });

  it('adds the year only for another year', () => {
    expect(formatDate('2024-12-24T10:00:00Z', now, 'en-GB', 'UTC')).toBe('24 December 2024');
    expect(formatDate('not a date', now)).toBe('');
  });

  it('finds a person by id among the members of my circles', () => {
    const circles = [
      { members: [{ user: { id: 'a', display_name: 'Alex' }, role: 'owner' as const, joined_at: '' }] },
      { members: [{ user: { id: 'b', display_name: 'Bea' }, role: 'member' as const, joined_at: '' }] },
    ];
    expect(personName(circles, 'b')).toBe('Bea');
    expect(personName(circles, 'z')).toBeNull();
  });

  it('replaces or removes one note', () => {
    const list = [note({ id: 'x' }), note({ id: 'y' })];
    expect(replaceNote(list, 'y', note({ id: 'y', body: 'changed' })).map((n) => n.body)).toEqual([
      'thank you',
      'changed',
    ]);
    expect(replaceNote(list, 'x', null).map((n) => n.id)).toEqual(['y']);
  });
});

describe('apiPath', () => {
  it("follows the server's next link only on our own API, as a path", () => {
    expect(apiPath('http://testserver/api/v1/circles/k/moments/?cursor=abc')).toBe(
      '/api/v1/circles/k/moments/?cursor=abc',
    );
    expect(apiPath('/api/v1/checkins/c/notes/?cursor=x')).toBe('/api/v1/checkins/c/notes/?cursor=x');
    expect(() => apiPath('https://evil.example/steal')).toThrow();
  });
});

describe('moments in Spanish', () => {
  afterEach(() => setLocale('en', false));
  const now = new Date('2025-06-01T12:00:00Z');
  const moment: Pick<Moment, 'kind' | 'requester' | 'created_at'> = {
    kind: 'reach_out',
    requester: { id: 'a', display_name: 'Alex' },
    created_at: '2025-03-03T20:00:00Z',
  };

  it('titles a session and names the reactions in Spanish', async () => {
    await setLocale('es', false);
    expect(momentTitle(moment, 'me', now, 'UTC')).toBe('Alex pidió apoyo · 3 de marzo');
    expect(momentTitle(moment, 'a', now, 'UTC')).toBe('Pediste apoyo · 3 de marzo');
    expect(audienceLabel('participants', 'short')).toBe('Solo nosotros');
    expect(whoReacted(note({ reactions: [{ user: { id: 'x', display_name: 'Ana' }, kind: 'hug' }] }))).toEqual([
      'Ana — Abrazo',
    ]);
  });
});
