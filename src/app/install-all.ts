import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { log } from '../log';
import type { Delivery, Person, Stored } from './ports';
import { deliverWaiting, storeChat, type InstallFailure } from './reach';
import { registeredPeople } from './reach-report';
import type { Services } from './services';

/**
 * Install for all (SPEC §12): one stored job installs the app for every registered person without
 * a chat, a slice at a time from a stored timer, each slice holding the job's lease.
 */
export interface InstallJob {
  jobId: string;
  status: 'running' | 'done';
  /** The coordinator who pressed Install for all: their card shows the progress. */
  startedBy: string;
  startedAt: string;
  updatedAt: string;
  finishedAt?: string;
  /** The message whose card is updated in place (the card the button was on). */
  activityId?: string;
  /** How many people to install for; unset until the first slice has listed them. */
  total?: number;
  /** The next person's index: everyone before it is done. */
  cursor: number;
  installed: number;
  notFound: number;
  refused: number;
  failed: number;
  /** The latest slice started: an older slice's timer (left by a crash) does nothing. */
  slice: number;
}

const count = z.number().int().min(0);
/** How a stored job is checked when read back. */
export const installJobSchema = z
  .object({
    jobId: z.string(),
    status: z.enum(['running', 'done']),
    startedBy: z.string(),
    startedAt: z.string(),
    updatedAt: z.string(),
    finishedAt: z.string().optional(),
    activityId: z.string().optional(),
    total: count.optional(),
    cursor: count,
    installed: count,
    notFound: count,
    refused: count,
    failed: count,
    slice: count,
  })
  .passthrough() satisfies z.ZodType<InstallJob>;

export interface InstallTarget {
  index: number;
  email: string;
  name: string;
  failure?: InstallFailure;
}

/** The current job (one row) and its list of people (a partition per job), in the Jobs table. */
export interface InstallJobStore {
  current(): Promise<Stored<InstallJob> | undefined>;
  /** Makes `job` current, conditional on the etag of the job read before (none: no job yet). */
  begin(job: InstallJob, previousEtag?: string): Promise<boolean>;
  /**
   * Leases the job for one slice: undefined when it is another or finished job, a later slice has
   * started, or someone else holds the lease.
   */
  lease(
    jobId: string,
    slice: number,
    now: Date,
    leaseMs: number,
  ): Promise<Stored<InstallJob> | undefined>;
  /** Saves the job conditionally, with the lease until `leaseUntil` (none: released). */
  save(job: InstallJob, etag: string, leaseUntil?: string): Promise<string | undefined>;
  addTargets(jobId: string, targets: readonly InstallTarget[]): Promise<void>;
  /** Up to `count` people from index `from`, in order. */
  targets(jobId: string, from: number, count: number): Promise<InstallTarget[]>;
  markFailure(jobId: string, index: number, failure: InstallFailure): Promise<void>;
  failures(jobId: string): Promise<InstallTarget[]>;
  dropTargets(jobId: string): Promise<void>;
}

/** What a progress card shows: the job, and when it is done, who was not reached and why. */
export interface InstallAllView {
  job: InstallJob;
  unreached: Array<{ email: string; name: string; reason: InstallFailure }>;
}

/** The card is updated after this many people. */
export const INSTALL_BATCH = 20;
/** Batches per timer firing: a slice stays short, so that other timers on the instance wait little. */
const BATCHES_PER_SLICE = 3;
/** A slice renews its lease with every person; one stuck this long is taken over. */
const LEASE_MS = 2 * 60_000;
/** A running job nobody has moved for this long (its timer given up) may be started again. */
const STALE_MS = 3600_000;

export type StartOutcome =
  | { type: 'not_allowed' }
  | { type: 'off' }
  | { type: 'running'; job: InstallJob }
  | { type: 'started'; job: InstallJob };

/** The button: starts the job unless one is running (then says so); coordinators only. */
export async function startInstallAll(
  s: Services,
  actor: { isCoordinator: boolean; aadObjectId: string },
  activityId: string | undefined,
): Promise<StartOutcome> {
  if (!actor.isCoordinator) return { type: 'not_allowed' };
  if (!s.reach) return { type: 'off' };
  const store = s.reach.installJobs;
  const now = s.clock.now();
  const current = await store.current();
  if (current && isRunning(current.value, now)) return { type: 'running', job: current.value };
  const job: InstallJob = {
    jobId: randomUUID(),
    status: 'running',
    startedBy: actor.aadObjectId,
    startedAt: now.toISOString(),
    updatedAt: now.toISOString(),
    ...(activityId ? { activityId } : {}),
    cursor: 0,
    installed: 0,
    notFound: 0,
    refused: 0,
    failed: 0,
    slice: 0,
  };
  if (!(await store.begin(job, current?.etag))) {
    // Another coordinator (or instance) started one at this very moment.
    const winner = await store.current();
    return winner ? { type: 'running', job: winner.value } : { type: 'off' };
  }
  await s.jobs.schedule({
    kind: 'install_all',
    dueAt: now.toISOString(),
    orderId: job.jobId,
    wave: 0,
  });
  log.info({ event: 'install_all_started', jobId: job.jobId }, 'install for all started');
  return { type: 'started', job };
}

/** The job last started, if any (for the /reach card). */
export async function currentInstallJob(s: Services): Promise<InstallJob | undefined> {
  return (await s.reach?.installJobs.current())?.value;
}

export function isRunning(job: InstallJob, now: Date): boolean {
  return job.status === 'running' && now.getTime() - Date.parse(job.updatedAt) < STALE_MS;
}

/** Where the progress goes: the card of the coordinator who started the job. */
export interface InstallAllReporter {
  installAllCard(coordinator: Person, view: InstallAllView, activityId?: string): Promise<Delivery>;
}

/**
 * One slice of the job (the `install_all` timer): lists the people first, then installs for the
 * next few batches, paced by the Graph client, saving progress after each person under the lease,
 * and schedules the next slice. A slice that loses its lease stops: someone else goes on.
 */
export async function runInstallAll(
  s: Services,
  reporter: InstallAllReporter,
  jobId: string,
  slice: number,
): Promise<void> {
  if (!s.reach) return;
  const store = s.reach.installJobs;
  const leased = await store.lease(jobId, slice, s.clock.now(), LEASE_MS);
  if (!leased) return;
  let job = leased.value;
  let etag: string | undefined = leased.etag;
  const leaseUntil = () => new Date(s.clock.now().getTime() + LEASE_MS).toISOString();
  const save = async (next: InstallJob, release = false) => {
    job = { ...next, updatedAt: s.clock.now().toISOString() };
    etag = etag && (await store.save(job, etag, release ? undefined : leaseUntil()));
    if (!etag) log.warn({ event: 'install_all_lease_lost', jobId }, 'another instance goes on');
    return etag !== undefined;
  };

  if (job.total === undefined) {
    const targets = await peopleWithoutChat(s);
    await store.addTargets(jobId, targets);
    if (!(await save({ ...job, total: targets.length }))) return;
  }
  const total = job.total ?? 0;
  for (let batch = 0; batch < BATCHES_PER_SLICE && job.cursor < total; batch++) {
    const targets = await store.targets(jobId, job.cursor, INSTALL_BATCH);
    if (targets.length === 0 && !(await save({ ...job, cursor: total }))) return;
    for (const target of targets) {
      const failure = await installFor(s, target.email);
      if (failure) await store.markFailure(jobId, target.index, failure);
      if (!(await save(counted(job, failure, target.index + 1)))) return;
    }
    if (job.cursor < total && !(await report(s, reporter, job, [], save))) return;
  }
  if (job.cursor < total) {
    // Released, so that the next slice may run on any instance; scheduled after, so that a crash
    // in between leaves this slice's own timer to go on.
    if (!(await save(job, true))) return;
    await s.jobs.schedule({
      kind: 'install_all',
      dueAt: s.clock.now().toISOString(),
      orderId: jobId,
      wave: slice + 1,
    });
    return;
  }
  const failures = await store.failures(jobId);
  const done: InstallJob = { ...job, status: 'done', finishedAt: s.clock.now().toISOString() };
  if (!(await save(done, true))) return;
  await report(s, reporter, job, failures, save);
  await store.dropTargets(jobId);
  log.info(
    {
      event: 'install_all_done',
      jobId,
      total,
      installed: job.installed,
      notFound: job.notFound,
      refused: job.refused,
      failed: job.failed,
    },
    'install for all finished',
  );
}

function counted(job: InstallJob, failure: InstallFailure | undefined, cursor: number): InstallJob {
  switch (failure) {
    case undefined:
      return { ...job, cursor, installed: job.installed + 1 };
    case 'not_found':
      return { ...job, cursor, notFound: job.notFound + 1 };
    case 'refused':
      return { ...job, cursor, refused: job.refused + 1 };
    case 'no_answer':
    case 'failed':
      return { ...job, cursor, failed: job.failed + 1 };
  }
}

/** Updates the coordinator's card; the first card sent (no card to update) is remembered. */
async function report(
  s: Services,
  reporter: InstallAllReporter,
  job: InstallJob,
  failures: InstallTarget[],
  save: (job: InstallJob, release?: boolean) => Promise<boolean>,
): Promise<boolean> {
  const coordinator = (await s.people.get(job.startedBy))?.value;
  if (!coordinator) return true;
  const sent = await reporter.installAllCard(
    coordinator,
    {
      job,
      unreached: failures.map((f) => ({
        email: f.email,
        name: f.name,
        reason: f.failure ?? 'failed',
      })),
    },
    job.activityId,
  );
  if (sent.ok && sent.activityId && !job.activityId)
    return save({ ...job, activityId: sent.activityId }, job.status === 'done');
  return true;
}

/** Everyone registered with no stored chat, in a fixed order (by e-mail). */
async function peopleWithoutChat(s: Services): Promise<InstallTarget[]> {
  const targets: InstallTarget[] = [];
  const names = [...(await registeredPeople(s))].sort(([a], [b]) => a.localeCompare(b));
  for (const [email, name] of names)
    if (!(await s.people.findByEmail(email))) targets.push({ index: targets.length, email, name });
  return targets;
}

/** Installs the app for one person; undefined when they can now be written to (or soon will). */
async function installFor(s: Services, email: string): Promise<InstallFailure | undefined> {
  const reach = s.reach!;
  // They opened the bot meanwhile: nothing to install.
  if (await s.people.findByEmail(email)) return undefined;
  let failure: InstallFailure | undefined;
  try {
    const outcome = await reach.installer.install(email);
    switch (outcome.type) {
      case 'requested':
        return undefined;
      case 'chat':
        await storeChat(s, reach.defaults, email, outcome);
        await deliverWaiting(s, reach.store, email);
        return undefined;
      case 'not_found':
        failure = 'not_found';
        break;
      case 'refused':
        failure = outcome.status === 429 || outcome.status >= 500 ? 'failed' : 'refused';
        break;
    }
  } catch (err) {
    log.warn({ event: 'install_all_call_failed', err: (err as Error).message }, 'graph failed');
    failure = 'failed';
  }
  await reach.store.recordFailure(email, failure, s.clock.now().toISOString());
  return failure;
}
