import type { ExpertListRow, ExpertView } from '../src/app/register-console';
import { IDLE_TRAINEE_DAYS } from '../src/domain/registers/trainee-activity';
import type { AssignmentRef } from '../src/domain/matching/match-experts';
import type { RegisterAuditEntry, VersionedRow } from '../src/app/ports';
import { type FieldIssue, REGISTER_COLUMNS } from '../src/domain/registers/csv-rows';
import type { Page } from '../src/domain/registers/register-search';
import {
  STAFF_ROLES,
  type Expert,
  type StaffMember,
  type Unit,
} from '../src/domain/registers/types';
import { AREAS, EXPERT_KINDS, LANGUAGES, type Language } from '../src/domain/shared/vocabulary';
import type { MessageKey, Translate } from '../src/i18n';
import {
  card,
  type Element,
  errorText,
  executeAction,
  facts,
  heading,
  textBlock,
  type AdaptiveCard,
} from './elements';
import { formatDate, helsinkiDateTime } from './format';

/** A register card's inputs: the CSV columns (SPEC §10), less the key column once the row exists. */
const inputsOf = (columns: readonly string[], existing: boolean): readonly string[] =>
  existing ? columns.slice(1) : columns;

/**
 * The coordinator's register cards (SPEC §3, §10): lists with Next/Previous, one row's card with
 * the CSV columns as input ids, the confirmation before Remove. The card's version travels in
 * every button's data (`card`), the row's ETag in `etag`: paging state and versions live on the
 * card, never in memory.
 */
export const REGISTER_CARD = 'reg1';

export const RegisterVerb = {
  page: 'register_page',
  openExpert: 'expert_open',
  saveExpert: 'expert_save',
  pauseExpert: 'expert_pause',
  removeExpert: 'expert_remove',
  confirmRemoveExpert: 'expert_remove_confirm',
  openUnit: 'unit_open',
  saveUnit: 'unit_save',
  removeUnit: 'unit_remove',
  confirmRemoveUnit: 'unit_remove_confirm',
  openStaff: 'staff_open',
  saveStaff: 'staff_save',
  removeStaff: 'staff_remove',
  confirmRemoveStaff: 'staff_remove_confirm',
} as const;

export type RegisterList = 'experts' | 'units' | 'staff';

/** What the card says above its fields: an outcome (good) or a refusal (attention). */
export interface Notice {
  text: string;
  good?: boolean;
}

const noticeBlock = (n?: Notice): Element[] =>
  n ? [textBlock(n.text, { color: n.good ? 'Good' : 'Attention', weight: 'Bolder' })] : [];
const data = (extra: Record<string, unknown>) => ({ card: REGISTER_CARD, ...extra });

function pager(list: RegisterList, words: string, page: Page<unknown>, t: Translate): Element[] {
  const actions: Element[] = [];
  if (page.page > 0)
    actions.push(
      executeAction(
        t('reg_previous'),
        RegisterVerb.page,
        data({ list, q: words, page: page.page - 1 }),
      ),
    );
  if (page.page < page.pages - 1)
    actions.push(
      executeAction(
        t('reg_next'),
        RegisterVerb.page,
        data({ list, q: words, page: page.page + 1 }),
      ),
    );
  return actions;
}

function listCard(
  list: RegisterList,
  title: string,
  words: string,
  page: Page<unknown>,
  rows: Element[],
  t: Translate,
): AdaptiveCard {
  return card(
    [
      heading(title),
      ...(words.trim()
        ? [textBlock(t('reg_filter', { words: words.trim() }), { isSubtle: true, spacing: 'None' })]
        : []),
      ...(rows.length ? rows : [textBlock(t('reg_none'))]),
      textBlock(t('reg_page', { page: page.page + 1, pages: page.pages }), {
        isSubtle: true,
        size: 'Small',
      }),
    ],
    pager(list, words, page, t),
  );
}

/** A row of a list: a line of text and a button that opens the row's card. */
function listRow(
  text: string,
  title: string,
  verb: string,
  rowData: Record<string, unknown>,
): Element {
  return {
    type: 'Container',
    separator: true,
    items: [
      textBlock(text, { spacing: 'None' }),
      { type: 'ActionSet', actions: [executeAction(title, verb, data(rowData))] },
    ],
  };
}

/** `/experts`: 10 a page, each row with its state and a button to the expert's card. */
export function expertListCard(
  words: string,
  page: Page<ExpertListRow>,
  lang: Language,
  t: Translate,
): AdaptiveCard {
  const rows = page.rows.map(({ expert: e, paused, unreachable, trainee }) => {
    const flags = [
      ...(e.removed ? [t('reg_row_removed')] : []),
      ...(paused && e.pausedUntil
        ? [t('reg_row_paused', { date: formatDate(e.pausedUntil, lang) })]
        : []),
      ...(unreachable ? [t('reg_row_unreachable')] : []),
      ...(trainee
        ? [
            trainee.lastAlong
              ? t('reg_row_trainee_last', { date: formatDate(trainee.lastAlong, lang) })
              : t('reg_row_trainee_never'),
          ]
        : []),
      ...(trainee?.idle ? [`⚠ ${t('reg_row_trainee_idle', { days: IDLE_TRAINEE_DAYS })}`] : []),
    ];
    const line = [
      `**${e.name}** · ${e.email}`,
      `${t(`kind_${e.kind}`)} · ${e.areas.map((a) => t(`area_${a}`)).join(', ')}`,
      `${e.regions.join(', ')} · ${e.languages.map((l) => t(`lang_${l}`)).join(', ')}${flags.length ? ` · ${flags.join(' · ')}` : ''}`,
    ].join('\n\n');
    return listRow(line, `${t('reg_open')}: ${e.name}`, RegisterVerb.openExpert, {
      email: e.email,
    });
  });
  return listCard('experts', t('reg_experts_title', { count: page.total }), words, page, rows, t);
}

export function unitListCard(words: string, page: Page<Unit>, t: Translate): AdaptiveCard {
  const rows = page.rows.map((u) =>
    listRow(
      `**${u.name}** · ${u.unitId} · ${u.municipality} · ${u.costCenter}`,
      `${t('reg_open')}: ${u.unitId}`,
      RegisterVerb.openUnit,
      { unitId: u.unitId },
    ),
  );
  return listCard('units', t('reg_units_title', { count: page.total }), words, page, rows, t);
}

export function staffListCard(words: string, page: Page<StaffMember>, t: Translate): AdaptiveCard {
  const rows = page.rows.map((m) =>
    listRow(
      `**${m.name}** · ${m.email} · ${t(`role_${m.role}`)}${m.unitId ? ` · ${m.unitId}` : ''}`,
      `${t('reg_open')}: ${m.name}`,
      RegisterVerb.openStaff,
      { email: m.email },
    ),
  );
  return listCard('staff', t('reg_staff_title', { count: page.total }), words, page, rows, t);
}

type Fields = Record<string, string>;

/** Form inputs with the error, if any, right below each; `fields` are the values to show. */
class Form {
  readonly body: Element[] = [];
  constructor(
    private readonly fields: Fields,
    private readonly issues: readonly FieldIssue[],
    private readonly t: Translate,
  ) {}

  private label(id: string): string {
    return this.t(`reg_label_${id}` as MessageKey);
  }

  private push(input: Element, id: string): void {
    this.body.push(input);
    for (const issue of this.issues.filter((i) => i.field === id)) {
      this.body.push(errorText(this.t(`reg_err_${issue.code}`, { value: issue.value })));
    }
  }

  text(id: string, extra: Element = {}): this {
    this.push(
      { type: 'Input.Text', id, label: this.label(id), value: this.fields[id] ?? '', ...extra },
      id,
    );
    return this;
  }

  choice(id: string, choices: Array<[string, string]>, multi = false): this {
    const allowed = new Set(choices.map(([v]) => v));
    const chosen = (this.fields[id] ?? '')
      .split(/[;,|]/)
      .map((v) => v.trim())
      .filter((v) => allowed.has(v));
    this.push(
      {
        type: 'Input.ChoiceSet',
        id,
        label: this.label(id),
        choices: choices.map(([value, title]) => ({ title, value })),
        ...(multi ? { isMultiSelect: true } : { style: 'compact' }),
        ...(chosen.length ? { value: multi ? chosen.join(',') : chosen[0] } : {}),
      },
      id,
    );
    return this;
  }

  toggle(id: string): this {
    this.push(
      {
        type: 'Input.Toggle',
        id,
        title: this.label(id),
        valueOn: 'yes',
        valueOff: 'no',
        value: this.fields[id] === 'yes' ? 'yes' : 'no',
      },
      id,
    );
    return this;
  }

  date(id: string): this {
    const v = this.fields[id] ?? '';
    this.push(
      {
        type: 'Input.Date',
        id,
        label: this.label(id),
        ...(/^\d{4}-\d{2}-\d{2}$/.test(v) ? { value: v } : {}),
      },
      id,
    );
    return this;
  }

  /** Issues about fields the card does not show (the key of an existing row): shown at the top. */
  loose(shown: readonly string[]): Element[] {
    return this.issues
      .filter((i) => !shown.includes(i.field))
      .map((i) =>
        errorText(`${this.label(i.field)}: ${this.t(`reg_err_${i.code}`, { value: i.value })}`),
      );
  }
}

function lastChange(
  row: VersionedRow<unknown> | undefined,
  changedByName: string | undefined,
  lang: Language,
  t: Translate,
): Array<[string, string]> {
  if (!row) return [];
  return [
    [
      t('reg_last_change'),
      `${changedByName ?? t('reg_by_import')}, ${helsinkiDateTime(row.changedAt, lang)}`,
    ],
  ];
}

export interface RowCardInput<T> {
  /** The stored row; undefined on an add card. */
  row?: VersionedRow<T>;
  /** What the inputs show: the row's fields, or what the coordinator typed on a refused Save. */
  fields: Fields;
  issues?: readonly FieldIssue[];
  notice?: Notice;
  changedByName?: string;
}

/** `/expert <email>` and `/expert add`: every register field editable; Save, Pause until, Remove. */
export function expertCard(
  input: RowCardInput<Expert> & { view?: ExpertView; today: string },
  lang: Language,
  t: Translate,
): AdaptiveCard {
  const { row, view } = input;
  const form = new Form(input.fields, input.issues ?? [], t);
  if (!row) form.text('email', { style: 'Email' });
  form
    .text('name')
    .choice(
      'kind',
      EXPERT_KINDS.map((k) => [k, t(`kind_${k}`)]),
    )
    .choice(
      'areas',
      AREAS.map((a) => [a, t(`area_${a}`)]),
      true,
    )
    .text('regions')
    .choice(
      'languages',
      LANGUAGES.map((l) => [l, t(`lang_${l}`)]),
      true,
    )
    .toggle('remote')
    .toggle('onsite')
    .text('max_per_month')
    .text('mentor_email', { style: 'Email' })
    .date('trained_on');
  const e = row?.value;
  const key = e ? { email: e.email, etag: row.etag } : {};
  const status = e?.removed
    ? t('reg_row_removed')
    : e?.pausedUntil && e.pausedUntil >= input.today
      ? t('reg_row_paused', { date: formatDate(e.pausedUntil, lang) })
      : t('reg_status_active');
  const about: Array<[string, string]> = view
    ? [
        [t('reg_label_email'), view.row.value.email],
        [t('reg_status'), status],
        [
          t('reg_reach'),
          view.reach.state === 'reachable'
            ? t('reg_reach_reachable')
            : view.reach.state === 'never'
              ? t('reg_reach_never')
              : t('reg_reach_unreachable', { when: helsinkiDateTime(view.reach.since!, lang) }),
        ],
        ...(view.mentor
          ? [[t('reg_mentor'), `${view.mentor.name} (${view.mentor.email})`] as [string, string]]
          : []),
        [
          t('reg_trainees'),
          view.trainees.length
            ? view.trainees.map((x) => x.name).join(', ')
            : t('reg_trainees_none'),
        ],
        ...(view.traineeActivity
          ? [
              [
                t('reg_trainee_last_along'),
                view.traineeActivity.lastAlong
                  ? formatDate(view.traineeActivity.lastAlong, lang)
                  : t('reg_trainee_last_along_never'),
              ] as [string, string],
              ...(view.traineeActivity.idle
                ? [['⚠', t('reg_trainee_idle', { days: IDLE_TRAINEE_DAYS })] as [string, string]]
                : []),
            ]
          : []),
        ...(view.row.value.mentorEmail || view.traineeRecord.length
          ? [
              [t('reg_trainee_record'), traineeRecordText(view.traineeRecord, lang, t)] as [
                string,
                string,
              ],
            ]
          : []),
        [
          t('reg_assignments_year'),
          view.assignments.length ? `${view.assignments.length}` : t('reg_assignments_none'),
        ],
        ...lastChange(row, input.changedByName, lang, t),
      ]
    : [];
  const assignments = (view?.assignments ?? [])
    .slice(-10)
    .map(
      (a) =>
        `${a.orderId} · ${formatDate(a.date, lang)}${a.municipality ? ` · ${a.municipality}` : ''}`,
    );
  const actions = [executeAction(t('reg_save'), RegisterVerb.saveExpert, data(key), 'positive')];
  const pause: Element[] = [];
  if (e && !e.removed) {
    pause.push({
      type: 'Input.Date',
      id: 'paused_until',
      label: t('reg_label_paused_until'),
      ...(e.pausedUntil ? { value: e.pausedUntil } : {}),
    });
    pause.push({
      type: 'ActionSet',
      actions: [executeAction(t('reg_pause'), RegisterVerb.pauseExpert, data(key))],
    });
    actions.push(
      executeAction(t('reg_remove'), RegisterVerb.removeExpert, data(key), 'destructive'),
    );
  }
  return card(
    [
      ...noticeBlock(input.notice),
      heading(e ? t('reg_expert_title', { name: e.name }) : t('reg_expert_add_title')),
      ...(about.length ? [facts(about)] : []),
      ...(assignments.length
        ? [textBlock(assignments.join('\n\n'), { size: 'Small', spacing: 'None' })]
        : []),
      ...form.loose(inputsOf(REGISTER_COLUMNS.experts, Boolean(row))),
      ...form.body,
      ...pause,
    ],
    actions,
  );
}

/** `/unit <id>` and `/unit add`. */
export function unitCard(input: RowCardInput<Unit>, lang: Language, t: Translate): AdaptiveCard {
  const { row } = input;
  const form = new Form(input.fields, input.issues ?? [], t);
  if (!row) form.text('unit_id');
  form
    .text('name')
    .text('municipality')
    .text('supervisor_email', { style: 'Email' })
    .text('director_email', { style: 'Email' })
    .text('payroll_email', { style: 'Email' })
    .text('cost_center');
  const key = row ? { unitId: row.value.unitId, etag: row.etag } : {};
  return card(
    [
      ...noticeBlock(input.notice),
      heading(row ? t('reg_unit_title', { name: row.value.name }) : t('reg_unit_add_title')),
      ...(row
        ? [
            facts([
              [t('reg_label_unit_id'), row.value.unitId],
              ...lastChange(row, input.changedByName, lang, t),
            ]),
          ]
        : []),
      ...form.loose(inputsOf(REGISTER_COLUMNS.units, Boolean(row))),
      ...form.body,
    ],
    [
      executeAction(t('reg_save'), RegisterVerb.saveUnit, data(key), 'positive'),
      ...(row
        ? [executeAction(t('reg_remove'), RegisterVerb.removeUnit, data(key), 'destructive')]
        : []),
    ],
  );
}

/** A staff member's card: name, role (change role), unit; `/staff add` shows it empty. */
export function staffCard(
  input: RowCardInput<StaffMember>,
  lang: Language,
  t: Translate,
): AdaptiveCard {
  const { row } = input;
  const form = new Form(input.fields, input.issues ?? [], t);
  if (!row) form.text('email', { style: 'Email' });
  form
    .text('name')
    .choice(
      'role',
      STAFF_ROLES.map((r) => [r, t(`role_${r}`)]),
    )
    .text('unit_id');
  const key = row ? { email: row.value.email, etag: row.etag } : {};
  return card(
    [
      ...noticeBlock(input.notice),
      heading(
        row ? t('reg_staff_member_title', { name: row.value.name }) : t('reg_staff_add_title'),
      ),
      ...(row
        ? [
            facts([
              [t('reg_label_email'), row.value.email],
              ...lastChange(row, input.changedByName, lang, t),
            ]),
          ]
        : []),
      ...form.loose(inputsOf(REGISTER_COLUMNS.staff, Boolean(row))),
      ...form.body,
    ],
    [
      executeAction(t('reg_save'), RegisterVerb.saveStaff, data(key), 'positive'),
      ...(row
        ? [executeAction(t('reg_remove'), RegisterVerb.removeStaff, data(key), 'destructive')]
        : []),
    ],
  );
}

/** Remove asks again: a card with the question, **Yes, remove** and **Back**. */
export function confirmRemoveCard(
  question: string,
  confirmVerb: string,
  backVerb: string,
  key: Record<string, string>,
  t: Translate,
): AdaptiveCard {
  const back = 'email' in key ? { email: key.email } : { unitId: key.unitId };
  return card(
    [heading(t('reg_remove')), textBlock(question)],
    [
      executeAction(t('reg_remove_yes'), confirmVerb, data(key), 'destructive'),
      executeAction(t('reg_back'), backVerb, data(back)),
    ],
  );
}

/** `/audit <email>` or `/audit <unit id>`: who changed what and when, newest first. */
export function registerAuditMessage(
  subject: string,
  entries: readonly RegisterAuditEntry[],
  names: Record<string, string>,
  lang: Language,
  t: Translate,
): string {
  if (!entries.length) return t('reg_audit_none', { subject });
  const value = (v: string) => v || t('reg_empty_value');
  const lines = entries.map((e) => {
    const head = t('reg_audit_entry', {
      when: helsinkiDateTime(e.at, lang),
      who: names[e.by] ?? e.by,
      action: t(`reg_audit_action_${e.action}`),
    });
    const changes = e.changes.map(
      (c) =>
        `  - ${t('reg_audit_change', { field: c.field, from: value(c.from), to: value(c.to) })}`,
    );
    return [`- ${head}`, ...changes].join('\n');
  });
  return [`**${t('reg_audit_title', { subject })}**`, ...lines].join('\n');
}

/** The trainee record on the expert's card: how many tasks along with the mentor, the latest ones. */
function traineeRecordText(record: readonly AssignmentRef[], lang: Language, t: Translate): string {
  if (record.length === 0) return t('reg_trainee_record_none');
  const latest = record
    .slice(-5)
    .map(
      (a) =>
        `${a.orderId} · ${formatDate(a.date, lang)}${a.taskType ? ` · ${t(`task_${a.taskType}`)}` : ''}`,
    );
  return [t('reg_trainee_record_count', { count: record.length }), ...latest].join('\n\n');
}
