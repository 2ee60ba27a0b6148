import { AREAS, type Area } from '../shared/vocabulary';

const W = '(?<![\\p{L}])'; // word start
const E = '(?![\\p{L}])'; // word end

/** Stems that name an experience area, in fi, sv and en; they match inside compounds. */
const AREA_WORDS: Record<Area, readonly string[]> = {
  mental_health: [
    'mielenterv', 'masenn', '(?<!neuro)psykiatri', '(?<!neuro)psykiatr', 'psykoos', 'psykoot', 'ahdistu', 'skitsofren',
    'kaksisuuntai', 'bipolaar', 'syömishäiri', 'itsetuho', 'itsemurh', 'paniikkihäiri', 'mielenterveys',
    'traumaperäi', 'persoonallisuushäiri', 'psyykki', 'mielen hyvinvoin', 'mielialahäiri', 'psykisk', 'depress',
    'ångest', 'självmord', 'ätstörning', 'schizofren', 'bipolär', 'självskad',
    `${W}mental health`, `${W}mental illness`, `${W}mental[\\s-]health`, `${W}psychiatr`, `${W}anxiety`,
    `${W}psychos[ie]s`, `${W}psychotic`, `${W}eating disorder`, `${W}self-harm`, `${W}suicid`,
    `${W}schizophren`, `${W}bipolar`, `${W}ptsd`, `${W}burnout`, 'uupumu',
  ],
  substance_use: [
    'päihte', 'päihde', 'päihty', 'alkoholi', 'huume', 'riippuvuu', 'addikt', 'korvaushoid', 'korvaushoit',
    'rattijuop', 'peliongelm', 'pelaamis', 'missbruk', 'beroende', `${W}alkohol`, 'drog', 'narkotik', 'spelproblem',
    'spelberoende', `${W}substance`, `${W}addict`, `${W}alcohol`, `${W}drugs?${E}`, `${W}gambling`, `${W}opioid`,
    `${W}sober`, `${W}recovery from (?:alcohol|drug)`,
  ],
  child_protection: [
    'lastensuojel', 'sijaishuol', 'sijaisperhe', 'huostaan', 'jälkihuol', 'lastenkot', 'perhekoti', 'barnskydd',
    'fosterhem', 'familjehem', 'omhändertag', 'eftervård', 'placerad', `${W}child protection`, `${W}child welfare`,
    `${W}foster`, `${W}taken into care`, `${W}children's home`, `${W}aftercare`,
  ],
  family_services: [
    'perhepalvel', 'vanhemmuu', 'perhetyö', 'perhekesk', 'perheneuvol', 'perhetuki', 'perheväkival', 'neuvola',
    'kasvatus- ja perhe', 'lapsiperhe', 'familjeservice', 'familjetjänst', 'familjearbet', 'föräldraskap',
    'familjecent', 'familjerådgiv', `${W}family services`, `${W}family work`, `${W}family cent`, `${W}parenting`,
    `${W}family support`, `${W}families with children`,
  ],
  chronic_illness: [
    'pitkäaikaissair', 'pitkäaikais', 'syöpä', 'syövä', 'syöpi', 'diabete', `${W}ms${E}`, `${W}ms-`, 'kipu', 'kivun',
    'kroonise', 'krooninen', 'reuma', 'sydänsair', 'epilep', 'munuaissair', 'astma', 'kroonistu', 'elinsiir',
    'parkinson', 'kronisk', 'långvarig sjuk', 'långvarig smärta', 'smärt', 'cancer', `${W}diabet`, `${W}chronic`,
    `${W}pain${E}`, `${W}long-term (?:illness|condition)`, `${W}multiple sclerosis`, `${W}rheumat`, `${W}epilep`,
  ],
  disability: [
    'vammai', 'vammais', 'kehitysvam', 'näkövam', 'kuulovam', 'liikuntavam', 'aivovam', 'cp-vam', 'toimintarajoit',
    'pyörätuol', '(?<!neuropsykiatriska? )funktionsnedsätt', 'funktionshind', 'rörelsehind', 'intellektuell',
    'rullstol', `${W}disab`, `${W}impair`, `${W}wheelchair`, `${W}deaf`, `${W}blind`, `${W}intellectual`, 'kuuro', 'sokea',
  ],
  neuropsychiatric: [
    'neuropsyk', `${W}adhd`, `${W}add${E}`, 'autis', 'asperger', `${W}nepsy`, 'tourette', 'neurodiverg', 'neurokirj',
    `${W}npf${E}`, 'lukihäiri', `${W}autism`, `${W}neurodevelopment`, `${W}dyslex`,
  ],
  as_relative: [
    `${W}omai(?:nen|s(?!uu))`, 'omaishoi', 'läheise(?!sti)', 'läheisinä', 'läheinen', 'läheisriippuv',
    'mielenterveysomai', 'päihdeomai', 'anhörig', 'närstående', `${W}relatives?${E}`, `${W}family members?`,
    `${W}carers?${E}`, `${W}caregiver`, `${W}next of kin`, `${W}loved ones?`, `${W}young carer`,
  ],
  homelessness: [
    'asunnottom', 'asunnoton', 'kodittom', 'koditon', 'asunnotto', 'hemlös', 'bostadslös', `${W}homeless`, `${W}rough sleep`,
    'ensisuoj', 'asumisen tu',
  ],
  other: [
    '(?:kokemus)?alue(?:ena)?\\s*:?\\s*muu(?![\\p{L}])', '(?:kokemus)?alueena muu', 'område\\s*:?\\s*(?:annat|övrigt)',
    '(?:experience\\s+)?area\\s*:?\\s*other',
  ],
};

const AREA_PATTERNS: ReadonlyArray<[Area, RegExp]> = AREAS.map((area) => [
  area,
  new RegExp(AREA_WORDS[area].join('|'), 'u'),
]);

/** Every experience area named, in the vocabulary's order. */
export function findAreas(folded: string): Area[] {
  return AREA_PATTERNS.filter(([, re]) => re.test(folded)).map(([area]) => area);
}
