import 'reflect-metadata';
import { runHttpService } from '@nrm/application';
import { NodeModule } from './node.module';

void runHttpService('node', (config) => NodeModule.forRoot(config));
