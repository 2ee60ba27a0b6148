import assert from 'node:assert/strict';
import { FIELD_REASONS, ORDER_FIELDS, ORDER_STATUSES } from '../../src/domain/orders/order';
import { AREAS, LANGUAGES, TASK_TYPES } from '../../src/domain/shared/vocabulary';
import { catalogues } from '../../src/i18n';
import { ROLES } from '../../src/domain/registers/roles';

describe('message catalogue', () => {
  const dynamicKeys = [
    ...ORDER_FIELDS.map((f) => `label_${f}`),
    ...FIELD_REASONS,
    ...ORDER_STATUSES.map((s) => `status_${s}`),
    ...TASK_TYPES.map((t) => `task_${t}`),
    ...AREAS.map((a) => `area_${a}`),
    ...LANGUAGES.map((l) => `lang_${l}`),
    ...ROLES.map((r) => `role_${r}`),
    ...['filled', 'withdrawn', 'declined', 'expired'].flatMap((s) => [`offer_${s}_title`, `offer_${s}_text`]),
  ];

  for (const lang of LANGUAGES) {
    it(`when ${lang} is used, then every key built at run time exists and no text is empty`, () => {
      const c = catalogues[lang] as Record<string, string>;
      for (const key of dynamicKeys) assert.ok(c[key], `${lang} lacks ${key}`);
      for (const [key, text] of Object.entries(c)) assert.ok(text.trim(), `${lang}.${key} is empty`);
    });
  }

  it('when the languages are compared, then each text keeps the same {placeholders}', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
    for (const [key, fi] of Object.entries(catalogues.fi)) {
      assert.equal(names(catalogues.sv[key as keyof typeof catalogues.fi]), names(fi), `sv.${key}`);
      assert.equal(names(catalogues.en[key as keyof typeof catalogues.fi]), names(fi), `en.${key}`);
    }
  });
});
