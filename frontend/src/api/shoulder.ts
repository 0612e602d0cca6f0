import { API_BASE, api } from './client';
import type { CrisisResources } from '../crisis/resources';

export interface Me {
  id: string;
  email: string;
  display_name: string;
  timezone: string;
}

export async function getMe(): Promise<Me> {
  return (await api.get<Me>(`${API_BASE}/me/`)).data;
}

export async function updateMe(changes: Partial<Pick<Me, 'display_name' | 'timezone'>>): Promise<Me> {
  return (await api.patch<Me>(`${API_BASE}/me/`, changes)).data;
}

export async function getCrisisResources(): Promise<unknown> {
  return (await api.get<CrisisResources>(`${API_BASE}/crisis-resources/`)).data;
}
