import { ZxcvbnFactory, type Score } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import * as french from '@zxcvbn-ts/language-fr';

export const PASSPHRASE_MIN_LENGTH = 10;
export const PASSPHRASE_MIN_SCORE: Score = 3;

export interface PassphraseVerdict {
  /** 0 (guessed at once) to 4 (very hard to guess), from zxcvbn. */
  score: Score;
  acceptable: boolean;
  /** Why it is refused: 'tooShort', 'tooGuessable', or a zxcvbn warning key. */
  problems: string[];
  /** zxcvbn suggestion keys, translated by the UI. */
  suggestions: string[];
}

let checker: ZxcvbnFactory | null = null;
function getChecker(): ZxcvbnFactory {
  // No translations given: feedback comes back as stable keys the UI translates.
  checker ??= new ZxcvbnFactory({
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary, ...french.dictionary },
  });
  return checker;
}

/** The one rule for a passphrase, applied by the strength meter and again by the vault. */
export function judgePassphrase(passphrase: string, userInputs: string[] = []): PassphraseVerdict {
  const result = getChecker().check(passphrase.normalize('NFC'), ['comptoir', ...userInputs]);
  const problems: string[] = [];
  if ([...passphrase].length < PASSPHRASE_MIN_LENGTH) problems.push('tooShort');
  if (result.score < PASSPHRASE_MIN_SCORE) {
    problems.push(result.feedback.warning ? result.feedback.warning : 'tooGuessable');
  }
  return {
    score: result.score,
    acceptable: problems.length === 0,
    problems,
    suggestions: result.feedback.suggestions,
  };
}
