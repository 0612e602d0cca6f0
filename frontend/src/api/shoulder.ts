import { type Body, call, type Schemas } from './client';

export type Me = Schemas['MeOutput'];

export const getMe = () => call('get', '/api/v1/me/');

export const updateMe = (changes: Body<'patch', '/api/v1/me/'>) => call('patch', '/api/v1/me/', { body: changes });

/** Read with `parseResources` (src/crisis/resources.ts): the list is shown to people in crisis. */
export const getCrisisResources = () => call('get', '/api/v1/crisis-resources/');
