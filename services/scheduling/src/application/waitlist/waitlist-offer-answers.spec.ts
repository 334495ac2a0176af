import {
  bookedAppointment,
  FixedClock,
  IDS,
  immediateTransactions,
  InMemoryAppointments,
  InMemoryWaitlist,
  member,
  RecordingOutbox,
  structurePatients,
} from '../../../test/fixtures/in-memory-ports';
import { SchedulingErrorCode } from '../../domain/scheduling-error';
import { CancelAppointmentHandler } from '../booking/cancel-appointment.handler';
import { ConfirmHoldHandler } from '../booking/confirm-hold.handler';
import { AcceptWaitlistOfferHandler } from './accept-waitlist-offer.handler';
import { DeclineWaitlistOfferHandler } from './decline-waitlist-offer.handler';
import type { FreedSlot, WaitlistOfferer } from './waitlist-offerer';

describe("a waiting patient's answer to an offered slot (accept / decline handlers)", () => {
  const secretary = member(IDS.secretary, IDS.structure, ['secretary'], [IDS.site]);
  const hold = bookedAppointment({
    status: 'held',
    patientId: IDS.patient,
    holdExpiresAt: new Date('2026-03-02T09:00:00Z'),
    bookedByActor: 'system:waitlist',
  });
  const entryId = 'ff9d2f0b-1c4a-4d3b-8a7f-0c1d2e3f4a5b';
  const offerId = '0a1e3a1c-2d5b-4e4c-9b8a-1d2e3f4a5b6c';
  let clock: FixedClock;
  let appointments: InMemoryAppointments;
  let waitlist: InMemoryWaitlist;
  let outbox: RecordingOutbox;
  let offered: FreedSlot[];
  let accept: AcceptWaitlistOfferHandler;
  let decline: DeclineWaitlistOfferHandler;

  beforeEach(async () => {
    clock = new FixedClock(new Date('2026-03-02T08:30:00Z'));
    appointments = new InMemoryAppointments(clock);
    waitlist = new InMemoryWaitlist();
    outbox = new RecordingOutbox();
    offered = [];
    const offerer = {
      offer: async (slot: FreedSlot) => {
        offered.push(slot);
        return null;
      },
    } as unknown as WaitlistOfferer;
    const writer = outbox.asWriter();
    const transactions = immediateTransactions();
    const confirmer = new ConfirmHoldHandler(transactions, appointments, writer, clock, structurePatients());
    const canceller = new CancelAppointmentHandler(transactions, appointments, writer, clock);
    accept = new AcceptWaitlistOfferHandler(transactions, waitlist, confirmer);
    decline = new DeclineWaitlistOfferHandler(transactions, waitlist, canceller, offerer);

    appointments.add(hold);
    await waitlist.insertEntry({
      id: entryId,
      structureId: IDS.structure,
      patientId: IDS.patient,
      motifId: IDS.motif,
      practitionerId: IDS.gp,
      profession: null,
      before: '2026-04-01',
    });
    await waitlist.setEntryStatus(entryId, 'offered');
    await waitlist.insertOffer({
      id: offerId,
      entryId,
      holdId: hold.id,
      practitionerId: IDS.gp,
      siteId: IDS.site,
      startsAt: hold.startsAt,
      endsAt: hold.endsAt,
      expiresAt: new Date('2026-03-02T09:00:00Z'),
    });
  });

  it('accepted, the hold becomes the waiting patient’s appointment and they leave the list', async () => {
    const appointment = await accept.execute(secretary, { offerId });

    expect(appointment).toMatchObject({ id: hold.id, status: 'confirmed', patientId: IDS.patient });
    expect(waitlist.offerRows.get(offerId)?.status).toBe('accepted');
    expect(waitlist.entryRows.get(entryId)?.status).toBe('booked');
    expect(outbox.types()).toEqual(['scheduling.appointment.confirmed.v1', 'scheduling.appointment.booked.v1']);
  });

  it('declined, the hold is freed at the patient’s request, they keep waiting, and the slot is offered on', async () => {
    const answered = await decline.execute(secretary, { offerId });

    expect(answered.status).toBe('declined');
    expect(appointments.get(hold.id)).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'patient',
      cancelReason: 'patient_request',
    });
    expect(waitlist.entryRows.get(entryId)?.status).toBe('waiting');
    expect(offered).toEqual([
      { structureId: IDS.structure, siteId: IDS.site, practitionerId: IDS.gp, startsAt: hold.startsAt },
    ]);
  });

  it.each(['accepted', 'declined', 'expired'] as const)(
    'an offer no longer open (%s) cannot be answered, even while its hold still stands',
    async (status) => {
      await waitlist.setOfferStatus(offerId, status);

      await expect(accept.execute(secretary, { offerId })).rejects.toMatchObject({
        code: SchedulingErrorCode.InvalidTransition,
      });
      await expect(decline.execute(secretary, { offerId })).rejects.toMatchObject({
        code: SchedulingErrorCode.InvalidTransition,
      });
      expect(appointments.get(hold.id)?.status).toBe('held');
      expect(outbox.events).toEqual([]);
    },
  );

  it('an offer whose hold has lapsed cannot be accepted, and stays open for the lapse to close', async () => {
    clock.set('2026-03-02T09:01:00Z');

    await expect(accept.execute(secretary, { offerId })).rejects.toMatchObject({
      code: SchedulingErrorCode.HoldLapsed,
    });
    expect(waitlist.offerRows.get(offerId)?.status).toBe('open');
  });

  it('answers not found for an unknown offer, naming offerId', async () => {
    await expect(decline.execute(secretary, { offerId: '1b2f4b2d-3e6c-4f5d-8c9b-2e3f4a5b6c7d' })).rejects.toMatchObject(
      { code: SchedulingErrorCode.NotFound, field: 'offerId' },
    );
  });
});
