import type { Locale } from './locale';
import type { MessageKey, Messages } from './translator';

/**
 * The few strings shown before the agent's catalogue has arrived: while Herald starts, and when it
 * cannot start or cannot download the catalogue. They are copies of the catalogues' strings, kept
 * in the first script so that nothing waits for a download; a unit test keeps them equal.
 */
export const BOOT_KEYS = ['shell.starting', 'shell.startFailed', 'shell.loadFailed', 'shell.loadFailedHelp', 'common.retry'] as const satisfies readonly MessageKey[];

type BootKey = (typeof BOOT_KEYS)[number];

export const BOOT_MESSAGES: Record<Locale, Record<BootKey, string>> = {
  en: {
    'shell.starting': 'Starting Herald…',
    'shell.startFailed': 'Herald could not start',
    'shell.loadFailed': 'Part of Herald could not be downloaded',
    'shell.loadFailedHelp': 'Check your network connection, then try again.',
    'common.retry': 'Try again',
  },
  fr: {
    'shell.starting': 'Démarrage de Herald…',
    'shell.startFailed': "Herald n'a pas pu démarrer",
    'shell.loadFailed': "Une partie de Herald n'a pas pu être téléchargée",
    'shell.loadFailedHelp': 'Vérifiez votre connexion réseau, puis réessayez.',
    'common.retry': 'Réessayer',
  },
};

export function bootMessages(locale: Locale): Messages {
  return new Map(Object.entries(BOOT_MESSAGES[locale]));
}
