import { readFileSync } from 'node:fs';

/** A process's parent pid, from /proc (Linux); `undefined` where there is no /proc or the process is gone. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 4; the command name before it is in parentheses and may hold spaces.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** Whether `pid` is a shell running one command line (`sh -c …`), as `npx` and `npm run` start a bin. */
function isCommandShell(pid: number): boolean {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return /(?:^|\/)(?:sh|bash|dash|zsh)$/.test(argv[0] ?? '') && argv.includes('-c');
  } catch {
    return false;
  }
}

/**
 * Calls `onExit` once the process that started this one is gone: the parent pid changes (an orphan is adopted), or,
 * when the parent is a `sh -c` wrapper (`npx`, `npm exec`, `npm run`), the wrapper's own parent changes — killing
 * `npx` leaves its shell waiting on us. Checks every `intervalMs` on an unref'd timer; returns a stop function.
 */
export function watchParent(onExit: () => void, intervalMs = 500): () => void {
  const parent = process.ppid;
  const grandparent = isCommandShell(parent) ? parentOf(parent) : undefined;
  const timer = setInterval(() => {
    if (process.ppid === parent && (grandparent === undefined || parentOf(parent) === grandparent)) return;
    clearInterval(timer);
    onExit();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
