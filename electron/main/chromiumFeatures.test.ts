import { describe, expect, it } from 'vitest';
import { DISABLED_CHROMIUM_FEATURES, disableChromiumFeatures } from './chromiumFeatures';

/** Electron's app.commandLine, as far as the switch goes: a switch given again replaces it. */
function commandLine(initial: Record<string, string> = {}) {
  const switches = new Map(Object.entries(initial));
  return {
    switches,
    hasSwitch: (name: string) => switches.has(name),
    getSwitchValue: (name: string) => switches.get(name) ?? '',
    appendSwitch: (name: string, value = '') => void switches.set(name, value),
  };
}

describe('disableChromiumFeatures', () => {
  it('turns off the deferral of posted messages after input, which delays search answers', () => {
    const line = commandLine();
    disableChromiumFeatures(line);
    expect(DISABLED_CHROMIUM_FEATURES).toContain('DeferRendererTasksAfterInput');
    expect(line.switches.get('disable-features')).toBe(DISABLED_CHROMIUM_FEATURES.join(','));
  });

  it('keeps the features another switch already turned off, once each', () => {
    const line = commandLine({ 'disable-features': 'Translate,MediaRouter' });
    disableChromiumFeatures(line, ['MediaRouter', 'DeferRendererTasksAfterInput']);
    expect(line.switches.get('disable-features')).toBe(
      'Translate,MediaRouter,DeferRendererTasksAfterInput',
    );
  });
});
