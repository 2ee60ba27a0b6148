import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  issuesText,
  mentorIssue,
  parseRegisterCsv,
  REGISTER_COLUMNS,
  registerFields,
  staffUnitIssue,
  validateRegisterRow,
} from '../../src/domain/registers/csv-rows';
import {
  closestMatches,
  expertMatches,
  pageOf,
  readExpertQuery,
  type SearchTitles,
} from '../../src/domain/registers/register-search';
import type { Expert } from '../../src/domain/registers/types';
import { AREAS, EXPERT_KINDS, LANGUAGES } from '../../src/domain/shared/vocabulary';
import { catalogues } from '../../src/i18n';

const GOOD = {
  email: 'Aino@Example.fi',
  name: 'Aino Virtanen',
  kind: 'trained',
  areas: 'mental_health;as_relative',
  regions: 'Jyväskylä',
  languages: 'fi',
  remote: 'yes',
  onsite: 'kyllä',
  max_per_month: '',
  mentor_email: '',
  trained_on: '1.3.2024',
};

describe('the one register row validator', () => {
  it('when a card’s fields are good, then the row is what the import makes of the same line', () => {
    const card = validateRegisterRow('experts', GOOD);
    const csv = parseRegisterCsv(
      `${REGISTER_COLUMNS.experts.join(',')}\n${REGISTER_COLUMNS.experts.map((c) => `"${GOOD[c]}"`).join(',')}\n`,
      'experts',
    );
    assert.ok(card.ok);
    assert.deepEqual(card.row, csv.rows[0]);
    assert.deepEqual(card.row, {
      email: 'aino@example.fi',
      name: 'Aino Virtanen',
      kind: 'trained',
      areas: ['mental_health', 'as_relative'],
      regions: ['Jyväskylä'],
      languages: ['fi'],
      remote: true,
      onsite: true,
      maxPerMonth: 8,
      trainedOn: '2024-03-01',
    });
  });

  it('when fields are bad, then each issue names its field with a code and the value, and the import’s reason is the same text', () => {
    const fields = {
      ...GOOD,
      email: 'not-mail',
      max_per_month: '0',
      areas: 'mental_health;rockets',
      remote: 'no',
      onsite: 'no',
    };
    const card = validateRegisterRow('experts', fields);
    assert.ok(!card.ok);
    assert.deepEqual(
      card.issues.map((i) => [i.field, i.code, i.value]),
      [
        ['email', 'not_email', 'not-mail'],
        ['areas', 'not_in_list', 'rockets'],
        ['max_per_month', 'not_number', '0'],
        ['remote', 'both_no', ''],
      ],
    );
    const csv = parseRegisterCsv(
      `${REGISTER_COLUMNS.experts.join(',')}\n${REGISTER_COLUMNS.experts.map((c) => `"${fields[c]}"`).join(',')}\n`,
      'experts',
    );
    assert.deepEqual(csv.errors, [{ line: 2, reason: issuesText(card.issues) }]);
  });

  it('when rules between fields are broken, then the issue sits on the field to correct', () => {
    const both = validateRegisterRow('experts', { ...GOOD, remote: 'no', onsite: 'no' });
    const self = validateRegisterRow('experts', { ...GOOD, mentor_email: 'aino@example.fi' });
    const noRegion = validateRegisterRow('experts', { ...GOOD, regions: '' });
    assert.deepEqual(!both.ok && both.issues.map((i) => [i.field, i.code]), [
      ['remote', 'both_no'],
    ]);
    assert.deepEqual(!self.ok && self.issues.map((i) => [i.field, i.code]), [
      ['mentor_email', 'mentor_self'],
    ]);
    assert.deepEqual(!noRegion.ok && noRegion.issues.map((i) => [i.field, i.code]), [
      ['regions', 'regions_needed'],
    ]);
  });

  it('when a card leaves a column out, then it reads as empty (a required one is refused)', () => {
    const unit = validateRegisterRow('units', {
      unit_id: 'psy',
      name: 'Poliklinikka',
      municipality: 'Vaasa',
      supervisor_email: 's@example.fi',
      payroll_email: 'p@example.fi',
    });
    assert.deepEqual(!unit.ok && unit.issues.map((i) => [i.field, i.code]), [
      ['cost_center', 'empty'],
    ]);
  });

  it('when a mentor or a unit is not in its register, then the import’s check says so for the card too', () => {
    const row = validateRegisterRow('experts', { ...GOOD, mentor_email: 'mentor@example.fi' });
    assert.ok(row.ok);
    assert.equal(
      mentorIssue(row.row, () => true),
      undefined,
    );
    assert.deepEqual(mentorIssue(row.row, () => false)?.code, 'mentor_unknown');
    const staff = validateRegisterRow('staff', {
      email: 'o@example.fi',
      name: 'O',
      role: 'tilaaja',
      unit_id: 'PSY',
    });
    assert.ok(staff.ok);
    assert.deepEqual(
      staffUnitIssue(staff.row, [
        {
          unitId: 'psy',
          name: 'P',
          municipality: 'Vaasa',
          supervisorEmail: 's@e.fi',
          payrollEmail: 'p@e.fi',
          costCenter: '1',
        },
      ]),
      { unitId: 'psy' },
    );
    assert.equal(staffUnitIssue(staff.row, []).issue?.code, 'unit_unknown');
  });

  it('when any valid expert is written to a card’s fields and read back, then it is the same row', () => {
    const expert = fc.record({
      email: fc.constantFrom('a@example.fi', 'b.c@example.com'),
      name: fc.constantFrom('Aino', 'Åsa Öberg'),
      kind: fc.constantFrom(...EXPERT_KINDS),
      areas: fc.uniqueArray(fc.constantFrom(...AREAS), { minLength: 1 }),
      regions: fc.uniqueArray(fc.constantFrom('Vaasa', 'Jyväskylä', 'Mustasaari'), {
        minLength: 1,
      }),
      languages: fc.uniqueArray(fc.constantFrom(...LANGUAGES), { minLength: 1 }),
      remote: fc.boolean(),
      onsite: fc.constant(true),
      maxPerMonth: fc.integer({ min: 1, max: 100 }),
    });
    fc.assert(
      fc.property(expert, (e) => {
        const back = validateRegisterRow('experts', registerFields('experts', e));
        assert.ok(back.ok);
        assert.deepEqual(back.row, { ...e });
      }),
    );
  });
});

describe('register search', () => {
  const titles: SearchTitles = {
    areas: Object.fromEntries(
      AREAS.map((a) => [a, LANGUAGES.map((l) => catalogues[l][`area_${a}`])]),
    ) as unknown as SearchTitles['areas'],
    kinds: Object.fromEntries(
      EXPERT_KINDS.map((k) => [k, LANGUAGES.map((l) => catalogues[l][`kind_${k}`])]),
    ) as unknown as SearchTitles['kinds'],
    languages: Object.fromEntries(
      LANGUAGES.map((x) => [x, LANGUAGES.map((l) => catalogues[l][`lang_${x}`])]),
    ) as unknown as SearchTitles['languages'],
  };
  const e = (p: Partial<Expert>): Expert => ({
    email: 'x@example.fi',
    name: 'X',
    kind: 'trained',
    areas: ['mental_health'],
    regions: ['Vaasa'],
    languages: ['fi'],
    remote: true,
    onsite: true,
    maxPerMonth: 8,
    ...p,
  });
  const hits = (words: string, expert: Expert, state = { paused: false, unreachable: false }) =>
    expertMatches(expert, readExpertQuery(words, titles), state);

  it('when words name an area, a municipality, a kind or a language in any language, then they filter', () => {
    assert.ok(hits('Vasa rusmedel', e({ areas: ['substance_use'] })));
    assert.ok(!hits('Vasa rusmedel', e({ areas: ['mental_health'] })));
    assert.ok(hits('VAASA päihteet', e({ areas: ['substance_use'] })));
    assert.ok(hits('kamratstödjare', e({ kind: 'peer' })) && !hits('kamratstödjare', e({})));
    assert.ok(hits('svenska', e({ languages: ['sv'] })) && !hits('ruotsi', e({})));
    assert.ok(hits('virt', e({ name: 'Aino Virtanen' })));
  });

  it('when a state is asked, then only experts in it come; removed ones only when asked', () => {
    assert.ok(
      hits('tauolla', e({}), { paused: true, unreachable: false }) && !hits('paused', e({})),
    );
    assert.ok(!hits('', e({ removed: true })) && hits('poistetut', e({ removed: true })));
  });

  it('when a page beyond the end is asked, then the last page comes', () => {
    const items = Array.from({ length: 35 }, (_, i) => i);
    assert.deepEqual([pageOf(items, 9).page, pageOf(items, 9).rows], [3, [30, 31, 32, 33, 34]]);
    assert.deepEqual([pageOf([], 2).page, pageOf([], 2).pages], [0, 1]);
  });

  it('when a key is misspelt, then the closest keys are offered', () => {
    const people = [
      { key: 'eeva@example.fi', name: 'Eeva E' },
      { key: 'ville@example.fi', name: 'Ville V' },
      { key: 'psy', name: 'Psykiatria' },
    ];
    assert.deepEqual(closestMatches('eva@example.fi', people), ['eeva@example.fi']);
    assert.deepEqual(closestMatches('vil', people), ['ville@example.fi']);
    assert.deepEqual(closestMatches('zzzzzzzz@nowhere.org', people), []);
  });
});
