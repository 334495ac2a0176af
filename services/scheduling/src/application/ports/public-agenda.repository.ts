import type { Motif } from '../../domain/motif';

/** What the public booking page may list: the motifs patients may book online. */
export abstract class PublicAgendaRepository {
  abstract onlineMotifs(structureId: string): Promise<Motif[]>;
}
