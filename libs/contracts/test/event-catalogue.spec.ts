import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_REGISTRY, renderEventCatalogue } from '../src';

describe('docs/events.md', () => {
  it('is up to date with the registry (run `npm run events:doc` after changing an event)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'events.md'), 'utf8');
    expect(committed).toBe(renderEventCatalogue());
  });

  it('documents every registered type', () => {
    for (const type of Object.keys(EVENT_REGISTRY)) expect(renderEventCatalogue()).toContain(`## \`${type}\``);
  });
});
