/** The Finnish catalogue defines the keys; sv and en must provide every one (checked by the type). */
export const fi = {
  greeting: 'Hei! Olen Kokemusvälitys, kokemustoimintakeskuksen tilauspalvelu.',
  greeting_roles: 'Sinulla on täällä nämä roolit: {roles}.',
  greeting_unknown_email: 'En löytänyt sähköpostiosoitettasi Teamsista, joten en voi yhdistää sinua rekistereihin. Ota yhteys koordinaattoriin.',
  greeting_help_hint: 'Kirjoita **apua** niin kerron, mitä voit tehdä.',
  role_orderer: 'tilaaja',
  role_expert: 'kokemusasiantuntija',
  role_supervisor: 'lähiesihenkilö',
  role_director: 'yksikönjohtaja',
  role_payroll: 'palkanlaskenta',
  role_coordinator: 'koordinaattori',
  help_title: 'Näin käytät Kokemusvälitystä',
  help_orderer:
    '**Tilaajana** voit kirjoittaa tilauksen omin sanoin, esim. *"Tarvitsemme mielenterveyden kokemusasiantuntijan luennolle hoitajille to 18.3. klo 9–11 Kuopiossa"*. Komennot: **omat** (omat tilaukset), **peru T-…** (peru tilaus).',
  help_expert:
    '**Kokemusasiantuntijana** saat tehtävätarjoukset tähän keskusteluun. Komennot: **omat tehtävät**, **palkkiot**, **tauko 31.12.** (ei tarjouksia siihen asti), **profiili**, **omat tiedot**.',
  help_approver: '**Hyväksyjänä** saat palkkiohakemukset kortteina. Komento: **hyväksyttävät** (odottavat hakemukset).',
  help_coordinator:
    '**Koordinaattorina** käytössäsi ovat komennot: /experts, /units, /orders, /assign, /fees, /reassign, /stats, /export, /tariffs, /forget, /audit.',
  help_footer: 'Kirjoita **apua** milloin tahansa nähdäksesi tämän ohjeen uudelleen.',
  unknown_text: 'En ymmärtänyt viestiä. Jos haluat tilata kokemusasiantuntijan, kerro tehtävä, päivä, aika ja paikka yhdellä viestillä. Kirjoita **apua**, niin näet kaikki komennot.',
  unknown_text_expert: 'En ymmärtänyt viestiä. Kirjoita **apua**, niin näet, mitä voit tehdä.',
  not_text: 'Osaan käsitellä vain tekstiviestejä ja korttien painikkeita. Kirjoita **apua**, niin näet, mitä voit tehdä.',
  error_generic: 'Jokin meni vikaan, eikä mitään muutettu. Yritä hetken päästä uudelleen.',
  card_stale: 'Tämä kortti on vanhentunut, eikä painallus muuttanut mitään.',
  command_not_allowed: 'Tämä komento on vain koordinaattoreille.',
  feature_not_ready: 'Tämä toiminto ei ole vielä käytössä.',
} as const;

export type MessageKey = keyof typeof fi;
export type Catalogue = Record<MessageKey, string>;
