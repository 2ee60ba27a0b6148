/** The one clock all time logic reads (STYLE: never Date.now() in the domain). */
export interface Clock {
  now(): Date;
}

/** Real time, optionally shifted so that it started at `start` when the process started. */
export class SystemClock implements Clock {
  private readonly offsetMs: number;

  constructor(start?: string) {
    this.offsetMs = start ? new Date(start).getTime() - Date.now() : 0;
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}
