/*
 * Ordlista: ett ord för varje roll och sak.
 *   närmaste chef (inte bara chefen), enhetschef (aldrig direktör), löneräkningen (inte lönehantering),
 *   beställare, erfarenhetsexpert (inte bara expert), koordinator,
 *   handläggare (den som har arvodesansökan just nu),
 *   uppdrag (erfarenhetsexpertens sida), beställning (beställarens sida), arvodesansökan.
 *   En beställning annulleras (inte avbryts), en ansökan returneras för korrigering (avslås inte).
 * Stil: du-form, vardagliga ord, "ingenting ändrades".
 * Antal: {count, plural, one {# timme} other {# timmar}} (translator väljer formen med Intl.PluralRules).
 */
import type { Catalogue } from './fi';

export const sv: Catalogue = {
  greeting:
    'Hej! Jag är Kokemusvälitys, beställningstjänsten vid centret för erfarenhetsverksamhet.',
  greeting_roles: 'Här har du dessa roller: {roles}.',
  greeting_unknown_email:
    'Jag hittade inte din e-postadress i Teams och kan därför inte känna igen dig. Kontakta en koordinator.',
  greeting_help_hint: 'Skriv **hjälp**, så berättar jag vad du kan göra.',
  role_orderer: 'beställare',
  role_expert: 'erfarenhetsexpert',
  role_supervisor: 'närmaste chef',
  role_director: 'enhetschef',
  role_payroll: 'löneräkningen',
  role_coordinator: 'koordinator',
  help_title: 'Så här använder du Kokemusvälitys',
  help_orderer:
    'Skriv **vad kan jag beställa**, så ser du vad du kan beställa och vad det kostar. **Som beställare** kan du skriva beställningen med egna ord, till exempel *"Vi behöver en erfarenhetsexpert inom psykisk hälsa för en föreläsning för sjukskötare to 18.3 kl. 9–11 i Vasa"*. Du kan skriva: **mina** (dina beställningar), **ändra T-…** (ändra en beställning), **annullera T-…** (annullera en beställning).',
  help_expert:
    '**Som erfarenhetsexpert** får du uppdragserbjudanden i den här chatten. Du kan skriva: **mina uppdrag**, **arvoden**, **paus 31.12** (inga erbjudanden till dess), **profil**, **mina uppgifter**.',
  help_approver:
    '**Som godkännare** får du arvodesansökningar som kort. Skriv **att godkänna**, så ser du ansökningarna som väntar på dig. Löneräkningen får arvodena att betala som CSV: **/export fees [11/2026]**.',
  help_coordinator:
    '**Som koordinator** kan du använda de här kommandona: /assign T-… e-post (tilldela en erfarenhetsexpert), /review on|off (granskning av kandidatlistor), /fees [stuck] (arvodesansökningar eller de som väntat länge), /reassign P-… e-post (flytta en ansökan till en annan handläggare), /tariffs (taxor), /export fees [11/2026] (CSV till löneräkningen), /audit P-… (händelser). **Beställningar och siffror:** /beställningar öppna (beställningar), /beställning T-… (en beställning), /statistik Q3 (siffror), /exportera beställningar 2026 eller /exportera respons 2026 (CSV), /nåbarhet (vem jag inte når, installera för alla), /glöm anna@example.fi (radera en persons uppgifter).',
  help_footer: 'Skriv **hjälp** när som helst för att se den här hjälpen igen.',
  unknown_text:
    'Jag förstod inte meddelandet. Om du vill beställa en erfarenhetsexpert, beskriv uppdraget, datumet, tiden och platsen i ett meddelande. Skriv **hjälp**, så ser du alla kommandon.',
  unknown_text_expert: 'Jag förstod inte meddelandet. Skriv **hjälp**, så ser du vad du kan göra.',
  not_text:
    'Jag förstår bara skrivna meddelanden och knapparna på korten. Skriv **hjälp**, så ser du vad du kan göra.',
  error_generic: 'Något gick fel, och ingenting ändrades. Försök igen om en stund.',
  card_stale: 'Det här kortet är inaktuellt, och klicket ändrade ingenting.',
  command_not_allowed: 'Det här kommandot är bara för koordinatorer.',
  feature_not_ready: 'Den här funktionen är inte i bruk ännu.',
  task_lecture: 'Föreläsning eller anförande',
  task_peer_group: 'Kamratgrupp',
  task_pair_work: 'Parsamarbete',
  task_development_group: 'Utvecklingsgrupp',
  task_evaluation: 'Utvärdering',
  task_peer_reception: 'Kamratmottagning',
  task_juttupenkki: 'Juttupenkki (pratbänk)',
  task_day_in_life: 'En dag i livet',
  task_media: 'Medieframträdande',
  task_joint_training: 'Gemensam utbildning',
  task_mentoring: 'Mentorering',
  area_mental_health: 'Psykisk hälsa',
  area_substance_use: 'Rusmedel',
  area_child_protection: 'Barnskydd',
  area_family_services: 'Familjetjänster',
  area_chronic_illness: 'Långvariga sjukdomar',
  area_disability: 'Funktionsnedsättning',
  area_neuropsychiatric: 'Neuropsykiatriska särdrag',
  area_as_relative: 'Erfarenhet som anhörig eller närstående',
  area_homelessness: 'Hemlöshet',
  area_other: 'Annat',
  lang_fi: 'finska',
  lang_sv: 'svenska',
  lang_en: 'engelska',
  order_card_title: 'Beställning av erfarenhetsexpert',
  order_card_intro: 'Kontrollera och komplettera uppgifterna och skicka beställningen.',
  label_taskType: 'Uppdrag',
  label_areas: 'Erfarenhetsområde',
  label_date: 'Datum',
  label_start: 'Börjar',
  label_end: 'Slutar',
  label_remote: 'Distans',
  label_municipality: 'Kommun',
  label_address: 'Adress eller avdelning',
  label_expertCount: 'Erfarenhetsexperter',
  label_language: 'Uppdragets språk',
  label_audience: 'Åhörare eller deltagare',
  label_wishes: 'Önskemål',
  label_unitId: 'Beställande enhet',
  choose: 'Välj',
  send_order: 'Skicka beställningen',
  missing_line:
    'Saknas ännu: {fields}. Komplettera på kortet eller skriv det som saknas som ett meddelande.',
  all_found: 'Jag hittade alla uppgifter. Kontrollera dem och skicka beställningen.',
  field_required: 'Den här uppgiften saknas.',
  field_invalid: 'Kontrollera den här uppgiften.',
  end_before_start: 'Sluttiden måste vara efter starttiden.',
  date_in_past: 'Datumet har redan passerat. Välj ett kommande datum.',
  time_in_past: 'Tiden har redan passerat. Välj en senare tid.',
  count_invalid: 'Ange ett antal mellan 1 och 10.',
  municipality_required: 'Ange kommun, eller välj Distans.',
  identity_code_refused:
    'Här verkar finnas en personbeteckning. Ta bort den: klientuppgifter får inte finnas i beställningen.',
  form_has_errors: 'Beställningen skickades inte. Rätta de markerade fälten.',
  date_in_past_chat:
    'Datumet du angav har redan passerat, så jag lämnade datumet tomt. Välj ett kommande datum.',
  date_impossible_chat: 'Datumet du angav finns inte i kalendern, så jag lämnade datumet tomt.',
  identity_code_refused_chat:
    'Ditt meddelande verkar innehålla en personbeteckning. Klientuppgifter får inte finnas i en beställning, så jag sparade inte meddelandet. Skriv beställningen på nytt utan personbeteckning.',
  order_created:
    'Tack! Beställning **{orderId}** har tagits emot. Jag söker lämpliga erfarenhetsexperter och meddelar dig när någon har tagit uppdraget.',
  order_sent_title: 'Beställning {orderId} skickad',
  order_already_sent: 'Den här beställningen har redan skickats med nummer {orderId}.',
  summary_when: 'När',
  summary_where: 'Var',
  summary_count: 'Erfarenhetsexperter',
  summary_remote: 'Distans',
  my_orders_title: 'Dina beställningar',
  my_orders_empty:
    'Du har inga beställningar ännu. Skriv en beställning med egna ord, så hjälper jag dig.',
  my_orders_line: '**{orderId}** · {task} · {when} · {status}',
  status_open: 'öppen',
  status_filled: 'tillsatt',
  status_cancelled: 'annullerad',
  cancel_done: 'Beställning {orderId} har annullerats.',
  order_not_found: 'Jag hittade inte beställning {orderId}.',
  order_not_yours: 'Du kan bara annullera dina egna beställningar.',
  order_already_cancelled: 'Beställning {orderId} är redan annullerad.',
  cancel_usage: 'Skriv **annullera** och beställningsnumret, till exempel *annullera T-2026-0001*.',
  only_orderers_can_order:
    'Beställningar görs av enheternas anställda. Som erfarenhetsexpert får du uppdragserbjudanden i den här chatten. Skriv **hjälp**, så ser du vad du kan göra.',
  unit_not_found: 'Enheten du valde hittades inte. Välj en enhet i listan.',
  status_unfilled: 'väntar på koordinator',
  offer_title: 'Uppdragserbjudande: {task}',
  offer_intro: 'Här är ett uppdrag som kan passa dig. Vill du ta det?',
  accept_offer: 'Jag tar uppdraget',
  decline_offer: 'Inte den här gången',
  offer_fee: 'Uppskattat arvode',
  offer_fee_none: 'Frivilligt uppdrag, inget arvode',
  offer_unit: 'Beställare',
  offer_duration: 'Längd',
  offer_expires: 'Svara senast',
  minutes: '{minutes} min',
  offer_accepted_title: 'Du fick uppdraget: {task}',
  offer_accepted_text: 'Tack! Du har nu uppdrag {orderId}. Jag påminner dig dagen innan.',
  offer_address: 'Adress',
  offer_contact: 'Kontaktperson',
  offer_filled_title: 'Uppdraget är redan tillsatt',
  offer_filled_text:
    'Tack för ditt intresse! Uppdrag {orderId} har redan tillsatts, så du behöver inte göra något.',
  offer_declined_title: 'Du tog inte det här uppdraget',
  offer_declined_text:
    'Tack för att du svarade! Vi erbjuder uppdrag {orderId} till andra. Det här påverkar inte dina kommande erbjudanden.',
  offer_expired_title: 'Erbjudandet har gått ut',
  offer_expired_text:
    'Svarstiden för erbjudande {orderId} har gått ut. Det gör inget – du får nya erbjudanden även i fortsättningen.',
  offer_withdrawn_title: 'Uppdraget är inställt',
  offer_withdrawn_text: 'Beställaren annullerade uppdrag {orderId}. Du behöver inte göra något.',
  order_already_filled: 'Uppdraget hann redan tillsättas. Tack för ditt intresse!',
  order_cancelled: 'Uppdraget är inställt.',
  offer_closed: 'Erbjudandet gäller inte längre.',
  offer_already_accepted: 'Du har redan tagit det här uppdraget.',
  offer_already_declined: 'Du har redan svarat att du inte tar det här uppdraget.',
  offer_not_found: 'Jag hittade inget erbjudande till dig.',
  orderer_assigned:
    'Din beställning {orderId} har fått {count, plural, one {# erfarenhetsexpert} other {# erfarenhetsexperter}} av {total}: {names}. Jag söker fortfarande resten.',
  orderer_filled:
    '{count, plural, one {Din beställning {orderId} har fått en erfarenhetsexpert: {names}.} other {Din beställning {orderId} har fått alla erfarenhetsexperter: {names}.}}',
  orderer_unfilled:
    'Ingen har ännu tagit din beställning {orderId}. Koordinatorn har fått veta och söker själv. Jag meddelar dig när det händer något.',
  orderer_partly_filled:
    'Din beställning {orderId} fick {count, plural, one {# erfarenhetsexpert} other {# erfarenhetsexperter}} av {total}: {names}. Koordinatorn söker resten.',
  coordinator_unfilled_title: 'Beställning {orderId} behöver en koordinator',
  coordinator_unfilled_text:
    'Erbjudandena gav {count, plural, one {# erfarenhetsexpert} other {# erfarenhetsexperter}} av {total}. De bästa kandidaterna:',
  coordinator_no_candidates:
    'Det finns inga lämpliga kandidater i registret. Tilldela en erfarenhetsexpert med /assign {orderId} e-post.',
  assign_expert: 'Tilldela',
  coordinator_unreachable:
    'Erfarenhetsexperten {name} nåddes inte i Teams med erbjudandet för {orderId}, så erbjudandet gick vidare till nästa. Orsak: {reason}',
  assigned_by_coordinator: '{name} har tilldelats beställning {orderId}.',
  expert_not_found: 'Erfarenhetsexperten finns inte i registret.',
  order_not_found_plain: 'Beställningen hittades inte.',
  assign_usage:
    'Skriv /assign, beställningsnumret och erfarenhetsexpertens e-post, till exempel /assign T-2026-0001 namn@example.fi.',
  expert_cancelled:
    'Uppdrag {orderId} ({task}, {when}) är inställt. Du behöver inte delta. Tack för att du var beredd att ta uppdraget.',
  task_reminder:
    'Påminnelse: i morgon har du uppdrag {orderId}: {task}, {when}, {where}. Kontaktperson: {contact}.',
  pause_set:
    'Okej! Du får inga erbjudanden till och med {date}. Om du vill ha erbjudanden redan innan dess, skriv **paus slut**.',
  pause_cleared: 'Pausen är slut, och du får erbjudanden igen.',
  pause_usage:
    'Skriv **paus** och datumet till vilket du inte vill ha erbjudanden, till exempel *paus 31.12*',
  pause_date_past: 'Datumet har redan passerat. Ange ett kommande datum, till exempel *paus 31.12*',
  only_experts:
    'Det här kommandot är för erfarenhetsexperter. Skriv **hjälp**, så ser du vad du kan göra.',
  profile_title: 'Din profil',
  profile_kind: 'Roll',
  profile_regions: 'Områden',
  profile_languages: 'Språk',
  profile_work: 'Arbetssätt',
  profile_remote: 'på distans',
  profile_onsite: 'på plats',
  profile_max: 'Högst per månad',
  profile_paused: 'Paus',
  profile_not_paused: 'nej',
  profile_change: 'Om något i dina uppgifter behöver ändras, kontakta koordinatorn.',
  kind_trained: 'utbildad erfarenhetsexpert',
  kind_actor: 'erfarenhetsaktör',
  kind_partner: 'erfarenhetspartner',
  kind_peer: 'kamratstödjare',
  my_data_email: 'E-post',
  my_data_name: 'Namn',
  my_data_mentor: 'Mentor',
  my_data_trained_on: 'Utbildad',
  my_data_none: 'Det finns inga uppgifter om dig i registret över erfarenhetsexperter.',
  my_tasks_title: 'Dina kommande uppdrag',
  my_tasks_empty: 'Du har inga kommande uppdrag.',
  my_tasks_line: '**{orderId}** · {when} · {where}',
  review_title: 'Kandidaterna för beställning {orderId} väntar på granskning',
  review_text: 'Granskning är på: erbjudandena skickas till dessa när du godkänner listan.',
  approve_shortlist: 'Skicka erbjudandena',
  shortlist_sent: 'Erbjudandena har skickats.',
  shortlist_not_waiting: 'Den här beställningen har ingen lista som väntar på granskning.',
  review_on:
    'Granskning är på: varje kandidatlista väntar på en koordinators godkännande innan erbjudanden skickas.',
  review_off: 'Granskning är av: erbjudanden skickas genast.',
  review_usage: 'Skriv /review on eller /review off (eller /granskning på / av).',
  submit_claim: 'Skicka arvodesansökan',
  approve_claim: 'Godkänn',
  reject_claim: 'Returnera för korrigering',
  mark_paid: 'Betald',
  task_done: 'Uppdraget utfört',
  export_fees_button: 'Ladda ner för utbetalning (CSV)',
  amount_fee: 'Arvode',
  amount_fee_hours: '{hours, plural, one {# påbörjad timme} other {# påbörjade timmar}} × {rate}',
  amount_fee_minimum:
    '{hours, plural, one {# påbörjad timme} other {# påbörjade timmar}}, minimiarvode {minimum}',
  amount_fee_unpaid: 'frivilligt uppdrag, inget arvode',
  amount_km: 'Kilometerersättning',
  amount_km_detail: '{km} km × {rate}',
  amount_expenses: 'Övriga kostnader',
  amount_total: 'Totalt',
  claim_form_title: 'Arvodesansökan',
  claim_form_title_again: 'Arvodesansökan {claimId}: rätta och skicka igen',
  claim_form_reason: 'Ansökan returnerades för korrigering. Handläggarens meddelande: {reason}',
  claim_form_intro:
    'Jag har fyllt i uppgifterna i förväg. Rätta vid behov tiden, kilometrarna och kostnaderna och skicka ansökan. Jag räknar ut beloppet och skickar ansökan vidare för godkännande.',
  claim_label_actualStart: 'Började kl.',
  claim_label_actualEnd: 'Slutade kl.',
  claim_label_km: 'Körda kilometer (egen bil)',
  claim_label_expenses: 'Övriga kostnader, euro (t.ex. biljetter)',
  claim_label_expensesNote: 'Vad gällde kostnaderna?',
  claim_label_paymentType: 'Hur betalas arvodet?',
  claim_label_businessId: 'FO-nummer (endast arbetsersättning)',
  claim_expenses_note_placeholder: 't.ex. bussbiljetter 2 × 3,20 €',
  payment_palkkio: 'Som arvode via löneräkningen (enligt skattekortet)',
  payment_tyokorvaus: 'Som arbetsersättning med eget FO-nummer (faktura)',
  claim_amount_title: 'Beräknat belopp',
  claim_amount_note: 'Beloppet räknas om enligt dina ändringar när du skickar.',
  claim_form_errors: 'Ansökan skickades inte. Kontrollera de markerade fälten.',
  km_invalid: 'Kilometer som ett tal med högst en decimal (t.ex. 12,5).',
  expenses_invalid: 'Kostnader i euro med högst två decimaler (t.ex. 6,40).',
  business_id_invalid: 'Kontrollera FO-numret (formen 1234567-8).',
  claim_card_title: 'Arvodesansökan {claimId}',
  claim_stage_holder: '{status}: {name}, sedan {since}',
  claim_status_awaiting_orderer: 'Väntar på beställarens bekräftelse',
  claim_status_awaiting_supervisor: 'Väntar på godkännande av närmaste chef',
  claim_status_awaiting_director: 'Väntar på godkännande av enhetschefen',
  claim_status_awaiting_payroll: 'Godkänd, hos löneräkningen för utbetalning',
  claim_status_paid: 'Betald',
  claim_status_returned: 'Returnerad för korrigering',
  claim_expert: 'Erfarenhetsexpert',
  claim_order: 'Beställning',
  claim_actual_time: 'Faktisk tid',
  claim_version: 'Version',
  claim_reason_label: 'Om du returnerar ansökan, skriv orsaken (visas för erfarenhetsexperten)',
  claim_reason_placeholder: 't.ex. kilometrarna stämmer inte',
  claim_history_approved_orderer: 'Beställaren bekräftade uppdraget: {who}, {when}',
  claim_history_approved_supervisor: 'Närmaste chef godkände: {who}, {when}',
  claim_history_approved_director: 'Enhetschefen godkände: {who}, {when}',
  claim_history_approved_payroll: 'Löneräkningen godkände: {who}, {when}',
  claim_history_rejected_orderer: 'Beställaren returnerade: {who}, {when}',
  claim_history_paid_orderer: 'Betald: {who}, {when}',
  claim_history_rejected_supervisor: 'Närmaste chef returnerade: {who}, {when}',
  claim_history_paid_supervisor: 'Betald: {who}, {when}',
  claim_history_rejected_director: 'Enhetschefen returnerade: {who}, {when}',
  claim_history_paid_director: 'Betald: {who}, {when}',
  claim_history_rejected_payroll: 'Löneräkningen returnerade: {who}, {when}',
  claim_history_paid_payroll: 'Betald: {who}, {when}',
  claim_history_reassigned: '{who} flyttade ansökan till {to}, {when}',
  claim_submitted:
    'Arvodesansökan {claimId} har skickats. Den ligger nu hos {name}. Jag berättar när den går vidare.',
  claim_already_submitted: 'Arvodesansökan {claimId} har redan skickats. Så här ligger det till.',
  claim_not_assigned: 'En arvodesansökan kan bara göras för ett uppdrag som du har fått.',
  claim_unpaid:
    'Som kamratstödjare arbetar du frivilligt, så ingen arvodesansökan görs. Tack för ditt arbete!',
  task_not_started: 'Uppdraget har inte börjat än.',
  claim_unit_missing: 'Den beställande enheten finns inte i registret. Koordinatorn rättar det.',
  claim_not_found: 'Jag hittade ingen sådan arvodesansökan.',
  claim_already_closed: 'Ansökan är redan betald, så den kan inte längre ändras.',
  claim_already_approved: 'Du har redan behandlat den här ansökan, och ingenting ändrades.',
  claim_returned:
    'Ansökan har returnerats till erfarenhetsexperten för korrigering, och ingenting ändrades.',
  claim_not_returned: 'Ansökan behandlas, så den kan inte rättas nu.',
  not_your_approval: 'Det är inte du som behandlar det här steget, och ingenting ändrades.',
  not_the_expert: 'Endast erfarenhetsexperten som gjorde ansökan kan rätta den.',
  reason_required:
    'Skriv orsaken till returneringen. Erfarenhetsexperten behöver den för att rätta ansökan.',
  reason_too_long: 'Orsaken är för lång (högst 500 tecken).',
  already_the_holder: 'Ansökan ligger redan hos den personen.',
  task_done_title: 'Blev uppdraget {orderId} utfört?',
  task_done_experts: 'Erfarenhetsexperter',
  task_done_intro:
    'Bekräfta att uppdraget blev utfört. Därefter går erfarenhetsexpertens arvodesansökan vidare för godkännande. Om uppdraget inte genomfördes, skriv orsaken och välj **Genomfördes inte**.',
  task_done_recorded: 'Bekräftat {when}. Tack!',
  task_already_confirmed: 'Uppdraget är redan bekräftat som utfört.',
  order_not_assigned: 'Ingen tilldelades uppdraget.',
  claim_step_moved: 'Din arvodesansökan {claimId} har gått vidare.\n\n{stage}',
  claim_step_paid: 'Din arvodesansökan {claimId} har markerats som betald. Tack för ditt arbete!',
  claim_step_returned:
    'Din arvodesansökan {claimId} behöver ännu rättas. Handläggarens meddelande: {reason}\n\nRätta ansökan med kortet nedan och skicka den igen. Fråga koordinatorn om du behöver hjälp.',
  claim_reminder:
    'Påminnelse: arvodesansökan {claimId} ({expert}) har väntat på dig sedan {since}. Skriv **att godkänna**, så ser du den.',
  claim_stuck:
    'Arvodesansökan {claimId} har väntat på behandling i över fem arbetsdagar.\n\n{stage}\n\nDu kan flytta den till en annan handläggare: /reassign {claimId} e-post',
  claim_holder_unreachable:
    'Kortet för arvodesansökan {claimId} nådde inte {name} ({email}). Be personen öppna boten eller flytta ansökan: /reassign {claimId} e-post\n\nOrsak: {reason}',
  claim_reassigned_to_you:
    'Arvodesansökan {claimId} flyttades till dig ({name}). Kortet finns nedan.',
  claim_reassigned_away:
    'Arvodesansökan {claimId} flyttades till {name}, så du behöver inte göra något med den.',
  my_fees_title: 'Dina arvodesansökningar',
  my_fees_empty: 'Du har inga arvodesansökningar än. Du får ett ansökningskort efter uppdraget.',
  approvals_title:
    '{count, plural, one {# arvodesansökan väntar på dig} other {# arvodesansökningar väntar på dig}}. Korten finns nedan.',
  approvals_empty: 'Du har inga arvodesansökningar att behandla.',
  fees_pending_title: 'Arvodesansökningar under behandling ({count})',
  fees_pending_empty: 'Inga arvodesansökningar under behandling.',
  fees_stuck_title: 'Arvodesansökningar som väntat över fem arbetsdagar ({count})',
  fees_stuck_empty: 'Ingen arvodesansökan har väntat över fem arbetsdagar.',
  fees_usage:
    'Skriv: /fees (alla under behandling) eller /fees stuck (väntat över fem arbetsdagar).',
  reassign_usage: 'Skriv: /reassign P-2026-0001 ny.handlaggare@exempel.fi',
  reassigned: 'Arvodesansökan {claimId} ligger nu hos {name}. Jag berättade det för båda.',
  export_link:
    'Arvoden att betala och betalda under {period} som CSV (öppnas i Excel, länken gäller i 24 timmar): {url}',
  export_link_sent: 'Nedladdningslänken har skickats i chatten.',
  export_usage:
    'Skriv: /export fees [period], till exempel /export fees 11/2026 eller /export fees 2026.',
  audit_title: 'Händelser: {claimId}',
  audit_usage: 'Skriv: /audit P-2026-0001',
  audit_submitted: '{who} skickade version {version}, {amount} (taxa {tariff})',
  audit_step: '{action}: {who}, steg {stage}, version {version}',
  audit_action_approved: 'Godkänd',
  audit_action_rejected: 'Returnerad',
  audit_action_paid: 'Betald',
  audit_action_reassigned: 'Flyttad',
  audit_stage_orderer: 'beställare',
  audit_stage_supervisor: 'närmaste chef',
  audit_stage_director: 'enhetschef',
  audit_stage_payroll: 'löneräkningen',
  audit_reminded: 'Påminnelse till {who}',
  audit_escalated: 'Koordinatorerna underrättade: över fem arbetsdagar',
  tariff_title: 'Taxor, version {version}',
  tariff_intro:
    'Arvode per påbörjad timme enligt uppdragstyp, minimiarvode och kilometerersättning. När du sparar skapas en ny version. Nya ansökningar räknas med den, och redan skickade behåller sin.',
  tariff_hourly: '{task}, €/påbörjad timme',
  tariff_minimum: 'Minimiarvode',
  tariff_km: 'Kilometerersättning €/km',
  tariff_unpaid: 'Utan arvode',
  tariff_save: 'Spara som ny version',
  tariff_saved: 'Taxorna har sparats som version {version}. Nya ansökningar räknas med den.',
  tariff_invalid: 'Ange alla fält i euro med högst två decimaler. Ingenting sparades.',
  tariff_conflict:
    'Någon sparade taxorna just nu. Kontrollera den senaste versionen och spara igen.',
  claim_version_changed:
    'Ansökan har rättats efter det här kortet. Behandla den senaste versionen (skriv **att godkänna**). Ingenting ändrades.',
  email_missing:
    'Jag fick inte din e-postadress från Teams och kan därför inte känna igen dig i registret. Ingenting ändrades. Be koordinatorn kontrollera ditt konto.',
  claims_missing_intro:
    'För de här uppdragen saknas en arvodesansökan, eller så väntar ansökan på din rättelse. Ansökningskorten finns nedan.',
  audit_order_title: 'Händelser: {orderId}',
  audit_order_created: 'Beställningen gjord: {who}',
  audit_order_assigned: 'Uppdraget tilldelat: {who}',
  audit_order_assigned_by: 'Uppdraget tilldelat: {who} (tilldelat av {by})',
  audit_order_cancelled: 'Beställningen annullerad: {who}',
  audit_order_done: 'Uppdraget bekräftat som utfört: {who}',
  audit_order_claims: 'Arvodesansökningar: {claims}',
  claim_step_done_by: 'Det här steget är redan behandlat: {name}, {when}. Ingenting ändrades.',
  export_link_expired: 'Länken har gått ut eller är felaktig. Be boten om en ny: /export fees',
  did_you_mean:
    'Jag känner inte igen kommandot. Menade du **{command}**? Skriv **hjälp** för att se alla kommandon.',
  claim_payment: 'Utbetalning',
  identity_code_refused_text:
    'Din text verkar innehålla en personbeteckning. Personbeteckningar får inte skrivas in i den här tjänsten, så jag varken sparade eller behandlade den. Skriv texten på nytt utan personbeteckning.',
  rate_limited_messages:
    'Du har skickat så många meddelanden under den senaste timmen att jag tar en kort paus. Inget sparades. Försök igen senare.',
  rate_limited_orders:
    'Du har redan gjort {limit} beställningar under den senaste timmen, vilket är maximum. Beställningen skickades inte. Försök igen senare eller kontakta en koordinator.',
  own_claim:
    'Det här är din egen arvodesansökan, så du kan inte behandla den själv. Inget ändrades.',
  own_claim_reassign:
    'Ett steg i ansökan kan inte ges till erfarenhetsexperten som har gjort ansökan, eftersom ingen beslutar om sin egen ansökan. Välj en annan person. Inget ändrades.',
  claim_needs_stand_in:
    'Arvodesansökan {claimId} väntar på ett steg som erfarenhetsexperten {name} själv skulle behandla.\n\n{stage}\n\nIngen beslutar om sin egen ansökan. Ge steget till någon annan: /reassign {claimId} e-post',
  cannot_assign_self:
    'Du kan inte tilldela dig själv uppdraget, eftersom ingen beslutar om sitt eget uppdrag. Be en annan koordinator. Inget ändrades.',
  expert_unassigned:
    'En koordinator har befriat dig från uppdrag {orderId} ({task}, {when}). Du behöver inte delta. Tack för att du var beredd att ta det.',
  orderer_unassigned:
    'En koordinator har tagit bort erfarenhetsexperten {name} från beställning {orderId}. Platsen erbjuds nu på nytt.',
  orders_title: 'Beställningar',
  orders_title_filtered: 'Beställningar: {filter}',
  orders_filter_open: 'öppna',
  orders_filter_unfilled: 'väntar på en koordinator',
  orders_filter_week: 'den här veckan',
  orders_empty: 'Inga beställningar.',
  orders_line: '{orderId}: {task}, {when}. {status}. Utförare: {assigned}',
  orders_nobody: 'ingen ännu',
  orders_window_ended:
    'Sökningen gick bara igenom de {count} senaste beställningarna. Precisera sökningen om du letar efter en äldre.',
  orders_page: 'Sida {page}',
  orders_next: 'Nästa',
  orders_previous: 'Föregående',
  orders_open_order: 'Öppna',
  order_usage:
    'Skriv /beställning och beställningens nummer, till exempel /beställning T-2026-0001, eller /beställning för och enhetens kod för en telefonbeställning.',
  unassign_usage:
    'Skriv /ta bort, beställningens nummer och erfarenhetsexpertens e-post, till exempel /ta bort T-2026-0001 namn@example.fi.',
  console_order_title: 'Beställning {orderId}: {status}',
  console_offers: 'Erbjudanden',
  console_no_offers: 'Inga erbjudanden har skickats ännu.',
  console_offer_line: '{name}: erbjudet {sent}, {answer}',
  console_offer_pending: 'har inte svarat ännu',
  console_offer_accepted: 'tog uppdraget {when}',
  console_offer_declined: 'tackade nej {when}',
  console_offer_expired: 'svarade inte i tid',
  console_offer_closed: 'erbjudandet stängdes {when}',
  console_offer_unassigned: 'befriad från uppdraget {when}',
  console_assigned: 'Utförare',
  console_assigned_line: '{name} ({email}), {when}',
  console_by_coordinator: 'tilldelad av {by}',
  console_claims: 'Arvodesansökningar',
  console_claim_line: '{claimId}, {name}: {status}',
  console_none: 'inga',
  console_orderer: 'Beställare',
  console_phone_orderer: '{name} ({email}), telefonbeställning, registrerad av {by}',
  console_unit: 'Enhet',
  console_choose_expert: 'Välj en erfarenhetsexpert',
  console_or_email: 'eller skriv en e-postadress',
  console_unassign: 'Befria från uppdraget',
  console_cancel: 'Annullera beställningen',
  console_confirm: 'Bekräfta tilldelningen',
  console_assign_missing: 'Välj en erfarenhetsexpert eller skriv en e-postadress.',
  console_confirm_title: 'Tilldela {name} beställning {orderId}?',
  console_confirm_text:
    'Tilldelningen bryter mot dessa regler: {rules}. Tilldela bara om du har kommit överens med erfarenhetsexperten.',
  console_rule_monthly_max: 'månadens högsta antal är nått',
  console_rule_area: 'erfarenhetsområdet passar inte beställningen',
  console_rule_language: 'talar inte uppdragets språk',
  console_rule_place: 'tar inte uppdrag på den här orten eller på det här sättet',
  console_assigned_forced:
    '{name} har tilldelats beställning {orderId}. Regler som åsidosattes: {rules}.',
  console_unassigned_done:
    '{name} har befriats från beställning {orderId}. Platsen erbjuds på nytt.',
  console_not_assigned:
    'Den här erfarenhetsexperten är inte tilldelad beställningen. Ingenting ändrades.',
  console_refused_inactive:
    'Erfarenhetsexperten har tagits bort ur registret och kan inte tilldelas. Ingenting ändrades.',
  console_refused_paused:
    'Erfarenhetsexperten har paus och kan inte tilldelas. Ingenting ändrades.',
  console_refused_kind_not_allowed:
    'En stödperson kan bara ta uppdrag inom kamratstöd. Ingenting ändrades.',
  console_refused_overlap:
    'Erfarenhetsexperten har ett annat uppdrag samtidigt. Ingenting ändrades.',
  console_refused_place: 'Erfarenhetsexperten passar inte uppdraget. Ingenting ändrades.',
  console_order_cancelled_done: 'Beställning {orderId} har annullerats.',
  phone_order_title: 'Telefonbeställning för enheten {unit}',
  phone_order_intro:
    'Fyll i uppringarens uppgifter och beställningen. Beställningen registreras som enhetens.',
  label_ordererName: 'Uppringarens namn',
  label_ordererEmail: 'Uppringarens e-post',
  phone_order_created:
    'Telefonbeställning {orderId} är registrerad. Uppringaren får beställningens meddelanden i Teams.',
  phone_order_created_coordinator:
    'Telefonbeställning {orderId} är registrerad. Uppringaren finns inte i Teams, så beställningens meddelanden kommer till dig.',
  console_unit_not_found: 'Enheten {unitId} hittades inte. Närmast: {closest}.',
  audit_phone_order: 'Telefonbeställning, uppringare {who}, registrerad av {by}',
  audit_unassigned: 'Befriad från uppdraget: {who}, av {by}',
  audit_forced_assignment: 'Tilldelad trots reglerna ({rules}): {who}, av {by}',
  help_coordinator_register:
    '**Register:** /experts rusmedel Vasa (erfarenhetsexperter, sök med vilka ord som helst), /experts praktikanter overksamma (praktikanter som inte har varit med på något uppdrag på 60 dagar), /expert anna@example.fi eller /expert add (en erfarenhetsexpert: ändra, paus, ta bort), /units och /unit psy eller /unit add (enheter), /staff [namn] eller /staff add (koordinatorer och beställare), /audit anna@example.fi eller /audit psy (ändringar i registren).',
  reg_experts_title:
    'Registret: {count, plural, one {# erfarenhetsexpert} other {# erfarenhetsexperter}}',
  reg_units_title: 'Enheter: {count, plural, one {# enhet} other {# enheter}}',
  reg_staff_title: 'Personal: {count, plural, one {# person} other {# personer}}',
  reg_filter: 'Sökning: {words}',
  reg_page: 'Sida {page}/{pages}',
  reg_none: 'Inga träffar.',
  reg_next: 'Nästa',
  reg_previous: 'Föregående',
  reg_open: 'Öppna',
  reg_row_paused: 'paus till {date}',
  reg_row_unreachable: 'nås inte i Teams',
  reg_row_removed: 'borttagen',
  reg_expert_title: 'Erfarenhetsexpert: {name}',
  reg_expert_add_title: 'Ny erfarenhetsexpert',
  reg_unit_title: 'Enhet: {name}',
  reg_unit_add_title: 'Ny enhet',
  reg_staff_member_title: 'Personal: {name}',
  reg_staff_add_title: 'Ny koordinator eller beställare',
  reg_label_email: 'E-post',
  reg_label_name: 'Namn',
  reg_label_kind: 'Typ',
  reg_label_areas: 'Erfarenhetsområden',
  reg_label_regions: 'Kommuner (skilj med kommatecken eller semikolon)',
  reg_label_languages: 'Språk',
  reg_label_remote: 'Distansuppdrag',
  reg_label_onsite: 'På plats',
  reg_label_max_per_month: 'Högst uppdrag per månad',
  reg_label_mentor_email: 'Mentorns e-post (för en praktikant)',
  reg_label_trained_on: 'Utbildad (datum)',
  reg_label_unit_id: 'Enhetens kod',
  reg_label_municipality: 'Kommun',
  reg_label_supervisor_email: 'Närmaste chefens e-post',
  reg_label_director_email: 'Enhetschefens e-post (frivillig)',
  reg_label_payroll_email: 'Löneräkningens e-post',
  reg_label_cost_center: 'Kostnadsställe',
  reg_label_role: 'Roll',
  reg_label_paused_until: 'Paus till',
  reg_save: 'Spara',
  reg_pause: 'Sätt paus',
  reg_remove: 'Ta bort',
  reg_remove_yes: 'Ja, ta bort',
  reg_back: 'Tillbaka',
  reg_status: 'Status',
  reg_status_active: 'får erbjudanden',
  reg_assignments_year: 'Uppdrag i år',
  reg_assignments_none: 'inga uppdrag i år',
  reg_mentor: 'Mentor',
  reg_trainees: 'Praktikanter',
  reg_trainees_none: 'inga praktikanter',
  reg_reach: 'Nåbarhet',
  reg_reach_reachable: 'nås i Teams',
  reg_reach_unreachable: 'nås inte i Teams sedan {when}',
  reg_reach_never: 'har inte öppnat boten i Teams ännu',
  reg_last_change: 'Senast ändrad av',
  reg_saved: 'Sparat. Ändrat: {fields}.',
  reg_added: 'Tillagd i registret.',
  reg_unchanged: 'Inget ändrades.',
  reg_invalid: 'Kontrollera de markerade fälten. Inget sparades.',
  reg_conflict:
    '{who} ändrade uppgifterna {when}, så dina ändringar sparades inte. Kortet visar nu den senaste versionen: gör dina ändringar igen.',
  reg_by_import: 'Registerimporten',
  reg_pause_set: 'Paus satt: inga erbjudanden till {date}.',
  reg_pause_cleared: 'Pausen slutade: erbjudanden kommer igen.',
  reg_pause_invalid: 'Välj pausens sista dag (i dag eller senare). Inget ändrades.',
  reg_remove_question_expert:
    'Ta bort {name} ur registret? Hen får inga fler erbjudanden. Tidigare uppdrag och arvoden finns kvar.',
  reg_remove_question_unit: 'Ta bort enheten {name}?',
  reg_remove_question_staff: 'Ta bort {name} ur personalen?',
  reg_removed: '{name} är borttagen.',
  reg_remove_open: 'Inte borttagen, eftersom detta ännu är öppet: {items}.',
  reg_open_assignment: 'uppdrag {orderId} ({date})',
  reg_open_claim: 'arvodesansökan {claimId}',
  reg_not_found_expert: 'Erfarenhetsexperten {key} finns inte i registret.',
  reg_not_found_unit: 'Enheten {key} finns inte i registret.',
  reg_not_found_staff: '{key} finns inte i personalregistret.',
  reg_did_you_mean: 'Menade du: {keys}?',
  reg_expert_usage: 'Skriv: /expert anna@example.fi eller /expert add',
  reg_unit_usage: 'Skriv: /unit psy eller /unit add',
  reg_audit_title: 'Ändringar i registren: {subject}',
  reg_audit_none: 'Inga ändringar i registrens logg: {subject}',
  reg_audit_entry: '{when} {who}: {action}',
  reg_audit_action_added: 'lade till',
  reg_audit_action_changed: 'ändrade',
  reg_audit_action_paused: 'satte paus',
  reg_audit_action_removed: 'tog bort',
  reg_audit_change: '{field}: {from} → {to}',
  reg_empty_value: '(tomt)',
  reg_err_empty: 'Fältet är tomt.',
  reg_err_too_long: 'Texten är för lång (högst {value} tecken).',
  reg_err_not_email: '”{value}” är ingen e-postadress.',
  reg_err_not_yes_no: '”{value}” är inte ja eller nej.',
  reg_err_empty_yes_no: 'Välj ja eller nej.',
  reg_err_not_in_list: '”{value}” är inget tillåtet värde.',
  reg_err_list_empty: 'Välj minst ett.',
  reg_err_not_number: '”{value}” är inget heltal 1–100.',
  reg_err_not_date: '”{value}” är inget datum (ÅÅÅÅ-MM-DD eller D.M.ÅÅÅÅ).',
  reg_err_bad_unit_id:
    '”{value}”: koden får bara ha bokstäver, siffror, bindestreck, understreck och punkter (högst 64).',
  reg_err_not_kind: '”{value}” är ingen typ av erfarenhetsexpert.',
  reg_err_not_role: '”{value}” är ingen roll: koordinator eller beställare.',
  reg_err_both_no:
    'Distans och på plats är båda nej: erfarenhetsexperten kunde inte ta något uppdrag.',
  reg_err_regions_needed: 'Skriv minst en kommun när uppdrag på plats passar.',
  reg_err_mentor_self: 'Mentorn kan inte vara erfarenhetsexperten själv.',
  reg_err_mentor_unknown: '”{value}” finns inte i registret över erfarenhetsexperter.',
  reg_err_unit_unknown: 'Enheten ”{value}” finns inte i enhetsregistret.',
  reg_err_exists: '”{value}” finns redan i registret.',
  task_not_done: 'Genomfördes inte',
  task_not_done_reason_label:
    'Om uppdraget inte genomfördes, skriv orsaken (visas för erfarenhetsexperten och koordinatorerna)',
  task_not_done_reason_placeholder: 't.ex. gruppens möte ställdes in',
  task_not_done_recorded:
    'Registrerat {when} att uppdraget inte genomfördes. Erfarenhetsexperten och koordinatorerna har fått veta. Orsak: {reason}',
  task_not_done_thanks:
    'Tack för beskedet. Erfarenhetsexperten och koordinatorerna har fått veta, och en koordinator beslutar om arvodesansökan.',
  task_already_not_done:
    'Uppdraget är redan registrerat som inte genomfört, så ingenting ändrades. Fråga koordinatorn om du behöver hjälp.',
  not_done_reason_required:
    'Skriv kort varför uppdraget inte genomfördes. Erfarenhetsexperten och koordinatorerna ser orsaken. Ingenting ändrades.',
  claim_reason_label_orderer:
    'Om du returnerar ansökan eller uppdraget inte genomfördes, skriv orsaken (visas för erfarenhetsexperten)',
  expert_task_not_done:
    'Beställaren meddelade att uppdrag {orderId} ({task}, {when}) inte genomfördes. Beställarens meddelande: {reason}\n\nDet gör ingenting, det påverkar inte dina kommande erbjudanden. Om du redan har skickat en arvodesansökan går en koordinator igenom den och hör av sig till dig. Tack för att du var beredd att ta uppdraget.',
  coordinator_task_not_done:
    'Uppdrag {orderId} ({task}, {when}) genomfördes inte, meddelade {who}. Orsak: {reason}',
  coordinator_task_not_done_claims:
    'Arvodesansökningarna väntar på ditt beslut: {claims}. Annullera en ansökan med /fees annullera P-… och orsaken, eller ge steget till någon annan med /reassign P-… e-post.',
  coordinator_task_not_done_no_claims: 'Det finns ännu inga arvodesansökningar för uppdraget.',
  claim_waits_for_coordinator: 'Uppdraget genomfördes inte, väntar på koordinatorns beslut',
  claim_history_not_done: 'Uppdraget genomfördes inte, meddelade {who}, {when}',
  claim_history_cancelled: 'Koordinatorn annullerade ansökan: {who}, {when}',
  claim_status_cancelled: 'Annullerad',
  claim_step_cancelled:
    'Din arvodesansökan {claimId} har annullerats och betalas inte ut. Koordinatorns meddelande: {reason}\n\nTack för ditt arbete och din förståelse. Kontakta koordinatorn om du vill fråga något.',
  claim_already_cancelled: 'Arvodesansökan är redan annullerad, så ingenting ändrades.',
  cancel_reason_required:
    'Skriv orsaken till annulleringen. Erfarenhetsexperten ser den. Ingenting ändrades.',
  task_reported_not_done:
    'Beställaren har meddelat att uppdraget inte genomfördes, så en koordinator beslutar om ansökan. Ingenting ändrades.',
  fees_cancel_usage:
    'Skriv: /fees annullera P-… och orsaken, till exempel /fees annullera P-2026-0012 Uppdraget genomfördes inte. Erfarenhetsexperten ser orsaken.',
  fees_cancelled:
    'Arvodesansökan {claimId} har annullerats. Erfarenhetsexperten har fått veta orsaken.',
  audit_action_cancelled: 'Annullerad',
  audit_action_not_done: 'Genomfördes inte',
  audit_order_not_done: 'Uppdraget genomfördes inte: {who}',
  catalogue_title: 'Vad du kan beställa',
  catalogue_intro:
    'En erfarenhetsexpert berättar om sin egen erfarenhet och hjälper personalen att förstå klientens perspektiv. Priserna är arvoden enligt taxan för en erfarenhetsexpert (minst {minimum}). Resekostnader faktureras separat. Välj ett uppdrag, så fyller jag i beställningen åt dig.',
  catalogue_products: 'Centrets egna produkter',
  catalogue_task_types: 'Andra uppdrag',
  catalogue_terms: 'Vanligen {length} · {fee} per påbörjad timme',
  catalogue_order_button: 'Beställ: {task}',
  catalogue_desc_juttupenkki:
    'En erfarenhetsexpert sitter på avdelningen eller i väntrummet och pratar med patienter och anhöriga. Hen berättar hur hen själv klarade sig och uppmuntrar att söka hjälp.',
  catalogue_desc_day_in_life:
    'En erfarenhetsexpert berättar för arbetsgemenskapen hur en vanlig dag ser ut med sjukdomen eller situationen. Passar till exempel för introduktion eller avdelningsmöte.',
  catalogue_desc_lecture:
    'Ett anförande på en utbildning, ett seminarium eller för studerande: den egna erfarenheten och vad man kan lära sig av den.',
  catalogue_desc_joint_training:
    'En erfarenhetsexpert planerar och håller en utbildning tillsammans med en yrkesperson.',
  catalogue_desc_peer_group:
    'En erfarenhetsexpert leder en grupp eller besöker en grupp och berättar om sin erfarenhet.',
  catalogue_desc_pair_work:
    'En erfarenhetsexpert arbetar i par med en yrkesperson, till exempel i en grupp eller ett klientmöte.',
  catalogue_desc_development_group:
    'En erfarenhetsexpert är med och utvecklar en tjänst, en vårdkedja eller en anvisning.',
  catalogue_desc_evaluation:
    'En erfarenhetsexpert bedömer en tjänst, en broschyr eller en blankett med klientens ögon.',
  catalogue_desc_peer_reception:
    'En erfarenhetsexpert har mottagning dit klienter och anhöriga kan komma och prata.',
  catalogue_desc_media:
    'En intervju eller ett framträdande i en tidning, i radio, på video eller i sociala medier.',
  catalogue_started:
    'Jag fyllde i uppdraget och den vanliga längden. Klockslaget är ett förslag: kontrollera det.',
  estimate_label: 'Uppskattat pris',
  estimate_value:
    '{total} ({experts} × {hours} h × {rate}, minst {minimum} per erfarenhetsexpert). Resekostnader separat.',
  feedback_title: 'Din respons: {orderId}',
  feedback_question_orderer: 'Hur lyckades erfarenhetsexpertens uppdrag? Bedöm på en skala 1–5.',
  feedback_question_expert:
    'Hur var uppdraget förberett och hur blev du mottagen? Bedöm på en skala 1–5.',
  feedback_rating_label: 'Bedömning',
  feedback_choice_1: '1 – dåligt',
  feedback_choice_2: '2',
  feedback_choice_3: '3',
  feedback_choice_4: '4',
  feedback_choice_5: '5 – utmärkt',
  feedback_comment_label: 'Kommentar (frivillig)',
  feedback_comment_placeholder:
    'Bara koordinatorerna läser kommentaren. Skriv inga personbeteckningar eller hälsouppgifter.',
  feedback_send: 'Skicka respons',
  feedback_thanks_title: 'Tack för din respons ({orderId})',
  feedback_thanks_text: 'Din respons har sparats. Bara koordinatorerna ser kommentaren.',
  feedback_given_rating: '{rating}/5',
  feedback_rating_invalid: 'Välj en bedömning 1–5. Ingenting ändrades.',
  feedback_comment_too_long: 'Kommentaren är för lång (högst 1000 tecken). Ingenting ändrades.',
  feedback_already: 'Du har redan gett respons på det här, och det nya klicket ändrade ingenting.',
  feedback_not_yours: 'Det här responskortet är inte ditt, och klicket ändrade ingenting.',
  feedback_not_yet: 'Du kan ge respons först efter uppdraget. Ingenting ändrades.',
  my_data_card_title: 'Alla uppgifter som tjänsten har om dig',
  my_data_card_intro:
    'Här är dina registeruppgifter, dina uppdrag, erbjudanden, arvodesansökningar, den respons du har gett och din sparade Teams-adress, och hur länge var och en sparas. Kontakta koordinatorn om något är fel.',
  my_data_section_register: 'Dina registeruppgifter',
  my_data_section_assignments: 'Dina uppdrag',
  my_data_section_offers: 'Uppdragserbjudanden',
  my_data_section_claims: 'Dina arvodesansökningar och deras skeden',
  my_data_section_feedback: 'Respons du har gett',
  my_data_section_address: 'Sparad Teams-adress',
  my_data_nothing: 'Inga sparade uppgifter.',
  my_data_more: 'Fler rader: {count}',
  my_data_kept: 'Sparas',
  my_data_keep_register:
    'så länge du finns i registret, och efter att du tagits bort 90 dagar från att ditt sista öppna ärende avslutades',
  my_data_keep_orders:
    '2 år efter uppdraget, längre bara om en arvodesansökan som sparas hänvisar till det',
  my_data_keep_claims: '6 år efter betalningen (bokföringslagen)',
  my_data_keep_feedback: 'kommentarer 2 år, bedömningar bara som anonyma siffror',
  my_data_keep_address:
    'så länge du finns i registret, och den tas bort när dina uppgifter raderas',
  my_data_paused_until: 'Paus till och med',
  my_data_offer_pending: 'väntar på ditt svar',
  my_data_offer_accepted: 'du tog uppdraget',
  my_data_offer_declined: 'du tog inte uppdraget',
  my_data_offer_expired: 'gick ut utan svar',
  my_data_offer_closed: 'utförarna hittades före ditt svar',
  my_data_teams_user: 'Teams-användar-id',
  my_data_teams_conversation: 'Samtalets id',
  my_data_teams_service: 'Teams-tjänstens adress',
  my_data_language: 'Språk',
  my_data_first_seen: 'Första kontakt',
  console_feedback: 'Respons (bara för koordinatorer)',
  console_feedback_line: '{who}: {rating}/5',
  privacy_title: '**Dataskydd i korthet**',
  privacy_what:
    'Kokemusvälitys är beställningstjänsten vid centret för erfarenhetsverksamhet. Den förmedlar enheternas uppdrag till erfarenhetsexperter och behandlar arvodesansökningarna.',
  privacy_stored:
    'Jag sparar ditt namn, din e-postadress och din Teams-adress, så att jag kan skicka meddelanden till dig. Jag sparar också de beställningar, uppdrag, erbjudanden och arvodesansökningar som du är med i. För erfarenhetsexperter sparar jag dessutom uppgifterna i registret (erfarenhetsområden, regioner och språk), så att jag kan erbjuda passande uppdrag. Erfarenhetsområdena är hälsouppgifter och används bara för att hitta passande uppdrag.',
  privacy_retention:
    'Beställningar och erbjudanden sparas i två år efter uppdraget och arvodesansökningar i sex år efter betalningen (bokföringslagen). Om du tas bort ur registret raderas dina uppgifter 90 dagar efter att ditt sista öppna ärende har avslutats. Skriv **mina uppgifter**, så ser du allt som har sparats om dig.',
  privacy_link: 'Hela dataskyddsbeskrivningen: {url}',
  privacy_link_missing: 'Hela dataskyddsbeskrivningen får du av koordinatorn.',
  privacy_pause:
    'Du får uppdragserbjudanden i den här chatten. Om du inte vill ha erbjudanden en tid, skriv till exempel **paus 31.12**. Med **paus slut** får du erbjudanden igen.',
  reach_title: '**Vem jag inte når i Teams** ({count, plural, one {# person} other {# personer}})',
  reach_line: '{name} ({email}): {reason}',
  reach_no_chat: 'har inte öppnat botten',
  reach_blocked: 'har tagit bort eller blockerat botten',
  reach_waiting: 'appen är installerad, jag väntar på att Teams öppnar chatten',
  reach_all: 'Jag når alla i registret i Teams.',
  reach_more: '…och {count} till.',
  reach_not_found: 'finns inte i organisationens katalog (kontrollera e-postadressen i registret)',
  reach_refused:
    'installationen av appen nekades (en appolicy i Teams eller saknad Graph-behörighet)',
  reach_no_answer: 'appen installerades, men Teams öppnade inte chatten inom en timme',
  reach_failed: 'Microsoft Graph svarade inte; försök igen senare',
  install_all_button: 'Installera för alla',
  install_all_title: 'Installation för alla',
  install_all_explain:
    'Installera för alla installerar botten i Teams för alla i registret som ännu inte har en chatt med botten, i den takt som Teams tillåter. Kortet uppdateras medan installationen pågår.',
  install_all_preparing:
    'Jag samlar listan över personer som botten installeras för. Kortet uppdateras medan installationen pågår.',
  install_all_progress:
    'Installerat {installed}/{total}, hittades inte {notFound}, installationen nekad {refused}, inget svar {failed}.',
  install_all_running: 'Pågår: {done}/{total} behandlade.',
  install_all_done: 'Klart {when}.',
  install_all_already_running:
    'Installationen för alla pågår redan ({done}/{total} behandlade). Dess kort uppdateras medan den pågår.',
  install_all_unreached: 'Nåddes inte ({count, plural, one {# person} other {# personer}}):',
  install_all_nobody:
    'Alla i registret har redan en chatt med botten; det finns inget att installera.',
  install_all_off:
    'Installation via Microsoft Graph är inte påslagen (GRAPH_INSTALL, TEAMS_APP_CATALOG_ID). Se README, "Reaching people".',
  reg_audit_action_erased: 'raderade personens uppgifter',
  forget_usage:
    'Skriv **/glöm** och personens e-postadress, till exempel **/glöm anna@example.fi**.',
  forget_not_found: 'Jag hittar inga uppgifter med adressen {email}. Inget raderades.',
  forget_in_progress: 'Uppgifterna för {email} håller redan på att raderas.',
  forget_open:
    'Jag kan inte radera uppgifterna för {email} ännu, eftersom det här pågår: {items}. Radera uppgifterna när det är avklarat.',
  forget_open_orders: 'uppdragen {ids}',
  forget_open_claims: 'obetalda arvodesansökningar {ids}',
  forget_open_units: 'godkännare i enheterna {ids}',
  forget_title: 'Ska uppgifterna för {email} raderas?',
  forget_held_register: 'Registerrader',
  forget_held_address: 'Sparad Teams-adress',
  forget_held_ordered: 'Beställningar som beställare',
  forget_held_offers: 'Erbjudanden',
  forget_held_assignments: 'Uppdrag',
  forget_held_claims: 'Arvodesansökningar',
  forget_held_feedback: 'Given respons',
  forget_claims_paid: '{count} ({paid} betalda)',
  forget_yes: 'ja',
  forget_no: 'nej',
  forget_erases:
    'Raderas: namn och e-post ersätts överallt med en pseudonym; erfarenhetsområden, regioner, språk, fria texter som personen skrivit, responskommentarer, den sparade Teams-adressen och registerraderna raderas.',
  forget_keeps:
    'Sparas: betalda arvodens belopp, datum, kostnadsställe och betalningsrad under pseudonymen (bokföringslagen, 6 år från betalningen) och anonyma siffror i statistiken.',
  forget_erase: 'Radera uppgifterna',
  forget_done_title: 'Uppgifterna raderade',
  forget_done:
    'Personens uppgifter har raderats. I raderna som sparas syns personen som {pseudonym}; raderingen syns med **/audit {pseudonym}**.',
  cant_make_it: 'Jag kan inte komma',
  withdraw_reason_label: 'Orsak, om du vill berätta (visas inte för beställaren)',
  withdraw_not_assigned: 'Det här uppdraget är inte längre ditt. Ingenting ändrades.',
  withdraw_task_started:
    'Uppdraget har redan börjat, så platsen kan inte längre avbokas här. Kontakta koordinatorn. Ingenting ändrades.',
  withdraw_reason_too_long: 'Orsaken är för lång (högst 500 tecken). Ingenting ändrades.',
  offer_given_back_title: 'Du kan inte komma',
  offer_given_back_text:
    'Tack för att du berättade. Uppdraget {orderId} erbjuds nu åt andra. Avbokningen påverkar inte dina kommande erbjudanden.',
  withdraw_done: 'Du avbokade uppdraget {orderId}. Platsen erbjuds åt andra.',
  orderer_withdrawn:
    'Beställning {orderId}: en erfarenhetsexpert var tvungen att avboka. Jag söker en ersättare och berättar när platsen är fylld.',
  coordinator_withdrawn:
    'Mindre än 48 timmar kvar: {name} kan inte komma till uppdraget {orderId} ({when}). Platsen erbjuds redan på nytt.',
  coordinator_withdrawn_reason: 'Orsak: {reason}',
  audit_withdrawn: 'Kan inte komma: {who}',
  audit_reason: 'orsak',
  my_tasks_card_intro:
    'Om du inte kan komma till ett uppdrag, tryck på **Jag kan inte komma** vid det.',
  change_usage:
    'Skriv **ändra** och beställningsnumret, till exempel: ändra T-2026-0001. Alla kommande tillfällen i en serie ändrar du med seriens nummer: ändra S-2026-0001',
  change_not_allowed:
    'Beställningen {orderId} kan ändras bara av beställaren eller en koordinator. Ingenting ändrades.',
  change_order_closed:
    'Beställningen {orderId} kan inte längre ändras: den är annullerad eller uppdraget har redan börjat.',
  change_card_title: 'Ändra beställningen {orderId}',
  change_card_intro:
    'Här är beställningens nuvarande uppgifter. Rätta och spara. Om tiden eller platsen ändras frågar jag de tilldelade erfarenhetsexperterna om ändringen passar.',
  save_changes: 'Spara ändringarna',
  change_saved_title: 'Beställningen {orderId} är ändrad',
  change_saved_text: 'Ändringarna är sparade. Beställningsnumret är detsamma.',
  change_nothing: 'Uppgifterna är desamma som förut, så ingenting ändrades.',
  order_changed_meanwhile:
    'Beställningen {orderId} ändrades samtidigt på annat håll, och den ändringen hann först. Ingenting ändrades. Skriv **ändra {orderId}** så ser du de nya uppgifterna.',
  change_released: 'Frigjorda från uppdraget: {names}',
  still_fine: 'Det passar fortfarande',
  recheck_title: 'Uppdraget {orderId} har ändrats',
  recheck_text:
    'Beställaren ändrade uppdragets tid eller plats. Passar det dig fortfarande? Svara senast {deadline}. Om du inte svarar frigörs din plats och erbjuds åt andra.',
  recheck_confirmed: 'Tack! Uppdraget {orderId} är fortfarande ditt.',
  recheck_not_asked: 'Här behövs inget svar längre. Ingenting ändrades.',
  expert_recheck_expired:
    'Du svarade inte i tid, så din plats i uppdraget {orderId} frigjordes och erbjuds åt andra.',
  expert_released_count:
    'Beställaren minskade antalet erfarenhetsexperter i uppdraget {orderId}, och din plats frigjordes. Tack för att du var beredd att komma.',
  expert_released_rules:
    'Uppdragstypen eller erfarenhetsområdena i uppdraget {orderId} ändrades så att uppdraget inte längre passar dig. Din plats frigjordes. Tack för att du var beredd att komma.',
  audit_changed: 'Ändrad, version {version}, av {by}: {changes}',
  audit_released: 'Frigjord på grund av en ändring: {who}',
  audit_recheck_expired: 'Svarade inte på ändringen i tid, platsen frigjordes: {who}',
  offer_released_title: 'Din plats frigjordes',
  console_offer_gave_back: 'kunde inte komma, avbokade {when}',
  series_no_end:
    'Serien saknar ett slut. Skriv till när eller hur många gånger, till exempel *varje tisdag kl 13–15 till slutet av maj*, *varannan torsdag till och med 26.5.* eller *Juttupenkki varje tisdag 8 gånger*. Ingenting sparades.',
  series_too_long:
    'En serie kan ha högst 26 gånger. Gör en längre serie i två delar, till exempel *varje tisdag kl 13–15 till slutet av maj* och senare höstens serie. Ingenting sparades.',
  series_end_before_start:
    'Seriens slut kommer före dess början. Skriv början först, till exempel *tisdagar 3.3.–26.5. kl 13–15*. Ingenting sparades.',
  series_unclear:
    'Jag var inte säker på hur uppdraget upprepas. Jag förstår serier som upprepas samma veckodag varje vecka eller varannan vecka, till exempel *varje tisdag kl 13–15 till slutet av maj* eller *varannan torsdag till och med 26.5.*. Ingenting sparades.',
  label_seriesUntil: 'Sista gången',
  series_every_1: 'Serie: varje vecka, {count, plural, one {# gång} other {# gånger}}',
  series_every_2: 'Serie: varannan vecka, {count, plural, one {# gång} other {# gånger}}',
  series_dates: 'Datum: {dates}',
  series_skipped: 'Hoppas över (helgdag): {dates}',
  series_sent_title: 'Serien {seriesId} skickad',
  series_created:
    'Tack! Serien **{seriesId}** har tagits emot: {count, plural, one {# gång} other {# gånger}}, var och en en egen beställning. Jag erbjuder hela serien till erfarenhetsexperter och berättar när någon har tagit den. En enskild gång annullerar du med dess nummer (*annullera T-…*), alla kommande gånger med *annullera {seriesId}*.',
  cancel_series_done:
    'Serien {seriesId} är annullerad: {count, plural, one {# kommande gång} other {# kommande gånger}}. De som redan tagit uppdraget har fått veta.',
  cancel_series_nothing: 'Serien {seriesId} har inga kommande gånger att annullera.',
  series_not_found: 'Jag hittade inte serien {seriesId}.',
  series_offer_title: 'Uppdragsserie: {task}',
  series_offer_intro:
    'Här är en serie vars gånger kunde passa dig. Du kan ta alla gånger på en gång eller enskilda gånger.',
  accept_all: 'Jag tar alla',
  series_session_pending: 'erbjuds',
  series_session_accepted: 'din',
  series_session_taken: 'tillsatt',
  series_session_declined: 'du tackade nej',
  series_session_expired: 'erbjudandet gick ut',
  series_session_cancelled: 'annullerad',
  series_accepted_all: 'Du tog {count, plural, one {# gång} other {# gånger}}. Tack!',
  series_not_taken:
    'De här gångerna kan du inte ta (de krockar med ett annat uppdrag eller bryter mot reglerna på annat sätt), så de erbjuds andra: {dates}',
  series_none_taken: 'Inga gånger gick längre att ta.',
  stats_title: '**Statistik {period}**',
  stats_units: 'Enheter: {units}',
  stats_period_days: 'de senaste {days} dagarna',
  stats_days_months: 'Siffrorna förs per månad, så perioden omfattar månaderna {from}–{to}.',
  stats_orders_by_month: 'Beställningar per månad',
  stats_by_task_type: 'Per uppdragstyp',
  stats_by_area: 'Per erfarenhetsområde',
  stats_orders_heading: 'Beställningar',
  stats_orders: 'Beställningar',
  stats_filled: 'Tillsatta',
  stats_unfilled: 'Blev inte tillsatta',
  stats_open: 'Öppna',
  stats_cancelled: 'Annullerade',
  stats_fill_rate: 'Tillsättningsgrad (av de inte annullerade)',
  stats_percent: '{percent} %',
  stats_order_to_filled: 'Från beställning till tillsatt, arbetsdagar',
  stats_days: 'median {median}, för 90 % högst {p90} ({count} fall)',
  stats_days_capped: 'median {median}, för 90 % högst {p90} eller mer ({count} fall)',
  stats_none_yet: 'inte ännu',
  stats_fees_heading: 'Arvoden',
  stats_claim_to_paid: 'Från ansökan till betalning, arbetsdagar',
  stats_claims_waiting: 'Ansökningar som väntar nu',
  stats_claims_stuck: 'Av dem väntat över 5 arbetsdagar',
  stats_spending_total: 'Betalt sammanlagt',
  stats_feedback_heading: 'Respons',
  stats_feedback_orderers: 'Beställarna om uppdragen',
  stats_feedback_experts: 'Erfarenhetsexperterna om förberedelserna',
  stats_rating: '{average}/5 ({count, plural, one {# bedömning} other {# bedömningar}})',
  stats_no_ratings: 'inga bedömningar',
  stats_fairness_heading: 'Hur uppdragen fördelas',
  stats_busiest_share: 'De mest anlitade 20 %:s andel av uppdragen',
  stats_without_tasks: 'Aktiva erfarenhetsexperter utan uppdrag',
  stats_of_active: '{count} av {active}',
  stats_usage:
    'Jag kände inte igen perioden. Exempel: /statistik (i år), /statistik 2026, /statistik 2026-11, /statistik november 2026, /statistik Q3, /statistik senaste 90 dagarna.',
  export_usage_kinds:
    'Skriv: /exportera arvoden|beställningar|respons [period], till exempel /exportera beställningar 2026 eller /exportera respons Q3.',
  export_orders_link:
    'Beställningarna ({period}) som CSV-fil (öppnas i Excel, länken gäller i 24 timmar): {url}',
  export_feedback_link:
    'Responsen ({period}) som CSV-fil (öppnas i Excel, länken gäller i 24 timmar): {url}',
  orderer_wished_declined:
    'Erfarenhetsexperten du önskade kunde inte ta beställningen {orderId}. Jag erbjuder nu uppdraget till andra lämpliga erfarenhetsexperter.',
  label_wishedExpert: 'Önskad erfarenhetsexpert',
  label_traineeAllowed: 'Mentorn får ta med en praktikant',
  wished_expert_placeholder: 'Namn eller e-post, eller: samma som förra gången',
  trainee_toggle_note:
    'En praktikant tar ingen beställd plats och kostar ingenting. När klienter eller patienter är med är valet avstängt som standard.',
  wished_expert_unknown:
    'Jag hittar ingen erfarenhetsexpert med det namnet. Skriv hela namnet eller e-postadressen, eller lämna fältet tomt.',
  wished_expert_ambiguous:
    'Flera erfarenhetsexperter har det namnet. Skriv hela namnet eller e-postadressen.',
  wished_expert_no_previous:
    'Du har inte beställt det här uppdraget förut så att någon tog det. Skriv ett namn eller lämna fältet tomt.',
  trainee_offer_title: 'Följ med din mentor på ett uppdrag: {task}',
  trainee_offer_intro:
    'Din mentor {mentor} tog uppdraget, och du kan följa med som praktikant. Du tar ingen beställd plats. Vill du följa med?',
  trainee_offer_fee_none:
    'Inget arvode för praktikanten, men resor och andra kostnader kan du söka',
  trainee_joined_title: 'Du är med som praktikant: {task}',
  trainee_joined_text:
    'Tack! Du följer med på uppdraget {orderId} med din mentor {mentor}. Jag påminner dig dagen före.',
  reg_trainee_record: 'Praktik med mentorn',
  reg_trainee_record_none: 'inga uppdrag med mentorn ännu',
  reg_trainee_record_count:
    '{count, plural, one {ett uppdrag med mentorn} other {# uppdrag med mentorn}}',
  my_data_as_trainee: 'som praktikant med mentorn',
  expenses_claim_title: 'Ansökan om kostnadsersättning',
  expenses_claim_intro:
    'Uppdraget har inget arvode, men resor och andra kostnader ersätts. Skriv kilometrarna och andra kostnader så räknar jag summan. Ansökan går samma godkännandekedja som arvoden.',
  expenses_claim_zero_note:
    'Om du inte hade några resor eller andra kostnader behöver du inte skicka något: en ansökan på 0 euro skickas inte.',
  claim_nothing_to_claim:
    'Ansökan är på 0 €, så den skickas inte. Skriv kilometrar eller andra kostnader om du hade sådana.',
  series_change_card_title: 'Ändra serien {seriesId}',
  series_change_card_intro:
    'Ändringen gäller {count, plural, one {seriens enda kommande gång} other {alla # kommande gånger}}, och varje gång behåller sitt eget datum. Här är uppgifterna för nästa gång: rätta och spara. Datumet för en enskild gång ändrar du med dess nummer (*ändra T-…*).',
  series_change_no_date:
    'Datumet kan inte ändras för alla gånger på en gång: varje gång behåller sitt eget datum. Ändra datumet för en gång med dess nummer (*ändra T-…*). Ingenting ändrades.',
  series_change_saved_title: 'Serien {seriesId} är ändrad',
  series_change_done:
    'I serien {seriesId} ändrades {count, plural, one {# kommande gång} other {# kommande gånger}}. Varje gång behöll sitt eget datum. Om tiden eller platsen ändrades frågar jag de tilldelade erfarenhetsexperterna om ändringen passar.',
  series_nothing_to_change: 'Serien {seriesId} har inga kommande gånger att ändra.',
  series_changed_meanwhile:
    'Serien {seriesId} ändrades samtidigt på annat håll. Ingenting ändrades. Skriv **ändra {seriesId}** för att se de nya uppgifterna.',
  orderer_series_taken:
    'Din serie {seriesId} har fått en erfarenhetsexpert: {name} kommer till {count} av {total} gånger.',
  orderer_series_taken_all:
    'Din serie {seriesId} har fått en erfarenhetsexpert: {name} kommer till alla {total} gånger.',
  orderer_series_still_offered: 'De här gångerna erbjuds ännu till andra: {dates}.',
  offer_mentor_left_title: 'Det blir ingen medföljning',
  offer_mentor_left_text:
    'Din mentor kan inte komma till uppdrag {orderId}, så inbjudan att följa med gäller inte längre. Du behöver inte göra något.',
  trainee_off:
    'Din mentor kan inte komma till uppdrag {orderId} ({task}, {when}), så det blir ingen medföljning som praktikant. Det beror inte på dig, och du behöver inte göra något. Du får en ny inbjudan när din mentor kan ta med dig igen.',
  orderer_trainee_joined:
    'Beställning {orderId}: erfarenhetsexperten {mentor} tar med en praktikant, {trainee}. Praktikanten tar ingen beställd plats och får inget arvode. Bara praktikantens resor och andra kostnader ersätts på vanligt sätt.',
  orderer_trainee_joined_paid:
    'Beställning {orderId}: erfarenhetsexperten {mentor} tar med en praktikant, {trainee}. Praktikanten tar ingen beställd plats. Praktikantens arvode och kostnader söks på vanligt sätt.',
  orderer_trainee_left:
    'Beställning {orderId}: praktikanten {trainee} följer inte med, eftersom erfarenhetsexperten som praktikanten skulle följa med inte kan komma.',
  review_wished:
    'Beställaren önskade den här erfarenhetsexperten. När du godkänner får hen erbjudandet först ensam (högst en tredjedel av svarstiden). Om hen inte tar uppdraget kommer nästa kandidater till dig för granskning.',
  orderer_trainee_stays_away:
    'Beställning {orderId}: praktikanten {trainee} kan inte följa med. Erfarenhetsexperten {mentor} kommer som avtalat, och de beställda platserna ändras inte.',
  trainee_given_back_text:
    'Tack för att du meddelade. Du följer inte med på uppdrag {orderId}, men din mentor går som avtalat. Du får en ny inbjudan när din mentor kan ta med dig igen.',
  mentoring_not_ordered:
    'Mentorskap beställs inte längre som ett uppdrag: en erfaren erfarenhetsexpert tar med sig en praktikant på sina egna uppdrag, och koordinatorn kommer överens om mentorskapet. Om ni behöver en erfarenhetsexpert för något annat, välj typ av uppdrag.',
  task_type_not_orderable:
    'Mentorskap beställs inte längre: mentorn tar med sig praktikanten på sina egna uppdrag. Välj en annan typ av uppdrag.',
  reg_row_trainee_last: 'praktikant, senast med {date}',
  reg_row_trainee_never: 'praktikant, ännu inte med på något uppdrag',
  reg_row_trainee_idle: 'inte med på något uppdrag på {days} dagar',
  reg_trainee_last_along: 'Senast med på ett uppdrag',
  reg_trainee_last_along_never: 'ännu inte',
  reg_trainee_idle:
    'Har inte varit med på något uppdrag på {days} dagar. Fråga gärna mentorn hur praktiken går.',
  stats_idle_trainees:
    '{count, plural, one {# praktikant har} other {# praktikanter har}} inte varit med på något uppdrag på {days} dagar (/experter praktikanter overksamma).',
};
