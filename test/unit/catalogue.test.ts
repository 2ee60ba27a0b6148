import assert from 'node:assert/strict';
import { FIELD_REASONS, ORDER_FIELDS, ORDER_STATUSES } from '../../src/domain/orders/order';
import { AREAS, LANGUAGES, TASK_TYPES, type Language } from '../../src/domain/shared/vocabulary';
import { catalogues, formsOf, placeholdersOf, translator } from '../../src/i18n';
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
    ...['filled', 'withdrawn', 'declined', 'expired'].flatMap((s) => [
      `offer_${s}_title`,
      `offer_${s}_text`,
    ]),
    ...CLAIM_STATUSES.map((s) => `claim_status_${s}`),
    ...CLAIM_FIELDS.map((f) => `claim_label_${f}`),
    ...APPROVAL_STEPS.flatMap((step) => [
      ...['approved', 'rejected', 'paid'].map((a) => `claim_history_${a}_${step}`),
      `audit_stage_${step}`,
    ]),
    ...['approved', 'rejected', 'paid', 'reassigned', 'cancelled', 'not_done'].map(
      (a) => `audit_action_${a}`,
    ),
    ...[
      'claim_already_cancelled',
      'cancel_reason_required',
      'task_reported_not_done',
      'task_already_not_done',
      'not_done_reason_required',
    ],
    ...[
      'claim_already_closed',
      'claim_already_approved',
      'claim_returned',
      'claim_not_returned',
      'not_your_approval',
      'not_the_expert',
      'reason_required',
      'reason_too_long',
      'business_id_invalid',
      'already_the_holder',
      'claim_version_changed',
    ],
    ...[
      'km_invalid',
      'expenses_invalid',
      'task_already_confirmed',
      'task_not_started',
      'order_not_assigned',
      'claim_unpaid',
      'claim_unit_missing',
    ],
  ];

  for (const lang of LANGUAGES) {
    it(`when ${lang} is used, then every key built at run time exists and no text is empty`, () => {
      const c = catalogues[lang] as Record<string, string>;
      for (const key of dynamicKeys) assert.ok(c[key], `${lang} lacks ${key}`);
      for (const [key, text] of Object.entries(c))
        assert.ok(text.trim(), `${lang}.${key} is empty`);
    });
  }

  it('when the languages are compared, then each text keeps the same {placeholders}', () => {
    const names = (s: string) => placeholdersOf(s).join(',');
    for (const [key, fi] of Object.entries(catalogues.fi)) {
      assert.equal(names(catalogues.sv[key as keyof typeof catalogues.fi]), names(fi), `sv.${key}`);
      assert.equal(names(catalogues.en[key as keyof typeof catalogues.fi]), names(fi), `en.${key}`);
    }
  });

  /** Every text as it can be shown: each plural form, commands and their arguments left out. */
  const shown = (lang: Language) =>
    Object.entries(catalogues[lang]).flatMap(([key, text]) =>
      formsOf(text).map((form) => ({ key, form, words: withoutCommands(form) })),
    );
  const withoutCommands = (text: string) =>
    text.replace(/\/[a-z]+(?:\s+(?:on\|off|on|off|stuck|fees|\[[^\]]*\]))*|\{\w+\}/g, ' ');

  for (const lang of LANGUAGES) {
    it(`when ${lang} texts are read, then no punctuation is doubled, none follows a space, and none is put after a reason or a stage (they end in their own)`, () => {
      const bad = shown(lang).filter(({ form }) =>
        /\.\.|::|: :|,,|;;|[.,:;] [.,:;]| [,.;:!?](?=\s|$)|\{(?:reason|stage)\}[.:]|: \{stage\}/.test(
          form,
        ),
      );
      assert.deepEqual(
        bad.map(({ key, form }) => `${key}: ${form}`),
        [],
      );
    });

    it(`when ${lang} texts have a plural, then its one and other forms differ`, () => {
      for (const [key, text] of Object.entries(catalogues[lang])) {
        if (!text.includes(', plural,')) continue;
        const [one, other] = formsOf(text);
        assert.notEqual(one, other, `${lang}.${key} has a one form and an other form`);
      }
    });
  }

  it('when a count is 1 or more, then the words agree with it in every language', () => {
    const expected: Record<Language, [string, string]> = {
      fi: ['1 alkava tunti × 80,00 €', '2 alkavaa tuntia × 80,00 €'],
      sv: ['1 påbörjad timme × 80,00 €', '2 påbörjade timmar × 80,00 €'],
      en: ['1 started hour × €80.00', '2 started hours × €80.00'],
    };
    for (const lang of LANGUAGES) {
      const rate = lang === 'en' ? '€80.00' : '80,00 €';
      assert.equal(translator(lang)('amount_fee_hours', { hours: 1, rate }), expected[lang][0]);
      assert.equal(translator(lang)('amount_fee_hours', { hours: 2, rate }), expected[lang][1]);
    }
    assert.equal(
      translator('fi')('orderer_filled', { orderId: 'T-1', names: 'Anna', count: 1 }),
      'Tilaukseesi T-1 löytyi kokemusasiantuntija: Anna.',
    );
    assert.equal(
      translator('fi')('orderer_filled', { orderId: 'T-1', names: 'Anna ja Ben', count: 2 }),
      'Tilaukseesi T-1 löytyivät kaikki kokemusasiantuntijat: Anna ja Ben.',
    );
  });

  /** Common English words that must not slip into Finnish or Swedish (commands are left out). */
  const ENGLISH = [
    'the',
    'and',
    'you',
    'your',
    'with',
    'for',
    'please',
    'order',
    'orders',
    'claim',
    'claims',
    'approve',
    'approval',
    'approvals',
    'cancel',
    'cancelled',
    'decline',
    'accept',
    'reject',
    'help',
    'task',
    'tasks',
    'fee',
    'fees',
    'payroll',
    'expert',
    'experts',
    'stuck',
    'review',
    'submit',
    'send',
    'card',
    'cards',
    'link',
    'download',
    'click',
    'bot',
    'email',
    'paid',
    'done',
    'unit',
    'supervisor',
    'director',
    'coordinator',
  ];
  for (const lang of ['fi', 'sv'] as const) {
    it(`when ${lang} texts are read, then no English word is in them outside commands`, () => {
      const english = new RegExp(`(?<![\\p{L}\\-])(${ENGLISH.join('|')})(?![\\p{L}\\-])`, 'iu');
      const bad = shown(lang).filter(({ words }) => english.test(words));
      assert.deepEqual(
        bad.map(({ key, form }) => `${key}: ${form}`),
        [],
      );
    });
  }

  /** The glossary at the top of each catalogue: the one word for each role. */
  const OTHER_ROLE_WORDS: Record<Language, Array<[RegExp, string]>> = {
    fi: [
      [/(?<!lähi)esihenkilö/i, 'lähiesihenkilö'],
      [/(?<!yksikön)johtaja/i, 'yksikönjohtaja'],
      [/(?<!kokemus)asiantuntij/i, 'kokemusasiantuntija'],
      [/palkanmaks|palkkahallin/i, 'palkanlaskenta'],
      [/\bbot\b/i, 'botti'],
    ],
    sv: [
      [/(?<!närmaste |enhets)chef/i, 'närmaste chef or enhetschef'],
      [/direktör/i, 'enhetschef'],
      [/lönehanter|lönebetal/i, 'löneräkningen'],
      [/(?<![\p{L}/])expert/iu, 'erfarenhetsexpert'],
      [/avbr[uyö]t/i, 'annullera'],
      [/avslå|avslag/i, 'returnera för korrigering'],
    ],
    en: [
      [/(?<!unit )director/i, 'unit director'],
      [/orderer/i, 'requester'],
      [/(?<![\p{L}/])experts?\b(?! by experience)/iu, 'expert by experience'],
      [/reject/i, 'return for correction'],
      [/need not|\bcoming (date|task)/i, "don't need to, future, upcoming"],
    ],
  };
  for (const lang of LANGUAGES) {
    it(`when ${lang} texts name a role, then they use the glossary's word`, () => {
      const bad = shown(lang).flatMap(({ key, form, words }) =>
        OTHER_ROLE_WORDS[lang]
          .filter(([other]) => other.test(words))
          .map(([, word]) => `${key} should say ${word}: ${form}`),
      );
      assert.deepEqual(bad, []);
    });
  }

  it('when Finnish texts are read, then none has a semicolon', () => {
    assert.deepEqual(
      Object.entries(catalogues.fi).filter(([, text]) => text.includes(';')),
      [],
    );
  });

  it('when a claim goes back to the expert, then its button says Return for correction in every language', () => {
    assert.deepEqual(
      LANGUAGES.map((l) => translator(l)('reject_claim')),
      ['Palauta korjattavaksi', 'Returnera för korrigering', 'Return for correction'],
    );
    assert.deepEqual(
      LANGUAGES.map((l) => translator(l)('decline_offer')),
      ['En tällä kertaa', 'Inte den här gången', 'Decline'],
    );
  });
});
