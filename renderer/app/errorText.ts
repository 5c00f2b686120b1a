import { AppError } from '../../shared/errors';
import type { MessageKey, Params } from '../i18n/translate';

/** One sentence in the user's language for any failure, by its stable code. */
export function errorText(error: unknown, t: (key: MessageKey, params?: Params) => string): string {
  if (error instanceof AppError) {
    return t(`error.${error.code}`, { message: error.message });
  }
  return t('error.INTERNAL', { message: error instanceof Error ? error.message : String(error) });
}
