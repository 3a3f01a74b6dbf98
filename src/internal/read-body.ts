/** A response body read as text, up to a size limit. */
export interface BodyText {
  text: string;
  /** The body went on past the limit: `text` is its beginning, and the rest was cancelled, not downloaded. */
  truncated: boolean;
}

/**
 * Reads a body as UTF-8 text (as `Response.text()` does) but stops at `maxBytes`, so a broken or hostile server
 * that streams without end cannot exhaust memory before the attempt's timeout. `signal` cancels the read itself:
 * fetch's own abort wiring reaches the body only through objects held weakly (the `Request`), so once garbage
 * collection takes them, an aborted signal no longer stops a body that trickles in forever.
 */
export async function readBodyText(
  response: Response,
  maxBytes: number,
  signal: AbortSignal,
): Promise<BodyText> {
  if (!response.body) return { text: '', truncated: false };
  const reader = response.body.getReader();
  const cancel = () => void reader.cancel(signal.reason).catch(() => undefined);
  signal.addEventListener('abort', cancel, { once: true });
  try {
    return await readUpTo(reader, maxBytes, signal);
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}

async function readUpTo(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  maxBytes: number,
  signal: AbortSignal,
): Promise<BodyText> {
  // Decoded chunk by chunk (a character split across chunks is carried over): no copy of the whole body.
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    signal.throwIfAborted();
    const { done, value } = await reader.read();
    signal.throwIfAborted();
    if (done) return { text: text + decoder.decode(), truncated: false };
    if (size + value.byteLength > maxBytes) {
      text += decoder.decode(value.subarray(0, maxBytes - size));
      // Closes the connection instead of downloading the rest.
      await reader.cancel().catch(() => undefined);
      return { text, truncated: true };
    }
    text += decoder.decode(value, { stream: true });
    size += value.byteLength;
  }
}
