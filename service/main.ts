import { assembleService } from './assemble';
import { ConfigError, loadConfig, type ServiceConfig } from './config';

/** `npm run service`: the Herald service with its configuration from the environment (README, "The Herald service"). */

async function main(): Promise<void> {
  let config: ServiceConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const { service, db } = await assembleService(config);
  await service.start();
  await service.listen(config.port, config.host);
  const stop = async () => {
    await service.stop();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

void main();
