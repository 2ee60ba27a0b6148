/*
 * One bot as its own OS process for `npm run test:resilience`: main.ts's wiring (startBot) with the
 * production defaults (poll every 2 s, Teams' pacing, the connector retries), except the wave size,
 * which RESIL_WAVE_SIZE sets so that one order offers to many experts at once.
 */
import { loadConfig } from '../../../src/config';
import { startBot } from '../../../src/main';

const waveSize = Number(process.env.RESIL_WAVE_SIZE ?? 5);

startBot(loadConfig(), { offerSettings: { waveSize } })
  .then((bot) => {
    console.log(`listening on ${bot.port}`);
    const stop = () => void bot.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  })
  .catch((err: Error) => {
    console.error(`The bot could not start: ${err.message}`);
    process.exit(1);
  });
