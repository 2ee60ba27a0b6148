import type { Translate } from '../src/i18n';

/**
 * The first thing anyone hears (SPEC §12): what the service is, what it stores and why, for how
 * long, and where the full privacy notice is; an expert also hears how to pause offers.
 */
export function privacyNotice(
  t: Translate,
  privacyUrl: string | undefined,
  expert: boolean,
): string {
  const link = privacyUrl ? t('privacy_link', { url: privacyUrl }) : t('privacy_link_missing');
  return [
    t('privacy_title'),
    t('privacy_what'),
    t('privacy_stored'),
    t('privacy_retention'),
    link,
    ...(expert ? [t('privacy_pause')] : []),
  ].join('\n\n');
}
