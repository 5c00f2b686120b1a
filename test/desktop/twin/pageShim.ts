/* eslint-disable @typescript-eslint/no-explicit-any -- page code, sent as text: no imports, no types at run time */

/** What Node tells a page's shim when it is injected. */
export interface ShimConfig {
  /** The binding (Playwright exposeBinding) the shim takes and hides from the page. */
  binding: string;
  /** The hook Node calls to deliver messages into the page; a random name. */
  hook: string;
}

/**
 * Runs in a twin page before its own scripts, where Electron would run the window's preload:
 * it gives the real preload bundle a `require('electron')` whose `ipcRenderer` and
 * `contextBridge` speak to the Electron double in Node, and reports CSP violations, errors and
 * unhandled rejections. Serialised with Function#toString: it must use nothing from outside.
 *
 * What it cannot be: an isolated world. The preload runs in the page's own world here, and
 * the delivery hook is a (randomly named) property of the page's window. See test/desktop/README.md.
 */
export function pageShim(
  config: ShimConfig,
  runPreload: (require: (name: string) => unknown, module: object, exports: object) => void,
): void {
  if (window.top !== window) return; // Electron runs preloads in the main frame only.
  const w = window as any;
  const send: (kind: string, payload: string) => Promise<void> = w[config.binding];
  delete w[config.binding];

  // The same tagged JSON as codec.ts: what structured clone carries and JSON does not.
  const toBase64 = (bytes: Uint8Array): string => {
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as any);
    }
    return btoa(text);
  };
  const fromBase64 = (text: string): Uint8Array => {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  };
  const encode = (value: unknown): string =>
    JSON.stringify({ v: value }, function (this: any, key: string, v: unknown) {
      const raw = this[key];
      if (raw === undefined) return { __twin: 'undefined' };
      if (typeof raw === 'number' && !Number.isFinite(raw))
        return { __twin: 'number', s: String(raw) };
      if (typeof raw === 'bigint') return { __twin: 'bigint', s: String(raw) };
      if (raw instanceof Date) return { __twin: 'date', t: raw.getTime() };
      if (raw instanceof ArrayBuffer)
        return { __twin: 'ArrayBuffer', b: toBase64(new Uint8Array(raw)) };
      if (ArrayBuffer.isView(raw)) {
        const bytes = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
        return { __twin: raw.constructor.name, b: toBase64(bytes) };
      }
      if (raw instanceof Map) return { __twin: 'Map', e: [...raw] };
      if (raw instanceof Set) return { __twin: 'Set', e: [...raw] };
      return v;
    });
  const decode = (text: string): any =>
    JSON.parse(text, (_key, v) => {
      if (!v || typeof v !== 'object' || typeof v.__twin !== 'string') return v;
      switch (v.__twin) {
        case 'undefined':
          return undefined;
        case 'number':
          return Number(v.s);
        case 'bigint':
          return BigInt(v.s);
        case 'date':
          return new Date(v.t);
        case 'Map':
          return new Map(v.e);
        case 'Set':
          return new Set(v.e);
        case 'ArrayBuffer':
          return fromBase64(v.b).buffer;
        default: {
          const bytes = fromBase64(v.b);
          const View = (globalThis as any)[v.__twin];
          if (View === DataView) return new DataView(bytes.buffer);
          return new View(bytes.buffer, 0, bytes.byteLength / View.BYTES_PER_ELEMENT);
        }
      }
    }).v;

  const report = (type: string, text: string) => void send('problem', encode({ type, text }));
  document.addEventListener('securitypolicyviolation', (event) =>
    report(
      'csp',
      `${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`,
    ),
  );
  window.addEventListener('unhandledrejection', (event) =>
    report('unhandledrejection', String(event.reason?.stack ?? event.reason)),
  );

  // ipcRenderer: invoke goes to ipcMain.handle in Node; `on` hears webContents.send/postMessage.
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  const calls = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const ports = new Map<number, MessagePort>();
  let nextCall = 1;
  const ipcRenderer: any = {
    invoke: (channel: string, ...args: unknown[]) =>
      new Promise((resolve, reject) => {
        const id = nextCall++;
        calls.set(id, { resolve, reject });
        void send('invoke', encode({ id, channel, args }));
      }),
    on(channel: string, listener: (...args: unknown[]) => void) {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      return ipcRenderer;
    },
    off(channel: string, listener: (...args: unknown[]) => void) {
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((l) => l !== listener),
      );
      return ipcRenderer;
    },
  };
  ipcRenderer.removeListener = ipcRenderer.off;

  // Electron's contextBridge copies what it exposes and the page cannot change it: frozen here.
  const freeze = (value: any): any => {
    if (value && (typeof value === 'object' || typeof value === 'function')) {
      for (const key of Object.keys(value)) freeze(value[key]);
      Object.freeze(value);
    }
    return value;
  };
  const contextBridge = {
    exposeInMainWorld(key: string, api: unknown) {
      Object.defineProperty(window, key, { value: freeze(api), enumerable: true });
    },
  };

  type Delivery =
    | { kind: 'ipc'; channel: string; args: string; portIds: number[] }
    | { kind: 'port'; portId: number; data: string }
    | { kind: 'close'; portId: number }
    | { kind: 'reply'; id: number; ok: boolean; value: string };
  Object.defineProperty(window, config.hook, {
    value(deliveries: Delivery[]) {
      for (const delivery of deliveries) {
        if (delivery.kind === 'ipc') {
          const transferred = delivery.portIds.map((portId) => {
            const channel = new MessageChannel();
            ports.set(portId, channel.port2);
            channel.port2.onmessage = (event) =>
              void send('port', encode({ portId, data: encode(event.data) }));
            return channel.port1;
          });
          const event = { sender: ipcRenderer, ports: transferred };
          for (const listener of listeners.get(delivery.channel) ?? []) {
            listener(event, ...(decode(delivery.args) as unknown[]));
          }
        } else if (delivery.kind === 'port') {
          ports.get(delivery.portId)?.postMessage(decode(delivery.data));
        } else if (delivery.kind === 'close') {
          ports.get(delivery.portId)?.close();
          ports.delete(delivery.portId);
        } else {
          const call = calls.get(delivery.id);
          calls.delete(delivery.id);
          if (delivery.ok) call?.resolve(decode(delivery.value));
          else call?.reject(new Error(decode(delivery.value)));
        }
      }
    },
  });

  const module = { exports: {} };
  runPreload(
    (name) => {
      if (name === 'electron') return { ipcRenderer, contextBridge };
      throw new Error(`A sandboxed preload may require only 'electron', not '${name}'`);
    },
    module,
    module.exports,
  );
}
