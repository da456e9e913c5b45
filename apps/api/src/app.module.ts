import { DynamicModule, Module } from '@nestjs/common';
import { PlatformConfig, PlatformModule } from '@congocart/shared';
import { contextModules } from './context-modules';
import { JobStatsController } from './operations/job-stats.controller';

/** The HTTP composition root: the platform kernel plus every bounded context. */
@Module({})
export class AppModule {
  static register(options: { config: PlatformConfig; databaseUrl: string }): DynamicModule {
    return {
      module: AppModule,
      // Periodic work is registered as PeriodicTasks and run by the worker (embedded or apps/worker).
      imports: [PlatformModule.forRoot(options), ...contextModules()],
      controllers: [JobStatsController],
    };
  }
}
