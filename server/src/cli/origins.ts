// Where in the original a diagnostic of an imported file lies (the words for it are import/'s origin-text).
import type { Span } from '../engine';
import { originAt, type Origin } from '../import';
import type { Source } from './files';

/** Where in the original a span of the imported text came from, if the importer said. */
export const originOf = (source: Source | undefined, span: Span): Origin | null => (source ? originAt(source, span) : null);
