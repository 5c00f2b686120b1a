import { describe, expect, it } from 'vitest';
import { CSP } from '../electron/main/security';
import { WEB_UI_CSP, webCspFor } from './webCsp';

describe('browser mode policies', () => {
  it('gives the store workers the store window policy, the page the UI window policy', () => {
    expect(webCspFor('/assets/worker-Dbwv_4sw.js')).toBe(CSP.store);
    expect(webCspFor('/assets/argon2.worker-Bna0mUED.js?x=1')).toBe(CSP.kdfWorker);
    expect(CSP.store).not.toContain('wasm');
    expect(CSP.kdfWorker).toBe(CSP.store.replace("'self'", "'self' 'wasm-unsafe-eval'"));
    expect(webCspFor('/')).toBe(WEB_UI_CSP);
    expect(webCspFor('/index.html')).toBe(WEB_UI_CSP);
    // The one written difference: inline styles, for the report tab (see WEB_UI_CSP).
    expect(WEB_UI_CSP.replace(" 'unsafe-inline'", '')).toBe(CSP.ui);
    expect(webCspFor('/assets/index-CORgEvod.js')).toBeNull();
  });
});
