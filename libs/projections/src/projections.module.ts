import { Global, Module } from '@nestjs/common';
import { ProjectionRunner } from './projection-runner.js';

@Global()
@Module({ providers: [ProjectionRunner], exports: [ProjectionRunner] })
export class ProjectionsModule {}
