// Recognising a report in a .txt or .md file from its first lines, with the engine's own title pattern.
import { TITLE } from '../../server/src/engine/parse/blocks';
import { fold } from '../../server/src/engine/text/fold';

export const REPORT_LANGUAGE = 'xxgk-report';
export const TEXT_LANGUAGES = ['plaintext', 'markdown'];

export function looksLikeReport(head: string): boolean {
  return head.split(/\r\n|\r|\n/).some((line) => line.length < 160 && TITLE.test(fold(line).text));
}
