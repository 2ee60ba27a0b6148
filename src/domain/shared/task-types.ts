/**
 * The task types of SPEC §7, in one table: a new task type is one row here plus its title
 * (`task_<id>`) in the three catalogues. Everything else (the ids, the default tariff, the peer
 * support rule, the words that point at a type, the tariff card's fields, the stored tariffs'
 * migration) is derived from this table.
 */

/** A word stem (a regular expression, matched on folded text) and its weight. */
export type TaskWord = readonly [source: string, weight: number];

export interface TaskTypeRow {
  /** Default fee per started hour, in cents (the 2026-1 tariff; SPEC §5). */
  hourlyCents: number;
  /** Peer supporters may only take these, and they carry no fee (SPEC §4). */
  peerSupport: boolean;
  /**
   * Clients or patients are present (a group, a drop-in, a ward, a client meeting): the order card's
   * trainee toggle starts off, so that a client meets no extra stranger unasked (SPEC §3).
   */
  clientWork?: true;
  /**
   * Kept only so that old stored orders of this type still read and show: it is no longer offered
   * on the order card, in the catalogue or by the parser, and a card that sends it is refused.
   * Mentoring (SPEC §3): a mentor takes their trainee along on their own tasks instead.
   */
  notOrderable?: true;
  /**
   * Words that point at the type, in fi, sv and en, with a weight: a product name or a compound that
   * names the task (3) beats a plain task word (2), which beats a generic word (1). Stems match inside
   * Finnish and Swedish compounds ("päihdeluennolle", "föreläsningen").
   */
  words: readonly TaskWord[];
}

const W = '(?<![\\p{L}])'; // word start

/** In the order the order card lists them; on a tie in the words, the earlier row wins. */
export const TASK_TYPE_TABLE = {
  lecture: {
    hourlyCents: 4000,
    peerSupport: false,
    words: [
      ['luen(?:to|no)', 2],
      ['luennoi', 2],
      ['esitelm', 2],
      ['puheenvuoro', 2],
      ['alustu', 2],
      ['alustaj', 2],
      ['alustamaan', 2],
      [`${W}puhuj`, 2],
      [`${W}puhumaan`, 2],
      ['paneeli', 2],
      [`${W}kerto(?:maan|massa|o)(?!\\p{L})`, 1.5],
      ['kokemustarin', 1.5],
      ['föreläs', 2],
      ['vanhempainil', 2],
      ['föräldramöte', 2],
      ['föräldrakväll', 2],
      [`${W}parents'? (?:evening|night|meeting)`, 2],
      ['föredrag', 2],
      ['föredragshållare', 2],
      [`${W}tala(?:re|r)?${'(?!\\p{L})'}`, 1.5],
      ['paneldiskussion', 2],
      ['berätta om', 1.5],
      [`${W}lectur`, 2],
      [`${W}talks?(?!\\p{L})`, 2],
      [`${W}give a talk`, 2],
      [`${W}presentation`, 2],
      [`${W}speak`, 2],
      [`${W}keynote`, 2],
      [`${W}panel`, 2],
      [`${W}tell (?:about|their|his|her|us)`, 1.5],
      [`${W}guest lecture`, 2],
      [`${W}seminar`, 1],
      ['seminaari', 1],
    ],
  },
  peer_group: {
    clientWork: true,
    hourlyCents: 2500,
    peerSupport: true,
    words: [
      ['vertaisryhm', 3],
      ['vertaistukiryhm', 3],
      ['omaisryhm', 3],
      ['anhöriggrupp', 3],
      [`${W}relatives'? (?:support )?groups?`, 3],
      ['tukiryhm', 3],
      ['ryhmänohja', 2.5],
      ['ryhmää ohjaama', 2.5],
      ['ryhmän vetä', 2.5],
      ['ryhmänvetä', 2.5],
      ['vertaisohjaaj', 2.5],
      ['ohjaamaan ryhm', 2.5],
      ['ryhmänohjaaj', 2.5],
      ['kamratgrupp', 3],
      ['stödgrupp', 3],
      ['självhjälpsgrupp', 3],
      ['gruppledare', 2],
      ['medledare', 2],
      [`${W}peer (?:support )?groups?`, 3],
      [`${W}support groups?`, 3],
      [`${W}self-help group`, 3],
      [`${W}co-(?:lead|facilitat)`, 2],
      [`${W}peer support`, 2],
      ['vertaistu', 1.5],
      [`${W}group facilitat`, 2],
      [`${W}lead (?:a|the|our) group`, 2.5],
    ],
  },
  pair_work: {
    clientWork: true,
    hourlyCents: 2500,
    peerSupport: false,
    words: [
      ['parityö', 3],
      ['työpari', 3],
      ['parina', 2],
      ['parityöskentel', 3],
      ['yhteistyöparina', 3],
      ['parsamarbete', 3],
      ['arbetspar', 3],
      ['i par med', 3],
      [`${W}pair work`, 3],
      [`${W}work(?:ing)? in pairs`, 3],
      [`${W}co-?work`, 2.5],
      [`${W}work(?:ing)? (?:alongside|together with)`, 2.5],
      [`${W}pair-work`, 3],
    ],
  },
  development_group: {
    hourlyCents: 3000,
    peerSupport: false,
    words: [
      ['kehittämisryhm', 3],
      ['kehittäjäasiak', 3],
      ['kehittäjäjäsen', 3],
      ['ohjausryhm', 3],
      ['työryhm', 3],
      ['asiakasraati', 3],
      ['asiakasraadi', 3],
      ['kehittämispäiv', 2.5],
      ['kehittämistyö', 2.5],
      ['kehittämään', 2],
      ['työpaja', 2],
      ['suunnitteluryhm', 3],
      ['projektiryhm', 3],
      ['utvecklingsgrupp', 3],
      ['utvecklingsmöte', 3],
      ['utvecklingsarbete', 2.5],
      ['styrgrupp', 3],
      ['arbetsgrupp', 3],
      ['referensgrupp', 3],
      ['klientråd', 3],
      [`${W}utveckla`, 2],
      [`${W}workshop`, 2],
      [`${W}development (?:group|work|day|project|workshop)`, 3],
      [`${W}steering group`, 3],
      [`${W}working group`, 3],
      [`${W}advisory (?:group|board)`, 3],
      [`${W}reference group`, 3],
      [`${W}co-design`, 2.5],
      [`${W}develop`, 1.5],
    ],
  },
  evaluation: {
    hourlyCents: 3000,
    peerSupport: false,
    words: [
      ['arvioin', 2.5],
      ['arvioi', 2],
      ['arvioija', 2.5],
      ['tutkimu', 2],
      ['tutkimushaastat', 3],
      ['tutkija', 2],
      ['palautekysel', 2],
      ['evaluer', 2.5],
      ['utvärder', 2.5],
      ['forskning', 2],
      ['bedömning', 2],
      [`${W}evaluat`, 2.5],
      [`${W}research`, 2],
      [`${W}assess`, 2],
      [`${W}audit`, 2],
      [`${W}focus group`, 2],
      [`${W}fokusgrupp`, 2],
      ['fokusryhm', 2],
    ],
  },
  peer_reception: {
    clientWork: true,
    hourlyCents: 2500,
    peerSupport: true,
    words: [
      ['vertaisvastaanot', 3],
      ['vastaanot(?:to(?:a|on|na)?(?!\\p{L})|o(?:lla|lle|ssa|lta|sta|n)(?!\\p{L}))', 1.5],
      ['päivystysvuoro', 1.5],
      ['kamratmottagning', 3],
      ['mottagning', 1.5],
      [`${W}drop-?in`, 2],
      [`${W}peer (?:reception|consultation|clinic|desk)`, 3],
      [`${W}reception`, 1.5],
      [`${W}walk-in`, 2],
    ],
  },
  juttupenkki: {
    clientWork: true,
    hourlyCents: 2500,
    peerSupport: false,
    words: [
      ['juttupenk', 4],
      ['juttupenkki', 4],
      ['jutt?upenk', 4],
      ['pratbänk', 4],
      [`${W}chat[\\s-]?bench`, 4],
      [`${W}talking bench`, 4],
    ],
  },
  day_in_life: {
    hourlyCents: 2500,
    peerSupport: false,
    words: [
      ['päivä elämässä', 4],
      ['päivä-elämässä', 4],
      ['päiväelämässä', 4],
      ['havainnoi', 2],
      ['havainnointi', 2],
      ['en dag i livet', 4],
      ['dag-i-livet', 4],
      [`${W}observation`, 2],
      ['observera', 2],
      ['skuggning', 2],
      [`${W}day in the life`, 4],
      [`${W}day-in-the-life`, 4],
      [`${W}shadowing`, 2],
      [`${W}observe`, 2],
    ],
  },
  media: {
    hourlyCents: 3500,
    peerSupport: false,
    words: [
      ['haastat', 1.5],
      ['mediahaastat', 3],
      ['lehtijut', 3],
      ['lehteen', 3],
      ['lehdessä', 3],
      ['toimittaja', 3],
      [`${W}radio`, 3],
      ['podcast', 3],
      ['podi', 2],
      ['tv-', 3],
      [`${W}yle(?!\\p{L})`, 2],
      ['artikkeli', 3],
      ['uutiskirje', 3],
      ['blogi', 2.5],
      ['videolle', 2],
      ['mediaan', 3],
      ['mediaesiinty', 3],
      [`${W}media`, 2.5],
      ['intervju', 1.5],
      ['tidning', 3],
      ['journalist', 3],
      ['podd', 3],
      ['reportage', 3],
      [`${W}interview`, 1.5],
      [`${W}newspaper`, 3],
      [`${W}magazine`, 3],
      [`${W}article`, 3],
      [`${W}newsletter`, 3],
      [`${W}blog`, 2.5],
      [`${W}reporter`, 3],
      [`${W}filming`, 2.5],
      [`${W}documentary`, 3],
      ['dokumentti', 3],
    ],
  },
  joint_training: {
    hourlyCents: 4000,
    peerSupport: false,
    words: [
      ['yhteiskoulutu', 3],
      ['yhteisvalmennu', 3],
      ['yhteisvalmenta', 3],
      ['yhteiskoulutta', 3],
      ['kouluttamaan yhdessä', 3],
      ['yhdessä kouluttama', 3],
      ['koulutu', 1],
      ['koulutta', 1.2],
      ['täydennyskoulutu', 1.2],
      ['gemensam utbildning', 3],
      ['samskapande (?:ut|fort)bild', 3],
      ['fortbildning', 1.2],
      ['samutbild', 3],
      ['utbildning', 1],
      ['utbilda', 1.2],
      [`${W}joint training`, 3],
      [`${W}co-train`, 3],
      [`${W}co-deliver`, 3],
      [`${W}train(?:ing)? (?:session|day)`, 1.2],
      [`${W}training`, 1],
      [`${W}workshop together`, 2.5],
      // 'a training (…) together with an expert': the training is given jointly.
      ['koulutu[^.!?]{0,80}yhdessä', 3],
      ['yhdessä[^.!?]{0,40}kouluttama', 3],
      ['utbildning[^.!?]{0,80}tillsammans med', 3],
      [`${W}training[^.!?]{0,80}(?:together )?with (?:an? |two |\\d )?experts?`, 3],
    ],
  },
  mentoring: {
    hourlyCents: 3000,
    peerSupport: false,
    notOrderable: true,
    words: [
      ['mentor', 3],
      ['aktorointi', 2],
      [`${W}mentee`, 3],
      ['handledning av', 2],
    ],
  },
} satisfies Record<string, TaskTypeRow>;

export type TaskType = keyof typeof TASK_TYPE_TABLE;
export const TASK_TYPES: readonly TaskType[] = Object.keys(TASK_TYPE_TABLE) as TaskType[];

/** What an orderer may order: every type but those kept only for old rows (mentoring). */
export const ORDERABLE_TASK_TYPES: readonly TaskType[] = TASK_TYPES.filter(
  (t) => (TASK_TYPE_TABLE[t] as TaskTypeRow).notOrderable !== true,
);

/** True for a task type an orderer may order now (an old row may hold one that is not). */
export function isOrderable(taskType: string | undefined): taskType is TaskType {
  return (ORDERABLE_TASK_TYPES as readonly string[]).includes(taskType ?? '');
}

/** Peer supporters may only take these, and they carry no fee (SPEC §4). */
export const PEER_SUPPORT_TASK_TYPES: readonly TaskType[] = TASK_TYPES.filter(
  (t) => TASK_TYPE_TABLE[t].peerSupport,
);

/** The order card's trainee toggle starts on, except for client work (SPEC §3). */
export function traineeAllowedByDefault(taskType: TaskType): boolean {
  const row: TaskTypeRow = TASK_TYPE_TABLE[taskType];
  return row.clientWork !== true;
}

/** The default fee per started hour of every task type, in cents. */
export const DEFAULT_HOURLY_CENTS = Object.fromEntries(
  TASK_TYPES.map((t) => [t, TASK_TYPE_TABLE[t].hourlyCents]),
) as Record<TaskType, number>;
