import { APPROVER_ROLES } from '../src/domain/fees/chain';
import type { Role } from '../src/domain/registers/roles';
import type { MessageKey, Translate } from '../src/i18n';

/** The help text: one section per thing the person may do, in their language. */
export function helpMessage(roles: readonly Role[], t: Translate): string {
  const sections: MessageKey[] = [];
  if (roles.includes('orderer')) sections.push('help_orderer');
  if (roles.includes('expert')) sections.push('help_expert');
  if (roles.some((r) => (APPROVER_ROLES as readonly Role[]).includes(r)))
    sections.push('help_approver');
  if (roles.includes('coordinator')) sections.push('help_coordinator', 'help_coordinator_register');
  return [`**${t('help_title')}**`, ...sections.map((k) => t(k)), t('help_footer')].join('\n\n');
}

/** The first words the bot says to a person: who it is and what they are here. */
export function welcomeMessage(roles: readonly Role[], emailKnown: boolean, t: Translate): string {
  if (!emailKnown) return [t('greeting'), t('greeting_unknown_email')].join('\n\n');
  const roleNames = roles.map((r) => t(`role_${r}`)).join(', ');
  return [t('greeting'), t('greeting_roles', { roles: roleNames }), helpMessage(roles, t)].join(
    '\n\n',
  );
}
