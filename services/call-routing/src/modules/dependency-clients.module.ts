import { type DynamicModule, Module } from '@nestjs/common';
import { DEPENDENCY_SETTINGS, type DependencySettings } from '../application/dependency-settings';
import { AgendaPort } from '../application/ports/agenda.port';
import { CallerDirectory } from '../application/ports/caller-directory.port';
import { HttpAgenda } from '../infrastructure/clients/http-agenda';
import { HttpCallerDirectory } from '../infrastructure/clients/http-caller-directory';

/** What call routing asks the directory and scheduling during a call, over their internal HTTP APIs. */
@Module({})
export class DependencyClientsModule {
  static forRoot(settings: DependencySettings): DynamicModule {
    return {
      module: DependencyClientsModule,
      global: true,
      providers: [
        { provide: DEPENDENCY_SETTINGS, useValue: settings },
        { provide: CallerDirectory, useClass: HttpCallerDirectory },
        { provide: AgendaPort, useClass: HttpAgenda },
      ],
      exports: [DEPENDENCY_SETTINGS, CallerDirectory, AgendaPort],
    };
  }
}
