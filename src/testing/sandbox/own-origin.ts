import type { IncomingMessage } from 'node:http';

/** A socket address as the host of a URL: `::ffff:127.0.0.1` → `127.0.0.1`, IPv6 in brackets. */
function urlHost(address: string): string {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (v4) return v4;
  return address.includes(':') ? `[${address}]` : address;
}

/** The host name of the `Host` header, lower case; `undefined` without one. */
function hostHeaderName(req: IncomingMessage): string | undefined {
  const { host } = req.headers;
  if (!host) return undefined;
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return '';
  }
}

/**
 * The sandbox's own origin for a request, which the fakes build `meta.next` and every other link from: the address
 * and port the connection reached, or `localhost` on that port when the `Host` header says `localhost` (both name
 * this sandbox). Never a host the client made up: links cannot be pointed elsewhere with a hostile `Host`.
 */
export function ownOrigin(req: IncomingMessage): string {
  const { localAddress = '127.0.0.1', localPort } = req.socket;
  const host = hostHeaderName(req) === 'localhost' ? 'localhost' : urlHost(localAddress);
  return `http://${host}:${localPort}`;
}

/**
 * Whether the `Host` header names this machine's loopback. A sandbox on loopback answers nothing else: a page on an
 * attacker's name that re-resolves to 127.0.0.1 (DNS rebinding) would otherwise reach it as its own origin.
 */
export function hostNamesLoopback(req: IncomingMessage): boolean {
  const name = hostHeaderName(req);
  return name === undefined || name === 'localhost' || name === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(name);
}

/** Whether an address to listen on is loopback only. */
export function isLoopbackAddress(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}
