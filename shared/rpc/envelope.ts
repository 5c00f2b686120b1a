import { z } from 'zod';
import type { ErrorInfo } from '../errors';

export type CallId = number | string;

export interface RequestMessage {
  id: CallId;
  method: string;
  arg: unknown;
}
export interface CancelMessage {
  cancel: CallId;
}
export type ReplyMessage =
  | { id: CallId | null; ok: true; value: unknown }
  | { id: CallId | null; ok: false; error: ErrorInfo };
export interface PushMessage {
  event: string;
  payload: unknown;
}

/** Progress of one call travels as a push with this event name. */
export const PROGRESS_EVENT = '$progress';
export interface ProgressPayload {
  id: CallId;
  value: unknown;
}

const callId = z.union([z.int().nonnegative(), z.string().min(1).max(64)]);

export const requestSchema = z.strictObject({
  id: callId,
  method: z.string().min(1).max(100),
  arg: z.unknown(),
});
export const cancelSchema = z.strictObject({ cancel: callId });

const errorInfoSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});

/** What a client accepts from a server: replies and pushes. */
export const inboundToClientSchema = z.union([
  z.object({ id: z.union([callId, z.null()]), ok: z.literal(true), value: z.unknown() }),
  z.object({ id: z.union([callId, z.null()]), ok: z.literal(false), error: errorInfoSchema }),
  z.object({ event: z.string(), payload: z.unknown() }),
]);

/** The id of a message too malformed to parse, when it has a usable one. */
export function salvageId(data: unknown): CallId | null {
  if (typeof data !== 'object' || data === null || !('id' in data)) return null;
  const parsed = callId.safeParse((data as { id: unknown }).id);
  return parsed.success ? parsed.data : null;
}
