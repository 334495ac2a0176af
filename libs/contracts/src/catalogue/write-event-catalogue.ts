// Writes docs/events.md; run with `npm run events:doc`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderEventCatalogue } from './render-event-catalogue';

const target = join(__dirname, '..', '..', '..', '..', 'docs', 'events.md');
writeFileSync(target, renderEventCatalogue());
process.stdout.write(`wrote ${target}\n`);
