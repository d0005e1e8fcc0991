/**
 * What a sidebar shows before anything else: the shell, errors, the ticket and user panels, the
 * contact. The build (vite.config.ts) serves these namespaces of a catalogue as a chunk of their
 * own, `virtual:herald/firstCatalogue-<locale>`: a few kB instead of the whole catalogue.
 */
export const FIRST_NAMESPACES = ['common', 'configuration', 'contact', 'errors', 'outside', 'shell', 'ticket', 'user'] as const;

export const FIRST_CATALOGUE_PREFIX = 'virtual:herald/firstCatalogue-';
