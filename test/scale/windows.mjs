// How a server would count the recorded arrivals.

/** The busiest window of `intervalMs` starting anywhere (stricter than any fixed window). */
export function busiestSlidingWindow(times, intervalMs) {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; first < sorted.length; first++) {
    while (last < sorted.length && sorted[last] < sorted[first] + intervalMs) last++;
    most = Math.max(most, last - first);
  }
  return most;
}

/** The busiest fixed window as the fakes count (a window opens with the first request after the last closed). */
export function busiestFixedWindow(times, intervalMs) {
  let most = 0;
  let opened = Number.NEGATIVE_INFINITY;
  let count = 0;
  for (const at of [...times].sort((a, b) => a - b)) {
    if (at >= opened + intervalMs) {
      opened = at;
      count = 0;
    }
    most = Math.max(most, ++count);
  }
  return most;
}
