/** A `fetch` that records every request and answers each with `answer` as JSON (200). */
export function recordingFetch(answer: unknown): { fetch: typeof fetch; sent: Request[] } {
  const sent: Request[] = [];
  return {
    sent,
    fetch: async (input, init) => {
      sent.push(new Request(input, init));
      return Response.json(answer);
    },
  };
}
