/** Byte helpers that work the same in Node, a window and a worker (no Buffer). */
export type Bytes = Uint8Array<ArrayBuffer>;

export function randomBytes(length: number): Bytes {
  return crypto.getRandomValues(new Uint8Array(length));
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function fromBase64(text: string): Bytes {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function utf8(text: string): Bytes {
  return new TextEncoder().encode(text) as Bytes;
}

/** Overwrites secret bytes once they are no longer needed. */
export function wipe(bytes: Uint8Array | null | undefined): void {
  bytes?.fill(0);
}
