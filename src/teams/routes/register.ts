import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import type { AdaptiveCard } from '../../../cards/elements';
import { formatDate, helsinkiDateTime, listText } from '../../../cards/format';
import {
  confirmRemoveCard,
  expertCard,
  expertListCard,
  type Notice,
  REGISTER_CARD,
  registerAuditMessage,
  RegisterVerb,
  staffCard,
  staffListCard,
  unitCard,
  unitListCard,
} from '../../../cards/register-cards';
import type { RegisterRowOfTable, RegisterTable, VersionedRow } from '../../app/ports';
import {
  type ConsoleActor,
  expertList,
  expertView,
  nameOf,
  pauseFromCard,
  registerAudit,
  removeRegisterRow,
  type RemoveOutcome,
  rowView,
  saveRegisterRow,
  type SaveOutcome,
  staffList,
  unitList,
} from '../../app/register-console';
import { argumentIs, EMAIL_IN_TEXT } from '../../domain/commands/command-table';
import { CLAIM_NUMBER } from '../../domain/fees/claim';
import { ORDER_NUMBER } from '../../domain/orders/order';
import { REGISTER_COLUMNS, registerFields } from '../../domain/registers/csv-rows';
import type { SearchTitles } from '../../domain/registers/register-search';
import type { Expert, RegisterKind, StaffMember, Unit } from '../../domain/registers/types';
import { helsinkiDate } from '../../domain/shared/helsinki';
import { AREAS, EXPERT_KINDS, LANGUAGES } from '../../domain/shared/vocabulary';
import { catalogues, type MessageKey } from '../../i18n';
import type { CommandHandler, CommandHandlers } from '../commands';
import type { Actor, Turns } from '../turn';

/** Area, kind and language titles in all three languages: a Swedish word finds a Finnish row. */
const inAllLanguages = <T extends string>(ids: readonly T[], key: (id: T) => MessageKey) =>
  Object.fromEntries(
    ids.map((id) => [id, LANGUAGES.map((l) => catalogues[l][key(id)])]),
  ) as unknown as Record<T, readonly string[]>;
const TITLES: SearchTitles = {
  areas: inAllLanguages(AREAS, (a) => `area_${a}`),
  kinds: inAllLanguages(EXPERT_KINDS, (k) => `kind_${k}`),
  languages: inAllLanguages(LANGUAGES, (x) => `lang_${x}`),
};

const text = z.union([z.string(), z.number(), z.boolean()]).transform(String);
/** Every register button carries the card's version: a card drawn by an older bot is refused. */
const base = z.object({ card: z.literal(REGISTER_CARD) });
const pageSchema = base.extend({
  list: z.enum(['experts', 'units', 'staff']),
  q: z.string().max(500).default(''),
  page: z.coerce.number().int().min(0).max(100_000),
});
const emailKey = base.extend({ email: z.string().min(3).max(320) });
const unitKey = base.extend({ unitId: z.string().min(1).max(64) });
const saveSchema = base.extend({ etag: z.string().max(200).optional() }).passthrough();

const TABLE_OF: Record<RegisterKind, RegisterTable> = {
  experts: 'expert',
  units: 'unit',
  staff: 'staff',
};

/** The coordinator's register console: `/experts`, `/expert`, `/units`, `/unit`, `/staff`, and `/audit` of a register row. */
export function registerRegisterRoutes(
  app: Application<TurnState>,
  turns: Turns,
): {
  commands: Pick<CommandHandlers, 'experts' | 'expert' | 'units' | 'unit' | 'staff'>;
  audit: (ctx: TurnContext, actor: Actor, args: string) => Promise<boolean>;
} {
  const s = turns.services;
  const who = (a: Actor): ConsoleActor => ({ email: a.person.email, roles: a.profile.roles });
  const today = () => helsinkiDate(s.clock.now());

  /** Routes a card button both as Action.Execute and as the older clients' Action.Submit. */
  function onCard<T>(
    verb: string,
    schema: z.ZodType<T, z.ZodTypeDef, unknown>,
    handle: (actor: Actor, data: T) => Promise<AdaptiveCard | string>,
  ) {
    const run = async (ctx: TurnContext, raw: unknown) => {
      const actor = await turns.actorOf(ctx);
      const parsed = schema.safeParse(raw);
      if (!parsed.success) return actor.t('card_stale');
      return handle(actor, parsed.data);
    };
    app.adaptiveCards.actionExecute(verb, (ctx, _state, data) => run(ctx, data));
    app.adaptiveCards.actionSubmit(verb, async (ctx, _state, data) =>
      turns.replaceSubmittedCard(ctx, await run(ctx, data)),
    );
  }

  const notAllowed = (a: Actor) => a.t('command_not_allowed');
  const notFound = (a: Actor, key: MessageKey, typed: string, suggestions: string[]) =>
    [
      a.t(key, { key: typed }),
      ...(suggestions.length
        ? [a.t('reg_did_you_mean', { keys: listText(suggestions, a.lang) })]
        : []),
    ].join(' ');

  async function conflictNotice(
    a: Actor,
    current: VersionedRow<unknown> | undefined,
  ): Promise<Notice> {
    const name = (await nameOf(s, current?.changedBy)) ?? a.t('reg_by_import');
    return {
      text: a.t('reg_conflict', {
        who: name,
        when: current ? helsinkiDateTime(current.changedAt, a.lang) : '',
      }),
    };
  }

  const fieldsOf = (kind: RegisterKind, raw: Record<string, unknown>): Record<string, string> =>
    Object.fromEntries(
      REGISTER_COLUMNS[kind]
        .filter((c) => raw[c] !== undefined && raw[c] !== null)
        .map((c) => [c, String(raw[c])]),
    );

  // ---- drawing one row's card

  async function expertCardFor(
    a: Actor,
    email: string,
    notice?: Notice,
  ): Promise<AdaptiveCard | string> {
    const outcome = await expertView(s, who(a), email);
    if (outcome.type === 'refused') return notAllowed(a);
    if (outcome.type === 'not_found')
      return notFound(a, 'reg_not_found_expert', email, outcome.suggestions);
    const { view } = outcome;
    return expertCard(
      {
        row: view.row,
        view,
        fields: registerFields('experts', view.row.value),
        notice,
        changedByName: await nameOf(s, view.row.changedBy),
        today: today(),
      },
      a.lang,
      a.t,
    );
  }

  async function rowCardFor<K extends 'unit' | 'staff'>(
    a: Actor,
    table: K,
    key: string,
    notice?: Notice,
  ): Promise<AdaptiveCard | string> {
    const outcome = await rowView(s, who(a), table, key);
    if (outcome.type === 'refused') return notAllowed(a);
    if (outcome.type === 'not_found')
      return notFound(
        a,
        table === 'unit' ? 'reg_not_found_unit' : 'reg_not_found_staff',
        key,
        outcome.suggestions,
      );
    const changedByName = await nameOf(s, outcome.row.changedBy);
    if (table === 'unit') {
      const row = outcome.row as VersionedRow<Unit>;
      return unitCard(
        { row, fields: registerFields('units', row.value), notice, changedByName },
        a.lang,
        a.t,
      );
    }
    const row = outcome.row as VersionedRow<StaffMember>;
    return staffCard(
      { row, fields: registerFields('staff', row.value), notice, changedByName },
      a.lang,
      a.t,
    );
  }

  const cardFor = (a: Actor, table: RegisterTable, key: string, notice?: Notice) =>
    table === 'expert' ? expertCardFor(a, key, notice) : rowCardFor(a, table, key, notice);

  /** A card with what the coordinator typed and the errors next to the fields: nothing was saved. */
  async function refusedFormCard(
    a: Actor,
    table: RegisterTable,
    key: string | undefined,
    fields: Record<string, string>,
    outcome: Extract<SaveOutcome<unknown>, { type: 'invalid' }>,
  ): Promise<AdaptiveCard | string> {
    const notice = { text: a.t('reg_invalid') };
    const issues = outcome.issues;
    if (key === undefined) {
      if (table === 'expert')
        return expertCard({ fields, issues, notice, today: today() }, a.lang, a.t);
      return table === 'unit'
        ? unitCard({ fields, issues, notice }, a.lang, a.t)
        : staffCard({ fields, issues, notice }, a.lang, a.t);
    }
    const current = await s.registers.readRow(table, key);
    if (!current) return cardFor(a, table, key);
    const shown = {
      ...fields,
      ...(table === 'unit'
        ? { unit_id: (current.value as Unit).unitId }
        : { email: (current.value as Expert).email }),
    };
    const changedByName = await nameOf(s, current.changedBy);
    if (table === 'expert') {
      const view = await expertView(s, who(a), key);
      return expertCard(
        {
          row: current as VersionedRow<Expert>,
          ...(view.type === 'expert' ? { view: view.view } : {}),
          fields: shown,
          issues,
          notice,
          changedByName,
          today: today(),
        },
        a.lang,
        a.t,
      );
    }
    if (table === 'unit')
      return unitCard(
        { row: current as VersionedRow<Unit>, fields: shown, issues, notice, changedByName },
        a.lang,
        a.t,
      );
    return staffCard(
      { row: current as VersionedRow<StaffMember>, fields: shown, issues, notice, changedByName },
      a.lang,
      a.t,
    );
  }

  // ---- Save, Remove: one way for the three registers

  async function save(
    a: Actor,
    kind: RegisterKind,
    key: string | undefined,
    raw: z.infer<typeof saveSchema>,
  ): Promise<AdaptiveCard | string> {
    const table = TABLE_OF[kind];
    const fields = fieldsOf(kind, raw);
    const outcome = await saveRegisterRow(s, who(a), table, key, fields, raw.etag);
    switch (outcome.type) {
      case 'refused':
        return notAllowed(a);
      case 'not_found':
        return cardFor(a, table, key ?? '');
      case 'invalid':
        return refusedFormCard(a, table, key, fields, outcome);
      case 'conflict':
        return cardFor(
          a,
          table,
          key ?? fields[kind === 'units' ? 'unit_id' : 'email'] ?? '',
          await conflictNotice(a, outcome.current),
        );
      case 'unchanged':
        return cardFor(a, table, key!, { text: a.t('reg_unchanged'), good: true });
      case 'saved': {
        const savedKey =
          kind === 'units'
            ? (outcome.row.value as Unit).unitId
            : (outcome.row.value as Expert).email;
        const changed = outcome.entry.changes
          .map((c) => a.t(`reg_label_${c.field}` as MessageKey))
          .join(', ');
        const notice = {
          text:
            outcome.entry.action === 'added'
              ? a.t('reg_added')
              : a.t('reg_saved', { fields: changed }),
          good: true,
        };
        return cardFor(a, table, savedKey, notice);
      }
    }
  }

  async function askRemove(
    a: Actor,
    table: RegisterTable,
    key: string,
    etag: string | undefined,
  ): Promise<AdaptiveCard | string> {
    const outcome =
      table === 'expert' ? await expertView(s, who(a), key) : await rowView(s, who(a), table, key);
    if (outcome.type === 'refused') return notAllowed(a);
    if (outcome.type === 'not_found') return cardFor(a, table, key);
    const row = outcome.type === 'expert' ? outcome.view.row : outcome.row;
    if (row.etag !== etag) return cardFor(a, table, key, await conflictNotice(a, row));
    const name = (row.value as { name: string }).name;
    const question = a.t(
      table === 'expert'
        ? 'reg_remove_question_expert'
        : table === 'unit'
          ? 'reg_remove_question_unit'
          : 'reg_remove_question_staff',
      { name },
    );
    if (table === 'unit')
      return confirmRemoveCard(
        question,
        RegisterVerb.confirmRemoveUnit,
        RegisterVerb.openUnit,
        { unitId: (row.value as Unit).unitId, etag: row.etag },
        a.t,
      );
    const verbs =
      table === 'expert'
        ? [RegisterVerb.confirmRemoveExpert, RegisterVerb.openExpert]
        : [RegisterVerb.confirmRemoveStaff, RegisterVerb.openStaff];
    return confirmRemoveCard(
      question,
      verbs[0]!,
      verbs[1]!,
      { email: (row.value as Expert).email, etag: row.etag },
      a.t,
    );
  }

  async function remove(
    a: Actor,
    table: RegisterTable,
    key: string,
    etag: string | undefined,
  ): Promise<AdaptiveCard | string> {
    const before = await s.registers.readRow(table, key);
    const outcome: RemoveOutcome<RegisterRowOfTable[RegisterTable]> = await removeRegisterRow(
      s,
      who(a),
      table,
      key,
      etag,
    );
    switch (outcome.type) {
      case 'refused':
        return notAllowed(a);
      case 'not_found':
        return cardFor(a, table, key);
      case 'conflict':
        return cardFor(a, table, key, await conflictNotice(a, outcome.current));
      case 'open': {
        const items = [
          ...outcome.assignments.map((x) =>
            a.t('reg_open_assignment', { orderId: x.orderId, date: formatDate(x.date, a.lang) }),
          ),
          ...outcome.claims.map((c) => a.t('reg_open_claim', { claimId: c.claimId })),
        ];
        return cardFor(a, table, key, {
          text: a.t('reg_remove_open', { items: listText(items, a.lang) }),
        });
      }
      case 'removed': {
        const name = (before?.value as { name?: string } | undefined)?.name ?? key;
        // An expert's row stays (marked removed) and its card says so; other rows are gone.
        return table === 'expert'
          ? expertCardFor(a, key, { text: a.t('reg_removed', { name }), good: true })
          : a.t('reg_removed', { name });
      }
    }
  }

  // ---- buttons

  onCard(RegisterVerb.page, pageSchema, (a, d) => listCardFor(a, d.list, d.q, d.page));
  onCard(RegisterVerb.openExpert, emailKey, (a, d) => expertCardFor(a, d.email));
  onCard(
    RegisterVerb.saveExpert,
    saveSchema.and(z.object({ email: z.string().max(320).optional() })),
    (a, d) => save(a, 'experts', d.etag === undefined ? undefined : d.email, d),
  );
  onCard(
    RegisterVerb.pauseExpert,
    emailKey.extend({ etag: z.string().max(200), paused_until: text.optional() }),
    async (a, d) => {
      const outcome = await pauseFromCard(s, who(a), d.email, d.paused_until ?? '', d.etag);
      switch (outcome.type) {
        case 'refused':
          return notAllowed(a);
        case 'not_found':
          return expertCardFor(a, d.email);
        case 'invalid':
          return expertCardFor(a, d.email, { text: a.t('reg_pause_invalid') });
        case 'conflict':
          return expertCardFor(a, d.email, await conflictNotice(a, outcome.current));
        case 'saved': {
          const until = outcome.row.value.pausedUntil;
          return expertCardFor(a, d.email, {
            text: until
              ? a.t('reg_pause_set', { date: formatDate(until, a.lang) })
              : a.t('reg_pause_cleared'),
            good: true,
          });
        }
      }
    },
  );
  onCard(RegisterVerb.removeExpert, emailKey.extend({ etag: z.string().max(200) }), (a, d) =>
    askRemove(a, 'expert', d.email, d.etag),
  );
  onCard(RegisterVerb.confirmRemoveExpert, emailKey.extend({ etag: z.string().max(200) }), (a, d) =>
    remove(a, 'expert', d.email, d.etag),
  );

  onCard(RegisterVerb.openUnit, unitKey, (a, d) => rowCardFor(a, 'unit', d.unitId));
  onCard(
    RegisterVerb.saveUnit,
    saveSchema.and(z.object({ unitId: z.string().max(64).optional() })),
    (a, d) => save(a, 'units', d.etag === undefined ? undefined : d.unitId, d),
  );
  onCard(RegisterVerb.removeUnit, unitKey.extend({ etag: z.string().max(200) }), (a, d) =>
    askRemove(a, 'unit', d.unitId, d.etag),
  );
  onCard(RegisterVerb.confirmRemoveUnit, unitKey.extend({ etag: z.string().max(200) }), (a, d) =>
    remove(a, 'unit', d.unitId, d.etag),
  );

  onCard(RegisterVerb.openStaff, emailKey, (a, d) => rowCardFor(a, 'staff', d.email));
  onCard(
    RegisterVerb.saveStaff,
    saveSchema.and(z.object({ email: z.string().max(320).optional() })),
    (a, d) => save(a, 'staff', d.etag === undefined ? undefined : d.email, d),
  );
  onCard(RegisterVerb.removeStaff, emailKey.extend({ etag: z.string().max(200) }), (a, d) =>
    askRemove(a, 'staff', d.email, d.etag),
  );
  onCard(RegisterVerb.confirmRemoveStaff, emailKey.extend({ etag: z.string().max(200) }), (a, d) =>
    remove(a, 'staff', d.email, d.etag),
  );

  async function listCardFor(
    a: Actor,
    list: 'experts' | 'units' | 'staff',
    words: string,
    page: number,
  ): Promise<AdaptiveCard | string> {
    if (list === 'experts') {
      const outcome = await expertList(s, who(a), words, page, TITLES);
      return outcome.type === 'refused'
        ? notAllowed(a)
        : expertListCard(words, outcome.page, a.lang, a.t);
    }
    if (list === 'units') {
      const outcome = await unitList(s, who(a), words, page);
      return outcome.type === 'refused' ? notAllowed(a) : unitListCard(words, outcome.page, a.t);
    }
    const outcome = await staffList(s, who(a), words, page);
    return outcome.type === 'refused' ? notAllowed(a) : staffListCard(words, outcome.page, a.t);
  }

  // ---- typed commands

  const answer =
    (draw: (a: Actor, args: string) => Promise<AdaptiveCard | string>): CommandHandler =>
    async (ctx, actor, args) => {
      const out = await draw(actor, args.trim());
      await (typeof out === 'string' ? turns.say(ctx, out) : turns.sayCard(ctx, out));
    };
  const isCoordinator = (a: Actor) =>
    a.person.email !== '' && a.profile.roles.includes('coordinator');

  return {
    commands: {
      experts: answer((a, args) => listCardFor(a, 'experts', args, 0)),
      units: answer((a, args) => listCardFor(a, 'units', args, 0)),
      staff: answer(async (a, args) => {
        if (!argumentIs(args, 'register_add')) return listCardFor(a, 'staff', args, 0);
        return isCoordinator(a)
          ? staffCard({ fields: { role: 'orderer' } }, a.lang, a.t)
          : notAllowed(a);
      }),
      expert: answer(async (a, args) => {
        if (!isCoordinator(a)) return notAllowed(a);
        if (argumentIs(args, 'register_add'))
          return expertCard(
            {
              fields: {
                kind: 'trained',
                remote: 'yes',
                onsite: 'yes',
                languages: 'fi',
                max_per_month: '8',
              },
              today: today(),
            },
            a.lang,
            a.t,
          );
        const email = EMAIL_IN_TEXT.exec(args)?.[0] ?? args.split(/\s+/)[0];
        return email ? expertCardFor(a, email) : a.t('reg_expert_usage');
      }),
      unit: answer(async (a, args) => {
        if (!isCoordinator(a)) return notAllowed(a);
        if (argumentIs(args, 'register_add')) return unitCard({ fields: {} }, a.lang, a.t);
        const id = args.split(/\s+/)[0];
        return id ? rowCardFor(a, 'unit', id) : a.t('reg_unit_usage');
      }),
    },
    /** `/audit <email>` or `/audit <unit id>`; false for an order or claim number (the fee routes' part). */
    audit: async (ctx, actor, args) => {
      const typed = args.trim();
      if (!typed || ORDER_NUMBER.test(typed) || CLAIM_NUMBER.test(typed)) return false;
      const subject = EMAIL_IN_TEXT.exec(typed)?.[0]?.toLowerCase() ?? typed.split(/\s+/)[0]!;
      const outcome = await registerAudit(s, who(actor), subject);
      if (outcome.type === 'refused') {
        await turns.say(ctx, notAllowed(actor));
        return true;
      }
      const people = [...new Set(outcome.entries.map((e) => e.by))];
      const names = Object.fromEntries(
        await Promise.all(people.map(async (p) => [p, (await nameOf(s, p)) ?? p] as const)),
      );
      await turns.say(
        ctx,
        registerAuditMessage(subject, outcome.entries, names, actor.lang, actor.t),
      );
      return true;
    },
  };
}
