import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { PlatformConfig, PlatformModule } from '@congocart/shared';
import { contextModules } from './context-modules';

/** The HTTP composition root: the platform kernel plus every bounded context. */
@Module({})
export class AppModule {
  static register(options: { config: PlatformConfig; databaseUrl: string }): DynamicModule {
    return {
      module: AppModule,
      // The scheduler is registered once, here: contexts declare @Cron jobs, never their own scheduler.
      imports: [PlatformModule.forRoot(options), ScheduleModule.forRoot(), ...contextModules()],
    };
  }
}
