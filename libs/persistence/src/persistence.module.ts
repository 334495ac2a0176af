import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dataSourceOptions, type ServiceDataSourceOptions } from './data-source.factory';
import { runMigrations } from './run-migrations';
import { TransactionRunner } from './transaction-runner';

export interface PersistenceModuleOptions extends Omit<ServiceDataSourceOptions, 'url'> {
  url: string;
  /** Apply pending migrations at boot (under an advisory lock). Off when a separate migrate step runs them. */
  migrateOnBoot?: boolean;
}

/** The service's own PostgreSQL database through TypeORM, migrated at boot, with the transaction helper. */
@Global()
@Module({})
export class PersistenceModule {
  static forRoot(options: PersistenceModuleOptions): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(options),
          dataSourceFactory: async () => {
            const dataSource = await new DataSource(dataSourceOptions(options)).initialize();
            if (options.migrateOnBoot ?? true) {
              const applied = await runMigrations(dataSource);
              if (applied.length) new Logger('Persistence').log(`Applied migrations: ${applied.join(', ')}`);
            }
            return dataSource;
          },
        }),
      ],
      providers: [TransactionRunner],
      exports: [TransactionRunner],
    };
  }
}
