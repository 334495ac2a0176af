import { createRoom, createRoomRequirement, describeRequirement, roomSuits, type Room } from './room';

const room = (kind: string, equipment: string[] = [], archivedAt: Date | null = null): Room => ({
  ...createRoom({ id: 'r', structureId: 's', siteId: 'a', label: ' Salle 1 ', kind, equipment }),
  archivedAt,
});

describe('rooms and what motifs need of them', () => {
  it('keeps kinds and equipment as trimmed lower-case tags, once each, sorted', () => {
    expect(room(' Echographie ', ['Sonde', 'echographe', 'sonde'])).toMatchObject({
      label: 'Salle 1',
      kind: 'echographie',
      equipment: ['echographe', 'sonde'],
    });
  });

  it('refuses an empty kind or label, naming the field', () => {
    expect(() => room('  ')).toThrow(/^input\.kind: /);
    expect(() => createRoom({ id: 'r', structureId: 's', siteId: 'a', label: '', kind: 'x' })).toThrow(
      /^input\.label: /,
    );
    expect(() => createRoomRequirement('m', null, ['ok', ' '])).toThrow(/^input\.equipment\[1\]: /);
  });

  it('a motif needing neither kind nor equipment needs no room', () => {
    expect(createRoomRequirement('m', ' ', [])).toBeNull();
  });

  it('a room suits when live, of the kind asked, with every piece of equipment asked', () => {
    const echo = createRoomRequirement('m', 'Echographie', ['echographe']);
    expect(roomSuits(room('echographie', ['echographe', 'sonde']), echo)).toBe(true);
    expect(roomSuits(room('echographie'), echo)).toBe(false);
    expect(roomSuits(room('consultation', ['echographe']), echo)).toBe(false);
    expect(roomSuits(room('echographie', ['echographe'], new Date()), echo)).toBe(false);
    expect(roomSuits(room('consultation'), null)).toBe(true);
    expect(echo && describeRequirement(echo)).toBe('a room of kind echographie with echographe');
  });
});
