import { Injectable } from '@nestjs/common';

/** Scheduled work as data: the worker runs `run` once per `intervalSeconds` across all workers. */
export interface PeriodicTask {
  /** Stable name, also the queue the runs go through (`periodic.<id>`). */
  id: string;
  intervalSeconds: number;
  run(): Promise<unknown>;
}

/** Every periodic task of the app; each context adds its own (usually in its module's constructor). */
@Injectable()
export class PeriodicTasks {
  private readonly tasks = new Map<string, PeriodicTask>();

  add(task: PeriodicTask): void {
    if (this.tasks.has(task.id)) throw new Error(`Periodic task ${task.id} is registered twice`);
    this.tasks.set(task.id, task);
  }

  list(): PeriodicTask[] {
    return [...this.tasks.values()];
  }
}
