import 'reflect-metadata';
import { runHttpService } from '@nrm/application';
import { NodeModule } from './node.module';

// The whole node serves the web console at / too (NRM_CONSOLE_DIR).
void runHttpService('node', (config) => NodeModule.forRoot(config), { serveConsole: true });
