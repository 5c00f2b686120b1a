import { EventEmitter } from 'node:events';
import { decode, encode } from './codec';

/** Where a port handed to a page now lives: its messages go into that page. */
export interface PortHome {
  deliver(portId: number, encoded: string): void;
  close(portId: number): void;
}

/**
 * MessagePortMain as Electron's double: messages are queued until `start()`, structured-cloned
 * (here: encoded), and delivered on a later task. A port posted into a page by
 * `webContents.postMessage` moves there: what its peer sends then goes into that page, and what
 * the page sends on it comes out of its peer, so two pages can talk through a pair, as in Electron.
 */
export class DoublePort extends EventEmitter {
  peer!: DoublePort;
  private home: { page: PortHome; portId: number } | null = null;
  private started = false;
  private closed = false;
  private held: string[] = [];

  postMessage(message: unknown): void {
    if (this.closed) return;
    this.peer.receive(encode(message));
  }

  start(): void {
    this.started = true;
    const held = this.held.splice(0);
    if (held.length > 0) setImmediate(() => held.forEach((m) => this.emitMessage(m)));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.emit('close');
    this.peer.peerClosed();
  }

  /** The page it was posted into sent a message on it: it comes out at the peer. */
  fromPage(encoded: string): void {
    if (!this.closed) this.peer.receive(encoded);
  }

  /** Posted into a page: from now on what arrives goes there. */
  moveTo(page: PortHome, portId: number): void {
    this.home = { page, portId };
    for (const m of this.held.splice(0)) page.deliver(portId, m);
  }

  /** The page that held it is gone (reloaded, closed, crashed): the port closes with it. */
  pageGone(): void {
    this.home = null;
    this.close();
  }

  private receive(encoded: string): void {
    if (this.closed) return;
    if (this.home) this.home.page.deliver(this.home.portId, encoded);
    else if (this.started) setImmediate(() => this.emitMessage(encoded));
    else this.held.push(encoded);
  }

  private peerClosed(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.home) this.home.page.close(this.home.portId);
    this.emit('close');
  }

  private emitMessage(encoded: string): void {
    if (!this.closed) this.emit('message', { data: decode(encoded), ports: [] });
  }
}

export class DoubleChannel {
  port1 = new DoublePort();
  port2 = new DoublePort();
  constructor() {
    this.port1.peer = this.port2;
    this.port2.peer = this.port1;
  }
}
