import disabled from './disabledChromiumFeatures.json';

/**
 * Chromium features the app turns off, for its two windows. The bench launches Chromium with
 * the same list (test/chromium.mjs reads the JSON), so that it measures the app as it ships.
 *
 * - DeferRendererTasksAfterInput: after a key press, Chromium holds back every posted message
 *   until the frame that paints the key has been produced. The store's answer to a search
 *   (ready ~2 ms after the key) then waits for that frame, 5-17 ms depending on the display's
 *   refresh, and the matches are painted one frame after the typed letter. Off, the answer is
 *   handled as soon as it arrives and the letter and its matches are painted together.
 */
export const DISABLED_CHROMIUM_FEATURES: readonly string[] = disabled;

export interface CommandLineLike {
  hasSwitch(name: string): boolean;
  getSwitchValue(name: string): string;
  appendSwitch(name: string, value?: string): void;
}

/**
 * Adds features to `--disable-features`, keeping any already there: Chromium reads only the
 * last value of a switch given twice, so a second switch would drop the first one's list.
 */
export function disableChromiumFeatures(
  commandLine: CommandLineLike,
  features: readonly string[] = DISABLED_CHROMIUM_FEATURES,
): void {
  const current = commandLine.hasSwitch('disable-features')
    ? commandLine.getSwitchValue('disable-features').split(',').filter(Boolean)
    : [];
  const merged = [...new Set([...current, ...features])];
  commandLine.appendSwitch('disable-features', merged.join(','));
}
