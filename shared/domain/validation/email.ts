import { diagnoseEmail } from './isEmail/diagnose';
import { emailCategory } from './isEmail/diagnoses';
import { suggestEmail } from './emailTypos';

export type EmailVerdict =
  { ok: true; warning?: 'unusual'; suggestion?: string } | { ok: false; reason: 'invalidEmail' };

export const EMAIL_MAX_LENGTH = 254;

/** Product rule: VALID and DNSWARN pass, ERR fails, every other is_email category warns. */
export function checkEmail(address: string): EmailVerdict {
  if (codePoints(address) > EMAIL_MAX_LENGTH) return { ok: false, reason: 'invalidEmail' };
  const category = emailCategory(diagnoseEmail(address));
  if (category === 'ERR') return { ok: false, reason: 'invalidEmail' };
  const verdict: EmailVerdict =
    category === 'VALID' || category === 'DNSWARN'
      ? { ok: true }
      : { ok: true, warning: 'unusual' };
  const suggestion = suggestEmail(address);
  return suggestion === undefined ? verdict : { ...verdict, suggestion };
}

function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}
