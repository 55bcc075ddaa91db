import { resolve } from 'node:path';
import { readNodeConfig } from './node-config';

describe('readNodeConfig: the web console directory', () => {
  it('defaults to dist/console under the working directory, like the data directory', () => {
    expect(readNodeConfig({}).consoleDir).toBe(resolve(process.cwd(), 'dist/console'));
    expect(readNodeConfig({ NRM_CONSOLE_DIR: '' }).consoleDir).toBe(resolve(process.cwd(), 'dist/console'));
  });

  it('takes NRM_CONSOLE_DIR, absolute or relative to the working directory', () => {
    expect(readNodeConfig({ NRM_CONSOLE_DIR: '/srv/nrm/console' }).consoleDir).toBe('/srv/nrm/console');
    expect(readNodeConfig({ NRM_CONSOLE_DIR: 'web' }).consoleDir).toBe(resolve(process.cwd(), 'web'));
  });
});
