import type { Catalogue } from './fi';

export const en: Catalogue = {
  greeting: "Hi! I'm Kokemusvälitys, the experience-expert centre's order desk.",
  greeting_roles: 'Your roles here: {roles}.',
  greeting_unknown_email: "I couldn't find your e-mail address in Teams, so I can't link you to the registers. Please contact a coordinator.",
  greeting_help_hint: 'Write **help** and I will tell you what you can do.',
  role_orderer: 'orderer',
  role_expert: 'expert by experience',
  role_supervisor: 'supervisor',
  role_director: 'unit director',
  role_payroll: 'payroll',
  role_coordinator: 'coordinator',
  help_title: 'How to use Kokemusvälitys',
  help_orderer:
    '**As an orderer** you can write your order in your own words, e.g. *"We need a mental health expert by experience to give a talk to nurses on Thu 18 March 9–11 in Kuopio"*. Commands: **my orders**, **cancel T-…**.',
  help_expert:
    '**As an expert by experience** you get task offers in this chat. Commands: **my tasks**, **my fees**, **pause until 31.12.** (no offers until then), **profile**, **my data**.',
  help_approver: '**As an approver** you get fee claims as cards. Command: **approvals** (claims waiting for you).',
  help_coordinator:
    '**As a coordinator** you have the commands: /experts, /units, /orders, /assign, /fees, /reassign, /stats, /export, /tariffs, /forget, /audit.',
  help_footer: 'Write **help** at any time to see this again.',
  unknown_text: "I didn't understand that. To order an expert by experience, describe the task, day, time and place in one message. Write **help** to see all commands.",
  unknown_text_expert: "I didn't understand that. Write **help** to see what you can do.",
  not_text: 'I can only handle text messages and card buttons. Write **help** to see what you can do.',
  error_generic: 'Something went wrong and nothing was changed. Please try again in a moment.',
  card_stale: 'This card is out of date; the click changed nothing.',
  command_not_allowed: 'This command is for coordinators only.',
  feature_not_ready: 'This feature is not in use yet.',
};
