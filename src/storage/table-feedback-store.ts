import { TableClient } from '@azure/data-tables';
import type { FeedbackStore } from '../app/ports';
import { storedFeedbackSchema } from '../app/stored-schemas';
import type { FeedbackEntry } from '../domain/feedback/feedback';
import { encodeKey } from './keys';
import { parseEntity, rowName } from './parse-stored';
import { isConflict, isNotFound, partitionRows } from './tables';

const byRater = (email: string) => `feedback-by|${encodeKey(email)}`;
const aboutExpert = (email: string) => `feedback-about|${encodeKey(email)}`;
const sentCards = (orderId: string) => `feedback-sent|${encodeKey(orderId)}`;

/** The entry alone, without the row's keys and stamps. */
function entryOf(table: TableClient, pk: string, rk: string, entity: unknown): FeedbackEntry {
  const r = parseEntity(storedFeedbackSchema, entity, rowName(table, pk, rk));
  return {
    orderId: r.orderId,
    raterEmail: r.raterEmail,
    role: r.role,
    rating: r.rating,
    ...(r.comment ? { comment: r.comment } : {}),
    givenAt: r.givenAt,
  };
}

/**
 * Feedback in three kinds of partition: what each person gave (one row per task, created once, so
 * a second click changes nothing), the orderers' ratings about each expert, and the cards sent.
 */
export class TableFeedbackStore implements FeedbackStore {
  constructor(private readonly table: TableClient) {}

  async give(entry: FeedbackEntry): Promise<boolean> {
    return this.createOnce({
      partitionKey: byRater(entry.raterEmail),
      rowKey: encodeKey(entry.orderId),
      ...entry,
    });
  }

  async get(orderId: string, raterEmail: string): Promise<FeedbackEntry | undefined> {
    try {
      const [pk, rk] = [byRater(raterEmail), encodeKey(orderId)];
      return entryOf(this.table, pk, rk, await this.table.getEntity(pk, rk));
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async listGivenBy(email: string): Promise<FeedbackEntry[]> {
    const entries: FeedbackEntry[] = [];
    for await (const row of partitionRows(this.table, byRater(email)))
      entries.push(entryOf(this.table, row.partitionKey, row.rowKey, row));
    return entries;
  }

  async recordAbout(expertEmail: string, orderId: string, rating: number): Promise<number[]> {
    await this.createOnce({
      partitionKey: aboutExpert(expertEmail),
      rowKey: encodeKey(orderId),
      rating,
    });
    const ratings: number[] = [];
    for await (const row of partitionRows(this.table, aboutExpert(expertEmail)))
      ratings.push(Number(row.rating));
    return ratings;
  }

  markCardSent(orderId: string, email: string): Promise<boolean> {
    return this.createOnce({ partitionKey: sentCards(orderId), rowKey: encodeKey(email) });
  }

  async unmarkCardSent(orderId: string, email: string): Promise<void> {
    await this.table.deleteEntity(sentCards(orderId), encodeKey(email)).catch((err: unknown) => {
      if (!isNotFound(err)) throw err;
    });
  }

  /** Creates the row; false when it exists already (the second of two clicks or runs). */
  private async createOnce(
    row: { partitionKey: string; rowKey: string } & Record<string, unknown>,
  ): Promise<boolean> {
    try {
      await this.table.createEntity(row);
      return true;
    } catch (err) {
      if (isConflict(err)) return false;
      throw err;
    }
  }
}
