/**
 * Messages between the twin's pages and Node cross Playwright as text. Tagged JSON carries what
 * Electron's structured clone carries and JSON does not (bytes, dates, undefined, Maps...); the
 * page side is the same code in pageShim.ts.
 */
type Tagged = { __twin: string; [key: string]: unknown };

const VIEWS: Record<string, new (buffer: ArrayBuffer, offset: number, length: number) => unknown> =
  {
    Uint8Array,
    Int8Array,
    Uint8ClampedArray,
    Uint16Array,
    Int16Array,
    Uint32Array,
    Int32Array,
    Float32Array,
    Float64Array,
    BigInt64Array,
    BigUint64Array,
  };

export function encode(value: unknown): string {
  return JSON.stringify({ v: value }, function (this: Record<string, unknown>, key, v: unknown) {
    const raw = this[key];
    if (raw === undefined) return { __twin: 'undefined' };
    if (typeof raw === 'number' && !Number.isFinite(raw))
      return { __twin: 'number', s: String(raw) };
    if (typeof raw === 'bigint') return { __twin: 'bigint', s: String(raw) };
    if (raw instanceof Date) return { __twin: 'date', t: raw.getTime() };
    if (raw instanceof ArrayBuffer) {
      return { __twin: 'ArrayBuffer', b: Buffer.from(raw).toString('base64') };
    }
    if (ArrayBuffer.isView(raw)) {
      const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
      // A Node Buffer is a Uint8Array to the page, as structured clone makes it.
      const name = Buffer.isBuffer(raw) ? 'Uint8Array' : raw.constructor.name;
      return { __twin: name, b: bytes.toString('base64') };
    }
    if (raw instanceof Map) return { __twin: 'Map', e: [...raw] };
    if (raw instanceof Set) return { __twin: 'Set', e: [...raw] };
    return v;
  });
}

export function decode(text: string): unknown {
  return (
    JSON.parse(text, (_key, v: unknown) => {
      if (!v || typeof v !== 'object' || typeof (v as Tagged).__twin !== 'string') return v;
      const t = v as Tagged;
      switch (t.__twin) {
        case 'undefined':
          return undefined;
        case 'number':
          return Number(t.s);
        case 'bigint':
          return BigInt(t.s as string);
        case 'date':
          return new Date(t.t as number);
        case 'Map':
          return new Map(t.e as [unknown, unknown][]);
        case 'Set':
          return new Set(t.e as unknown[]);
        default: {
          const bytes = Buffer.from(t.b as string, 'base64');
          const copy = new ArrayBuffer(bytes.byteLength);
          new Uint8Array(copy).set(bytes);
          if (t.__twin === 'ArrayBuffer') return copy;
          if (t.__twin === 'DataView') return new DataView(copy);
          const View = VIEWS[t.__twin];
          if (!View) throw new Error(`The twin cannot carry a ${t.__twin}`);
          const size = (View as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
          return new View(copy, 0, copy.byteLength / size);
        }
      }
    }) as { v: unknown }
  ).v;
}
