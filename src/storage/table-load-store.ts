import { TableClient } from '@azure/data-tables';
import { retryOnConflict } from '../app/conflict';
import type { LoadStore } from '../app/ports';
import {
  expertLoadSchema,
  type AssignmentRef,
  type ExpertLoad,
} from '../domain/matching/match-experts';
import { parseStored, rowName } from './parse-stored';
import { decodeKey, encodeKey } from './keys';
import { isNotFound, partitionRows } from './tables';

const PK = 'load';

/** One row per expert with the assignments they hold; small enough to read whole for matching. */
export class TableLoadStore implements LoadStore {
  constructor(private readonly table: TableClient) {}

  async all(): Promise<Map<string, ExpertLoad>> {
    const loads = new Map<string, ExpertLoad>();
    for await (const row of partitionRows(this.table, PK)) {
      loads.set(
        decodeKey(row.rowKey),
        parseStored(expertLoadSchema, row.data, rowName(this.table, PK, row.rowKey)),
      );
    }
    return loads;
  }

  async get(email: string): Promise<ExpertLoad> {
    return (await this.read(email))?.load ?? { assignments: [] };
  }

  add(email: string, assignment: AssignmentRef): Promise<void> {
    return this.change(email, (l) =>
      l.assignments.some((a) => a.orderId === assignment.orderId)
        ? undefined
        : { ...l, assignments: [...l.assignments, assignment] },
    );
  }

  remove(email: string, orderId: string): Promise<void> {
    return this.change(email, (l) =>
      l.assignments.some((a) => a.orderId === orderId)
        ? { ...l, assignments: l.assignments.filter((a) => a.orderId !== orderId) }
        : undefined,
    );
  }

  setFeedback(email: string, feedback: { average?: number; count: number }): Promise<void> {
    return this.change(email, (l) => {
      if (l.feedbackAverage === feedback.average && l.feedbackCount === feedback.count)
        return undefined;
      const { feedbackAverage: _previous, ...rest } = l;
      return {
        ...rest,
        ...(feedback.average === undefined ? {} : { feedbackAverage: feedback.average }),
        feedbackCount: feedback.count,
      };
    });
  }

  private async read(email: string): Promise<{ load: ExpertLoad; etag: string } | undefined> {
    try {
      const row = await this.table.getEntity<{ data: string }>(PK, encodeKey(email));
      return {
        load: parseStored(expertLoadSchema, row.data, rowName(this.table, PK, encodeKey(email))),
        etag: row.etag,
      };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  private async change(
    email: string,
    next: (l: ExpertLoad) => ExpertLoad | undefined,
  ): Promise<void> {
    await retryOnConflict(
      'load_update',
      async () => {
        const current = await this.read(email);
        const updated = next(current?.load ?? { assignments: [] });
        if (!updated) return;
        const row = { partitionKey: PK, rowKey: encodeKey(email), data: JSON.stringify(updated) };
        if (current) await this.table.updateEntity(row, 'Replace', { etag: current.etag });
        else await this.table.createEntity(row);
      },
      { attempts: 10 },
    );
  }
}
