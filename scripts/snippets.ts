// Writes snippets/xxgk-report.json from the official template (run by `npm run build`).
import { writeFileSync } from 'node:fs';
import { buildSnippets } from '../server/src/engine';

writeFileSync('snippets/xxgk-report.json', JSON.stringify(buildSnippets(), null, 2) + '\n');
