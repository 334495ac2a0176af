import { DataSource, type DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';

export interface ServiceDataSourceOptions {
  url: string;
  /** Listed explicitly: bundlers and dist builds break glob patterns. */
  entities: DataSourceOptions['entities'];
  migrations: DataSourceOptions['migrations'];
  /** Pool size; a service on a 2-core machine rarely needs more. */
  poolSize?: number;
  applicationName?: string;
}

/** TypeORM options every service database uses: snake_case names, own migrations table, never `synchronize`. */
export function dataSourceOptions(options: ServiceDataSourceOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsRun: false,
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    extra: { max: options.poolSize ?? 10, application_name: options.applicationName },
  };
}

export function createDataSource(options: ServiceDataSourceOptions): DataSource {
  return new DataSource(dataSourceOptions(options));
}
