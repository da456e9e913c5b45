import { ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { JobQueue } from '@congocart/shared';
import { startTestApp, TestApp } from './support/test-app';
import { TEST_JOBS_TABLES, TEST_WORK_POLICY, TEST_WORK_QUEUE, TestWork } from './support/test-jobs';

interface Worker {
  process: ChildProcess;
  pid: number;
  port: number;
}

/** Polls `probe` until it returns something truthy, or fails after `ms`. */
async function eventually<T>(probe: () => Promise<T | undefined | null | false>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('worker processes on one database', () => {
  let t: TestApp;
  const workers: Worker[] = [];

  /** A real `apps/worker` process (plus test jobs), started as a child over loopback. */
  function startWorker(): Promise<Worker> {
    const child = spawn(
      process.execPath,
      ['-r', './test/support/swc-register.js', '-r', 'tsconfig-paths/register', 'test/support/worker-process.ts'],
      {
        env: {
          ...process.env,
          DATABASE_URL: t.databaseUrl,
          TS_NODE_PROJECT: 'tsconfig.json',
          HOST: '127.0.0.1',
          WORKER_PORT: '0',
          JOBS_POLL_INTERVAL_SECONDS: '1',
          JOBS_MAINTENANCE_INTERVAL_SECONDS: '1',
          JOBS_SHUTDOWN_TIMEOUT_SECONDS: '5',
          TEST_TICK_SECONDS: '1',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    return new Promise((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
      createInterface({ input: child.stdout! }).once('line', (line) => {
        const { pid, port } = JSON.parse(line) as { pid: number; port: number };
        const worker = { process: child, pid, port };
        workers.push(worker);
        resolve(worker);
      });
    });
  }

  const runs = () =>
    t.sql<{ job_id: string; pid: number; started_at: Date; finished_at: Date | null }>(`SELECT * FROM test_job_runs ORDER BY id`);

  beforeAll(async () => {
    t = await startTestApp({ WORKER_MODE: 'off' });
    await t.sql(TEST_JOBS_TABLES);
    await t.app.get(JobQueue).ensureQueue(TEST_WORK_QUEUE, TEST_WORK_POLICY);
    await Promise.all([startWorker(), startWorker()]);
  }, 120_000);

  afterAll(async () => {
    for (const worker of workers) worker.process.kill('SIGKILL');
    await t?.close();
  });

  it('answers /health/ready (database and queue) and /metrics on its own port', async () => {
    const ready = await fetch(`http://127.0.0.1:${workers[0].port}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', details: { database: { status: 'up' }, queue: { status: 'up' } } });
    expect((await fetch(`http://127.0.0.1:${workers[0].port}/health/live`)).status).toBe(200);
    expect(await (await fetch(`http://127.0.0.1:${workers[0].port}/metrics`)).text()).toContain('jobs_queue_depth');
  });

  it('runs a periodic task once per interval across both workers', async () => {
    const jobs = () =>
      t.sql<{ singleton_on: Date; state: string }>(`SELECT singleton_on, state FROM pgboss.job WHERE name = 'periodic.test.tick'`);
    await eventually(async () => (await jobs()).filter((job) => job.state === 'completed').length >= 3);

    const completed = (await jobs()).filter((job) => job.state === 'completed');
    const [{ ticks }] = await t.sql<{ ticks: number }>(`SELECT count(*)::int AS ticks FROM test_ticks`);
    // Both workers offer every slot; each slot is stored once and run once.
    expect(new Set(completed.map((job) => job.singleton_on.toISOString())).size).toBe(completed.length);
    const [{ running }] = await t.sql<{ running: number }>(
      `SELECT count(*)::int AS running FROM pgboss.job WHERE name = 'periodic.test.tick' AND state = 'active'`,
    );
    expect(ticks).toBeGreaterThanOrEqual(completed.length);
    expect(ticks).toBeLessThanOrEqual(completed.length + running);
  });

  it('shares 200 jobs between two workers: every job runs once, none is lost, none runs twice at once', async () => {
    const queue = t.app.get(JobQueue);
    const ids = await Promise.all(
      Array.from({ length: 200 }, (_, n) => queue.boss.send(TEST_WORK_QUEUE, { n, sleepMs: 20 } satisfies TestWork)),
    );

    await eventually(async () => (await runs()).filter((run) => run.finished_at).length >= 200);

    const all = await runs();
    expect(all).toHaveLength(200);
    expect(new Set(all.map((run) => run.job_id))).toEqual(new Set(ids));
    expect(new Set(all.map((run) => run.pid))).toEqual(new Set(workers.map((w) => w.pid)));
    const [{ completed }] = await t.sql<{ completed: number }>(
      `SELECT count(*)::int AS completed FROM pgboss.job WHERE name = $1 AND state = 'completed'`,
      [TEST_WORK_QUEUE],
    );
    expect(completed).toBe(200);
  }, 60_000);

  it('runs the job of a worker killed mid-job (SIGKILL) again on another worker, to completion', async () => {
    const jobId = (await t.app.get(JobQueue).boss.send(TEST_WORK_QUEUE, { n: -1, sleepMs: 10, hangOnFirstRun: true } satisfies TestWork))!;
    const first = await eventually(async () => (await runs()).find((run) => run.job_id === jobId));
    const victim = workers.find((w) => w.pid === first.pid)!;

    victim.process.kill('SIGKILL');

    const rerun = await eventually(async () => (await runs()).find((run) => run.job_id === jobId && run.finished_at));
    expect(rerun.pid).not.toBe(victim.pid);
    const [job] = await t.sql<{ state: string }>(`SELECT state FROM pgboss.job WHERE id = $1`, [jobId]);
    expect(job.state).toBe('completed');
  }, 60_000);
});
