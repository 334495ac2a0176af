import { Query, Resolver } from '@nestjs/graphql';
import { version } from '../../package.json';
import { GatewayConfig } from '../config/gateway.config';
import { PlatformStatus } from './platform-status.model';

@Resolver(() => PlatformStatus)
export class PlatformResolver {
  constructor(private readonly config: GatewayConfig) {}

  @Query(() => PlatformStatus)
  platform(): PlatformStatus {
    return { name: 'gateway', version, subgraphs: this.config.subgraphs.map((s) => s.name) };
  }
}
