import assert from 'node:assert/strict';
import { FIELD_REASONS, ORDER_FIELDS, ORDER_STATUSES } from '../../src/domain/orders/order';
import { AREAS, LANGUAGES, TASK_TYPES } from '../../src/domain/shared/vocabulary';
import { catalogues } from '../../src/i18n';
import { ROLES } from '../../src/domain/registers/roles';
import { APPROVAL_STEPS, CLAIM_STATUSES } from '../../src/domain/fees/claim';
import { CLAIM_FIELDS } from '../../src/domain/fees/claim-form';

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
    ...CLAIM_STATUSES.map((s) => `claim_status_${s}`),
    ...CLAIM_FIELDS.map((f) => `claim_label_${f}`),
    ...APPROVAL_STEPS.flatMap((step) => [...['approved', 'rejected', 'paid'].map((a) => `claim_history_${a}_${step}`), `audit_stage_${step}`]),
    ...['approved', 'rejected', 'paid', 'reassigned'].map((a) => `audit_action_${a}`),
    ...['claim_already_closed', 'claim_already_approved', 'claim_returned', 'claim_not_returned', 'not_your_approval', 'not_the_expert', 'reason_required', 'reason_too_long', 'business_id_invalid', 'already_the_holder', 'claim_version_changed'],
    ...['km_invalid', 'expenses_invalid', 'task_already_confirmed', 'task_not_started', 'order_not_assigned', 'claim_unpaid', 'claim_unit_missing'],
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
