import { Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from '@enlace/clock';
import { CommandPipeline } from './command-pipeline.js';

@Global()
@Module({
  providers: [{ provide: Clock, useClass: SystemClock }, CommandPipeline],
  exports: [Clock, CommandPipeline],
})
export class ApplicationModule {}
