import { API_BASE, api, type Body, call, type Schemas } from './client';

export type CircleLevel = Schemas['NotificationSettingsCircleLevel']['level'];
/** Local times, "HH:MM". */
export type QuietHours = Schemas['NotificationSettingsQuietHours'];
export type NotificationSettings = Schemas['NotificationSettingsOutput'];
export type NotificationSettingsChange = Body<'patch', '/api/v1/notification-settings/'>;
/** What the browser's `PushSubscription.toJSON()` gives, as the server takes it. */
export type SubscriptionJson = Body<'post', '/api/v1/push/subscriptions/'>;
export type StoredSubscription = Schemas['PushSubscriptionOutput'];

export async function getPushKey(): Promise<string> {
  return (await call('get', '/api/v1/push/key/')).public_key;
}

export const saveSubscription = (subscription: SubscriptionJson) =>
  call('post', '/api/v1/push/subscriptions/', { body: subscription });

export async function deleteSubscription(endpoint: string): Promise<void> {
  // In the body, not the query the schema also allows: the endpoint is a capability URL
  // and query strings end up in access logs.
  await api.delete(`${API_BASE}/push/subscriptions/`, { body: { endpoint } });
}

export async function sendTestNotification(): Promise<number> {
  return (await call('post', '/api/v1/push/test/')).devices;
}

export const getNotificationSettings = () => call('get', '/api/v1/notification-settings/');

export const updateNotificationSettings = (changes: NotificationSettingsChange) =>
  call('patch', '/api/v1/notification-settings/', { body: changes });
