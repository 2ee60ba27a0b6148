import type { TableClient } from '@azure/data-tables';
import type { TariffStore } from '../app/ports';
import { storedTariffSchema, type Tariff } from '../domain/fees/tariff';
import { parseStored, rowName } from './parse-stored';
import { isConflict, isNotFound } from './tables';

const CACHE_MS = 5_000;

/** Tariff versions in the Registers table; the `current` row names the version in use. */
export class TableTariffStore implements TariffStore {
  private cached?: { tariff: Tariff; until: number };

  constructor(
    private readonly table: TableClient,
    private readonly initial: Tariff,
  ) {}

  async current(): Promise<Tariff> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.tariff;
    let tariff = this.initial;
    try {
      const pointer = await this.table.getEntity<{ version: string }>('tariff', 'current');
      tariff = (await this.get(pointer.version)) ?? this.initial;
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    this.cached = { tariff, until: Date.now() + CACHE_MS };
    return tariff;
  }

  async get(version: string): Promise<Tariff | undefined> {
    if (version === this.initial.version) return this.initial;
    try {
      const row = await this.table.getEntity<{ data: string }>('tariff', `v|${version}`);
      return parseStored(
        storedTariffSchema,
        row.data,
        rowName(this.table, 'tariff', `v|${version}`),
      );
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async add(tariff: Tariff): Promise<boolean> {
    if (tariff.version === this.initial.version) return false;
    try {
      await this.table.createEntity({
        partitionKey: 'tariff',
        rowKey: `v|${tariff.version}`,
        data: JSON.stringify(tariff),
      });
    } catch (err) {
      if (isConflict(err)) return false;
      throw err;
    }
    await this.table.upsertEntity(
      { partitionKey: 'tariff', rowKey: 'current', version: tariff.version },
      'Replace',
    );
    this.cached = undefined;
    return true;
  }
}
