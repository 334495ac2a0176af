import 'reflect-metadata';
import { DirectoryConfig } from './config/directory.config';
import { startDirectory } from './directory.bootstrap';

startDirectory(DirectoryConfig.fromEnv(process.env)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
