import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';

const STOP_WAIT_MS = 15_000;

/**
 * When the previous owner of `dataDir` was killed (kill -9 of the API), its PostgreSQL is still
 * running there and the new one cannot start. Stops that server (fast shutdown, then immediate)
 * if postmaster.pid names a live postgres process; a stale file of a dead one is PostgreSQL's
 * own business (it removes it).
 */
export async function stopStalePostmaster(dataDir: string, log?: (line: string) => void): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isPostgres(pid)) return;
  log?.(`A PostgreSQL (pid ${pid}) left running on ${dataDir} by an earlier process: stopping it`);
  for (const signal of ['SIGINT', 'SIGQUIT', 'SIGKILL'] as const) {
    if (!alive(pid)) return;
    process.kill(pid, signal);
    for (let waited = 0; waited < STOP_WAIT_MS / 3 && alive(pid); waited += 100) await sleep(100);
  }
  if (alive(pid)) throw new Error(`The PostgreSQL (pid ${pid}) left running on ${dataDir} could not be stopped`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid may have been reused by an unrelated process: only a postgres is stopped. */
function isPostgres(pid: number): boolean {
  if (!alive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return true; // no /proc (macOS): trust postmaster.pid, as pg_ctl does
  }
}
