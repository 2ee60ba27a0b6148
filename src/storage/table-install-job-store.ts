import { randomUUID } from 'node:crypto';
import { TableClient, type TransactionAction } from '@azure/data-tables';
import {
  installJobSchema,
  type InstallJob,
  type InstallJobStore,
  type InstallTarget,
} from '../app/install-all';
import { parseStored, rowName } from './parse-stored';
import type { Stored } from '../app/ports';
import type { InstallFailure } from '../app/reach';
import { isConflict, isNotFound, isPreconditionFailed, partitionRows } from './tables';

const JOB = { partitionKey: 'install_all', rowKey: 'current' } as const;
const targetPartition = (jobId: string) => `install_all|${jobId}`;
const targetKey = (index: number) => String(index).padStart(7, '0');
/** Entity group transactions take at most 100 rows. */
const TRANSACTION_MAX = 100;

interface JobRow {
  data: string;
  leaseUntil?: string;
  leaseOwner?: string;
}

/** Install for all in the Jobs table: the current job in one row, its people in their own partition. */
export class TableInstallJobStore implements InstallJobStore {
  /** Who holds a lease: this instance. */
  private readonly owner = randomUUID();

  constructor(private readonly table: TableClient) {}

  async current(): Promise<Stored<InstallJob> | undefined> {
    const row = await this.read();
    return row && { value: this.parse(row.data), etag: row.etag };
  }

  async begin(job: InstallJob, previousEtag?: string): Promise<boolean> {
    const row = { ...JOB, data: JSON.stringify(job), leaseUntil: '', leaseOwner: '' };
    try {
      if (previousEtag) await this.table.updateEntity(row, 'Replace', { etag: previousEtag });
      else await this.table.createEntity(row);
      return true;
    } catch (err) {
      if (isConflict(err) || isPreconditionFailed(err)) return false;
      throw err;
    }
  }

  async lease(
    jobId: string,
    slice: number,
    now: Date,
    leaseMs: number,
  ): Promise<Stored<InstallJob> | undefined> {
    const row = await this.read();
    if (!row) return undefined;
    const job = this.parse(row.data);
    if (job.jobId !== jobId || job.status !== 'running' || slice < job.slice) return undefined;
    if (row.leaseUntil && row.leaseUntil > now.toISOString()) return undefined;
    const leased: InstallJob = { ...job, slice };
    const etag = await this.save(leased, row.etag, new Date(now.getTime() + leaseMs).toISOString());
    return etag ? { value: leased, etag } : undefined;
  }

  async save(job: InstallJob, etag: string, leaseUntil?: string): Promise<string | undefined> {
    try {
      const res = await this.table.updateEntity(
        {
          ...JOB,
          data: JSON.stringify(job),
          leaseUntil: leaseUntil ?? '',
          leaseOwner: leaseUntil ? this.owner : '',
        },
        'Replace',
        { etag },
      );
      return res.etag;
    } catch (err) {
      if (isPreconditionFailed(err) || isNotFound(err)) return undefined;
      throw err;
    }
  }

  async addTargets(jobId: string, targets: readonly InstallTarget[]): Promise<void> {
    for (let i = 0; i < targets.length; i += TRANSACTION_MAX) {
      const actions: TransactionAction[] = targets.slice(i, i + TRANSACTION_MAX).map((t) => [
        'upsert',
        {
          partitionKey: targetPartition(jobId),
          rowKey: targetKey(t.index),
          email: t.email,
          name: t.name,
        },
        'Replace',
      ]);
      await this.table.submitTransaction(actions);
    }
  }

  async targets(jobId: string, from: number, count: number): Promise<InstallTarget[]> {
    const found: InstallTarget[] = [];
    for await (const r of partitionRows(this.table, targetPartition(jobId), {
      from: targetKey(from),
      to: targetKey(from + count),
    }))
      found.push(targetOf(r));
    return found;
  }

  async markFailure(jobId: string, index: number, failure: InstallFailure): Promise<void> {
    await this.table.updateEntity(
      { partitionKey: targetPartition(jobId), rowKey: targetKey(index), failure },
      'Merge',
    );
  }

  async failures(jobId: string): Promise<InstallTarget[]> {
    const found: InstallTarget[] = [];
    for await (const r of partitionRows(this.table, targetPartition(jobId)))
      if (r.failure) found.push(targetOf(r));
    return found;
  }

  async dropTargets(jobId: string): Promise<void> {
    const keys: string[] = [];
    for await (const r of partitionRows(this.table, targetPartition(jobId))) keys.push(r.rowKey);
    for (let i = 0; i < keys.length; i += TRANSACTION_MAX)
      await this.table.submitTransaction(
        keys
          .slice(i, i + TRANSACTION_MAX)
          .map((rowKey) => ['delete', { partitionKey: targetPartition(jobId), rowKey }]),
      );
  }

  private parse(data: string): InstallJob {
    return parseStored(installJobSchema, data, rowName(this.table, JOB.partitionKey, JOB.rowKey));
  }

  private async read(): Promise<(JobRow & { etag: string }) | undefined> {
    try {
      return await this.table.getEntity<JobRow>(JOB.partitionKey, JOB.rowKey);
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }
}

function targetOf(r: Record<string, unknown>): InstallTarget {
  return {
    index: Number(r.rowKey),
    email: String(r.email),
    name: String(r.name),
    ...(r.failure ? { failure: r.failure as InstallFailure } : {}),
  };
}
