/**
 * "Confirm it's you", once, around a sensitive action.
 *
 * allauth answers its own sensitive calls (email, password, MFA changes) with 401 and the
 * reauthentication flows while the session is still signed in; Shoulder's API (export,
 * deletion) answers 403 `reauthentication_required` with the same `flows`. Either way the
 * person confirms (password, a code from their authenticator app, or a passkey) and the
 * action runs once more.
 */
import { h, render } from 'preact';
import { ApiError } from '../api/client';
import { t } from '../i18n/i18n';

export interface ReauthFlow {
  id: string;
  types?: string[];
}

export const REAUTH_FLOWS = ['reauthenticate', 'mfa_reauthenticate'] as const;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function flowsIn(list: unknown): ReauthFlow[] {
  if (!Array.isArray(list)) return [];
  return list
    .filter((f): f is Record<string, unknown> => isRecord(f) && typeof f.id === 'string')
    .map((f) => ({ id: f.id as string, types: Array.isArray(f.types) ? f.types.map(String) : undefined }))
    .filter((f) => (REAUTH_FLOWS as readonly string[]).includes(f.id));
}

/** The reauthentication flows `err` asks for, or null when it is some other error. Pure. */
export function reauthFlowsOf(err: unknown): ReauthFlow[] | null {
  if (!(err instanceof ApiError) || !isRecord(err.body)) return null;
  const body = err.body;
  if (err.status === 403 && err.code === 'reauthentication_required') {
    const flows = flowsIn(body.flows);
    return flows.length ? flows : [{ id: 'reauthenticate' }];
  }
  if (err.status === 401 && isRecord(body.meta) && body.meta.is_authenticated === true && isRecord(body.data)) {
    const flows = flowsIn(body.data.flows);
    return flows.length ? flows : null;
  }
  return null;
}

export class ReauthCancelled extends ApiError {
  constructor() {
    super(0, [{ code: 'reauthentication_cancelled', detail: t('Nothing was changed.'), field: null }]);
    this.name = 'ReauthCancelled';
  }
}

/** Shows the sheet; resolves true once the person confirmed, false if they closed it. */
async function confirmItsYou(flows: ReauthFlow[]): Promise<boolean> {
  const { ReauthSheet } = await import('./ReauthSheet');
  const host = document.createElement('div');
  document.body.append(host);
  return new Promise<boolean>((resolve) => {
    const done = (ok: boolean) => {
      render(null, host);
      host.remove();
      resolve(ok);
    };
    render(h(ReauthSheet, { flows, onDone: done }), host);
  });
}

export async function withReauth<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (err) {
    const flows = reauthFlowsOf(err);
    if (!flows) throw err;
    if (!(await confirmItsYou(flows))) throw new ReauthCancelled();
    return await action();
  }
}
