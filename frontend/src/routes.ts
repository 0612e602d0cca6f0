import type { ComponentType } from 'preact';
import type { Access } from './guard';

export interface PageProps {
  params: Record<string, string>;
  query: URLSearchParams;
}

export type PageModule = { default: ComponentType<PageProps> };

export interface RouteDef {
  pattern: string;
  access: Access;
  load: () => Promise<PageModule>;
}

// Every page is its own chunk, so the first screen only loads what it shows.
export const routes: RouteDef[] = [
  { pattern: '/', access: 'user', load: () => import('./pages/Home') },
  { pattern: '/login', access: 'guest', load: () => import('./pages/Login') },
  { pattern: '/login/code', access: 'guest', load: () => import('./pages/LoginCode') },
  { pattern: '/login/2fa', access: 'guest', load: () => import('./pages/LoginSecondFactor') },
  { pattern: '/signup', access: 'guest', load: () => import('./pages/Signup') },
  { pattern: '/verify', access: 'guest', load: () => import('./pages/Verify') },
  { pattern: '/password/forgot', access: 'guest', load: () => import('./pages/ForgotPassword') },
  { pattern: '/password/reset', access: 'guest', load: () => import('./pages/ResetPassword') },
  { pattern: '/account', access: 'user', load: () => import('./pages/Account') },
  { pattern: '/account/standing', access: 'user', load: () => import('./moderation/Standing') },
  { pattern: '/reports', access: 'user', load: () => import('./moderation/Reports') },
  { pattern: '/account/security', access: 'user', load: () => import('./account/Security') },
  { pattern: '/account/delete', access: 'user', load: () => import('./pages/DeleteAccount') },
  { pattern: '/goodbye', access: 'public', load: () => import('./pages/Goodbye') },
  {
    pattern: '/settings/notifications',
    access: 'user',
    load: () => import('./pages/NotificationSettings'),
  },
  { pattern: '/circles', access: 'user', load: () => import('./pages/Circles') },
  { pattern: '/circles/new', access: 'user', load: () => import('./pages/CircleNew') },
  { pattern: '/circles/:id', access: 'user', load: () => import('./pages/Circle') },
  { pattern: '/circles/:id/moments', access: 'user', load: () => import('./pages/CircleMoments') },
  { pattern: '/checkins/:id/notes', access: 'user', load: () => import('./pages/CheckinNotes') },
  { pattern: '/people/:id/moments', access: 'user', load: () => import('./pages/PersonMoments') },
  { pattern: '/reach-out', access: 'user', load: () => import('./pages/ReachOut') },
  { pattern: '/nudge', access: 'user', load: () => import('./pages/Nudge') },
  { pattern: '/checkins/:id', access: 'user', load: () => import('./pages/Checkin') },
  { pattern: '/invite/:token', access: 'public', load: () => import('./pages/Invite') },
  { pattern: '/crisis', access: 'public', load: () => import('./pages/Crisis') },
  { pattern: '/about', access: 'public', load: () => import('./pages/About') },
  { pattern: '/offline', access: 'public', load: () => import('./pages/Offline') },
];

export const notFound: RouteDef = {
  pattern: '*',
  access: 'public',
  load: () => import('./pages/NotFound'),
};
