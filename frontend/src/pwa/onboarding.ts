/**
 * The two first steps on a device — put Shoulder on the home screen, turn on notifications —
 * and what became of each. Remembered per device (both are things of this phone); once each
 * is done or skipped the guide never shows again.
 */
import { signal } from '@preact/signals';

export const ONBOARDING_KEY = 'shoulder.onboarding';

export type StepName = 'install' | 'notifications';
export type StepState = 'done' | 'skipped';
export type Progress = Partial<Record<StepName, StepState>>;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function read(): Progress {
  try {
    const raw = storage()?.getItem(ONBOARDING_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return typeof parsed === 'object' && parsed !== null ? (parsed as Progress) : {};
  } catch {
    return {};
  }
}

export const progress = signal<Progress>(read());

export function settle(step: StepName, state: StepState): void {
  const next = { ...progress.value, [step]: state };
  progress.value = next;
  try {
    storage()?.setItem(ONBOARDING_KEY, JSON.stringify(next));
  } catch {
    // Private mode: it shows again next time, no harm.
  }
}

/** The step to show now, given what this device already is. Pure. */
export function nextStep(p: Progress, device: { standalone: boolean; permission: string }): StepName | null {
  if (!p.install && !device.standalone) return 'install';
  if (!p.notifications && device.permission !== 'granted') return 'notifications';
  return null;
}
