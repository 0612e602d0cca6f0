import { API_BASE, api } from './client';

export type CircleLevel = 'all' | 'reach_outs' | 'muted';

export interface QuietHours {
  enabled: boolean;
  /** Local time, "HH:MM". */
  start: string;
  end: string;
}

export interface NotificationSettings {
  quiet_hours: QuietHours;
  reach_outs_break_quiet_hours: boolean;
  circles: { circle: { id: string; name: string | null }; level: CircleLevel }[];
}

export interface NotificationSettingsChange {
  quiet_hours?: Partial<QuietHours>;
  reach_outs_break_quiet_hours?: boolean;
  circles?: { circle: string; level: CircleLevel }[];
}

/** What the browser's `PushSubscription.toJSON()` gives. */
export interface SubscriptionJson {
  endpoint?: string;
  expirationTime?: number | null;
  keys?: Record<string, string>;
}

export interface StoredSubscription {
  id: string;
  endpoint: string;
  created_at: string;
  last_success_at: string | null;
}

const SUBSCRIPTIONS = `${API_BASE}/push/subscriptions/`;

export async function getPushKey(): Promise<string> {
  return (await api.get<{ public_key: string }>(`${API_BASE}/push/key/`)).data.public_key;
}

export async function saveSubscription(subscription: SubscriptionJson): Promise<StoredSubscription> {
  return (await api.post<StoredSubscription>(SUBSCRIPTIONS, subscription)).data;
}

export async function deleteSubscription(endpoint: string): Promise<void> {
  await api.delete(SUBSCRIPTIONS, { body: { endpoint } });
}

export async function sendTestNotification(): Promise<number> {
  return (await api.post<{ devices: number }>(`${API_BASE}/push/test/`)).data.devices;
}

export async function getNotificationSettings(): Promise<NotificationSettings> {
  return (await api.get<NotificationSettings>(`${API_BASE}/notification-settings/`)).data;
}

export async function updateNotificationSettings(
  changes: NotificationSettingsChange,
): Promise<NotificationSettings> {
  return (await api.patch<NotificationSettings>(`${API_BASE}/notification-settings/`, changes)).data;
}
