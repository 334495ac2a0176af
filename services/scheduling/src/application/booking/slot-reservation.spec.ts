import {
  bookedAppointment,
  FixedClock,
  IDS,
  InMemoryAppointments,
  RecordingOutbox,
} from '../../../test/fixtures/in-memory-ports';
import { SlotReservation } from './slot-reservation';

const NOW = new Date('2026-03-02T08:00:00Z');
const ECHO_1 = 'd1e2f3a4-b5c6-4d7e-8f9a-0b1c2d3e4f5a';
const ECHO_2 = 'e2f3a4b5-c6d7-4e8f-9a0b-1c2d3e4f5a6b';

describe('SlotReservation and rooms', () => {
  let appointments: InMemoryAppointments;
  let reservation: SlotReservation;
  const savepoints = { attempt: <T>(work: () => Promise<T>) => work() };

  beforeEach(() => {
    appointments = new InMemoryAppointments(new FixedClock(NOW));
    reservation = new SlotReservation(appointments, new RecordingOutbox().asWriter(), savepoints);
    // A colleague's appointment took the first echography room at 10:00 meanwhile.
    appointments.add(
      bookedAppointment({ id: 'f3a4b5c6-d7e8-4f9a-8b1c-2d3e4f5a6b7c', practitionerId: IDS.colleague, roomId: ECHO_1 }),
    );
  });

  const mine = () => bookedAppointment({ id: 'a4b5c6d7-e8f9-4a0b-9c2d-3e4f5a6b7c8d', roomId: ECHO_1 });

  it('a room the motif chose, taken meanwhile, gives way to the next suitable room free at check time', async () => {
    const appointment = mine();
    await reservation.reserve(appointment, NOW, [ECHO_2]);
    expect(appointment.roomId).toBe(ECHO_2);
    expect(appointments.get(appointment.id)?.roomId).toBe(ECHO_2);
  });

  it('with no other room left, the booking is told no room the motif needs is free, on its time', async () => {
    await expect(reservation.reserve(mine(), NOW, [])).rejects.toMatchObject({
      code: 'SCHEDULING.ROOM_TAKEN',
      field: 'input.startsAt',
    });
  });

  it('a room staff picked is not swapped: the conflict names the room', async () => {
    await expect(reservation.reserve(mine(), NOW)).rejects.toMatchObject({
      code: 'SCHEDULING.ROOM_TAKEN',
      field: 'input.roomId',
    });
    expect(appointments.rows.size).toBe(1);
  });
});
