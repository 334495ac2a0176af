import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { testServicePrivateKey } from '@msp/testing';
import { AgendaRefusedError, AgendaUnavailableError, type OfferedSlot } from '../src/application/ports/agenda.port';
import { HttpAgenda } from '../src/infrastructure/clients/http-agenda';
import { HttpCallerDirectory } from '../src/infrastructure/clients/http-caller-directory';

type Route = (body: unknown, url: URL) => { status: number; body?: unknown } | 'hang';

/** Another service as call routing sees it: routes by "METHOD /path", requests recorded. */
class StubService {
  readonly requests: Array<{ route: string; body: unknown }> = [];
  private server!: Server;
  private readonly routes = new Map<string, Route>();

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.answer(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  on(route: string, answer: Route): void {
    this.routes.set(route, answer);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://stub');
    const route = `${req.method} ${url.pathname}`;
    const body: unknown = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
    this.requests.push({ route, body });
    const answer = this.routes.get(route)?.(body, url) ?? { status: 404, body: { code: 'NOT_FOUND', message: route } };
    if (answer === 'hang') return; // never answers: the client's timeout decides
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
  }
}

const slot: OfferedSlot = {
  practitionerId: '0b0e3c52-55c1-4c5e-9c55-1b0d0f6a0001',
  siteId: '0b0e3c52-55c1-4c5e-9c55-1b0d0f6a0002',
  motifId: '0b0e3c52-55c1-4c5e-9c55-1b0d0f6a0003',
  startsAt: '2027-03-01T08:00:00.000Z',
};
const patientId = '0b0e3c52-55c1-4c5e-9c55-1b0d0f6a0004';

describe('clients of the directory and scheduling', () => {
  const stub = new StubService();
  let settings: ConstructorParameters<typeof HttpAgenda>[0];

  beforeAll(async () => {
    const url = await stub.start();
    settings = {
      directoryInternalUrl: url,
      schedulingInternalUrl: url,
      // Short enough for the specs whose stub never answers, long enough for one that answers on a loaded machine.
      schedulingTimeoutMs: 1_500,
      servicePrivateKey: testServicePrivateKey('call-routing'),
    };
  });
  afterAll(() => stub.stop());
  beforeEach(() => (stub.requests.length = 0));

  describe('agenda', () => {
    it('books by holding then confirming the slot for the patient', async () => {
      stub.on('POST /internal/agenda/holds', () => ({ status: 201, body: { id: 'hold-1', status: 'held' } }));
      stub.on('POST /internal/agenda/holds/hold-1/confirm', () => ({ status: 200, body: { id: 'hold-1' } }));

      await expect(new HttpAgenda(settings).book(slot, patientId)).resolves.toBe('hold-1');
      expect(stub.requests).toEqual([
        { route: 'POST /internal/agenda/holds', body: { ...slot, patientId } },
        { route: 'POST /internal/agenda/holds/hold-1/confirm', body: { patientId } },
      ]);
    });

    it('releases the hold when the confirmation gets no answer in time, and says scheduling is unavailable', async () => {
      stub.on('POST /internal/agenda/holds', () => ({ status: 201, body: { id: 'hold-2' } }));
      stub.on('POST /internal/agenda/holds/hold-2/confirm', () => 'hang');
      stub.on('POST /internal/agenda/appointments/hold-2/cancel', () => ({ status: 200, body: { id: 'hold-2' } }));

      await expect(new HttpAgenda(settings).book(slot, patientId)).rejects.toBeInstanceOf(AgendaUnavailableError);
      expect(stub.requests.at(-1)).toEqual({
        route: 'POST /internal/agenda/appointments/hold-2/cancel',
        body: { reason: 'patient_request', cancelledBy: 'virtual_secretary' },
      });
    });

    it("passes scheduling's refusal on with its code, and a failing scheduling as unavailable", async () => {
      stub.on('POST /internal/agenda/holds', () => ({
        status: 409,
        body: { code: 'SCHEDULING.SLOT_TAKEN', message: 'This slot was just taken' },
      }));
      await expect(new HttpAgenda(settings).book(slot, patientId)).rejects.toEqual(
        new AgendaRefusedError('SCHEDULING.SLOT_TAKEN', 'This slot was just taken'),
      );

      stub.on('POST /internal/agenda/free-slots', () => ({ status: 503, body: { code: 'PLATFORM.UNAVAILABLE' } }));
      const search = { motifId: slot.motifId, from: '2027-03-01', to: '2027-03-07', limit: 3 };
      await expect(new HttpAgenda(settings).nextSlots(search)).rejects.toBeInstanceOf(AgendaUnavailableError);
    });

    it("lists the caller's coming appointments of the structure", async () => {
      const appointment = { ...slot, id: 'a-1', status: 'booked', motifLabel: 'Consultation', endsAt: 'x' };
      stub.on(`GET /internal/agenda/patients/${patientId}/appointments`, (_, url) =>
        url.searchParams.get('structureId') === 's-1'
          ? { status: 200, body: { appointments: [appointment] } }
          : { status: 400, body: { code: 'BAD', message: 'structureId' } },
      );
      await expect(new HttpAgenda(settings).upcoming('s-1', patientId)).resolves.toEqual([
        { ...slot, id: 'a-1', motifLabel: 'Consultation' },
      ]);
    });
  });

  describe('directory', () => {
    it('identifies the caller, and goes on with an unknown caller when the directory is too slow', async () => {
      const phone = '+33612345678';
      const warnings = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      stub.on('GET /internal/callers', (_, url) =>
        url.searchParams.get('phone') === phone
          ? { status: 200, body: { kind: 'professional', structureId: 's-2' } }
          : { status: 400, body: { code: 'BAD', message: 'phone' } },
      );
      const directory = new HttpCallerDirectory(settings);
      await expect(directory.identify(phone, slot.siteId)).resolves.toEqual({
        kind: 'professional',
        structureId: 's-2',
      });

      stub.on('GET /internal/callers', () => 'hang');
      const started = Date.now();
      await expect(directory.identify(phone, slot.siteId)).resolves.toEqual({ kind: 'unknown' });
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(warnings).toHaveBeenCalledTimes(1);
      expect(JSON.stringify(warnings.mock.calls)).not.toContain('612345678');
      warnings.mockRestore();
    });

    it("answers a site's name, address and own numbers, or nothing for an unknown site", async () => {
      stub.on(`GET /internal/sites/${slot.siteId}`, () => ({
        status: 200,
        body: {
          siteId: slot.siteId,
          structureId: 's-1',
          name: 'MSP du Port',
          address: '2 quai Nord',
          timeZone: 'UTC',
          phoneLines: ['+33299000001'],
        },
      }));
      const directory = new HttpCallerDirectory(settings);
      await expect(directory.siteInformation(slot.siteId)).resolves.toEqual({
        name: 'MSP du Port',
        address: '2 quai Nord',
        phoneLines: ['+33299000001'],
      });
      await expect(directory.siteInformation(patientId)).resolves.toBeNull();
    });
  });
});
