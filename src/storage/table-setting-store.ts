import { TableClient } from '@azure/data-tables';
import type { Settings, SettingStore } from '../app/ports';
import { storedSettingsSchema } from '../app/stored-schemas';
import { parseStored, rowName } from './parse-stored';
import { isNotFound } from './tables';

const DEFAULTS: Settings = { reviewShortlists: false };

/** The coordinators' settings: one row, read on every wave (cheap) so all instances agree. */
export class TableSettingStore implements SettingStore {
  constructor(private readonly table: TableClient) {}

  async get(): Promise<Settings> {
    try {
      const row = await this.table.getEntity<{ data: string }>('setting', 'offers');
      return {
        ...DEFAULTS,
        ...parseStored(storedSettingsSchema, row.data, rowName(this.table, 'setting', 'offers')),
      };
    } catch (err) {
      if (isNotFound(err)) return DEFAULTS;
      throw err;
    }
  }

  async set(settings: Settings): Promise<void> {
    await this.table.upsertEntity(
      { partitionKey: 'setting', rowKey: 'offers', data: JSON.stringify(settings) },
      'Replace',
    );
  }
}
