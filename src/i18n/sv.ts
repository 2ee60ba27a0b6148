import type { Catalogue } from './fi';

export const sv: Catalogue = {
  greeting: 'Hej! Jag är Kokemusvälitys, erfarenhetscentrets beställningstjänst.',
  greeting_roles: 'Här har du dessa roller: {roles}.',
  greeting_unknown_email: 'Jag hittade inte din e-postadress i Teams och kan därför inte koppla dig till registren. Kontakta en koordinator.',
  greeting_help_hint: 'Skriv **hjälp** så berättar jag vad du kan göra.',
  role_orderer: 'beställare',
  role_expert: 'erfarenhetsexpert',
  role_supervisor: 'närmaste chef',
  role_director: 'enhetschef',
  role_payroll: 'löneräkning',
  role_coordinator: 'koordinator',
  help_title: 'Så här använder du Kokemusvälitys',
  help_orderer:
    '**Som beställare** kan du skriva beställningen med egna ord, t.ex. *"Vi behöver en erfarenhetsexpert inom psykisk hälsa för en föreläsning för sjukskötare to 18.3. kl. 9–11 i Vasa"*. Kommandon: **mina** (mina beställningar), **avbryt T-…** (avbryt en beställning).',
  help_expert:
    '**Som erfarenhetsexpert** får du uppdragserbjudanden i den här chatten. Kommandon: **mina uppdrag**, **arvoden**, **paus 31.12.** (inga erbjudanden till dess), **profil**, **mina uppgifter**.',
  help_approver: '**Som godkännare** får du arvodesansökningar som kort. Kommando: **att godkänna** (väntande ansökningar).',
  help_coordinator:
    '**Som koordinator** har du kommandona: /experts, /units, /orders, /assign, /fees, /reassign, /stats, /export, /tariffs, /forget, /audit.',
  help_footer: 'Skriv **hjälp** när som helst för att se den här hjälpen igen.',
  unknown_text: 'Jag förstod inte meddelandet. Om du vill beställa en erfarenhetsexpert, beskriv uppdraget, dagen, tiden och platsen i ett meddelande. Skriv **hjälp** för att se alla kommandon.',
  unknown_text_expert: 'Jag förstod inte meddelandet. Skriv **hjälp** för att se vad du kan göra.',
  not_text: 'Jag kan bara hantera textmeddelanden och kortens knappar. Skriv **hjälp** för att se vad du kan göra.',
  error_generic: 'Något gick fel och ingenting ändrades. Försök igen om en stund.',
  card_stale: 'Det här kortet är föråldrat och klicket ändrade ingenting.',
  command_not_allowed: 'Det här kommandot är bara för koordinatorer.',
  feature_not_ready: 'Den här funktionen är inte i bruk ännu.',
};
