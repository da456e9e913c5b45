import { DynamicModule, Module, Type } from '@nestjs/common';
import { PlatformConfig, PlatformModule } from '@congocart/shared';
import { contextModules } from '../../api/src/context-modules';

/** The worker's composition root: the same kernel and context modules as the API, no HTTP API; this process runs the jobs. */
@Module({})
export class WorkerModule {
  static register(options: {
    config: PlatformConfig;
    databaseUrl: string;
    extraModules?: (Type<unknown> | DynamicModule)[];
  }): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot({ config: options.config, databaseUrl: options.databaseUrl, runWorker: true }),
        ...contextModules(),
        ...(options.extraModules ?? []),
      ],
    };
  }
}
