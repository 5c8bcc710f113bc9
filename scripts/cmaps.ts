// Copies the GB CMaps (pdf-cmaps.ts) from pdfjs-dist into dist/cmaps, where the bundles read them and packaging
// takes them into the .vsix (run by `npm run build`): without them the text of PDFs whose 宋体 is not embedded is lost.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GB_CMAP_FILES } from '../server/src/import/pdf-cmaps';

const from = join(dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps');
const to = join('dist', 'cmaps');
mkdirSync(to, { recursive: true });
for (const name of readdirSync(from)) if (GB_CMAP_FILES.test(name)) copyFileSync(join(from, name), join(to, name));
