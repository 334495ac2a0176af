import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createTestDatabase } from '@msp/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DatabaseReadinessCheck, ObservabilityModule } from '../src';

describe('DatabaseReadinessCheck (real PostgreSQL)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: INestApplication;

  beforeAll(async () => {
    database = await createTestDatabase('observability');
    const moduleRef = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRoot({ type: 'postgres', url: database.url, retryAttempts: 0 }),
        ObservabilityModule.forRoot({
          serviceName: 'sample',
          logLevel: 'silent',
          readinessChecks: [DatabaseReadinessCheck],
        }),
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('is ready while the database answers', async () => {
    await request(app.getHttpServer())
      .get('/health/ready')
      .expect(200, { status: 'ok', checks: { database: 'up' } });
  });

  it('is not ready once the connection is gone, and says so', async () => {
    await app.get(DataSource).destroy();
    const res = await request(app.getHttpServer()).get('/health/ready').expect(503);
    expect(res.body).toEqual({
      status: 'unavailable',
      checks: { database: 'down' },
      reasons: { database: 'the database connection is not initialised' },
    });
  });
});
