import { apiPath } from './aftermath';
import type { PageOf } from './circles';
import { type Body, call, type Schemas } from './client';

export type Report = Schemas['ReportListOutput'];
export type ReportInput = Body<'post', '/api/v1/reports/'>;
export type ReportCategory = Schemas['ReportCategoryEnum'];
export type ReportTargetType = Schemas['ReportTargetTypeEnum'];
export type Strike = Schemas['Strike'];

const further = (next?: string | null) => (next ? { href: apiPath(next) } : {});

/** 201 for a new report; 200 with the same report when mine on it is still open. */
export const createReport = (input: ReportInput): Promise<Report> => call('post', '/api/v1/reports/', { body: input });

export const listReports = (next?: string | null): Promise<PageOf<Report>> =>
  call('get', '/api/v1/reports/', further(next));

export const listStrikes = (next?: string | null): Promise<PageOf<Strike>> =>
  call('get', '/api/v1/strikes/', further(next));

export const appealStrike = (id: string, text: string): Promise<Strike> =>
  call('post', '/api/v1/strikes/{strike_id}/appeal/', { path: { strike_id: id }, body: { text } });

export async function removeNoteFromCircle(noteId: string, reason = ''): Promise<void> {
  await call('post', '/api/v1/notes/{note_id}/remove-from-circle/', { path: { note_id: noteId }, body: { reason } });
}
