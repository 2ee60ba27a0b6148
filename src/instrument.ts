/*
 * Preloaded by `npm run serve` (`node --require ./src/instrument.ts`): telemetry has to start before
 * main.ts loads http, restify and the Azure SDK, or their requests and dependencies go unseen.
 * Without APPLICATIONINSIGHTS_CONNECTION_STRING it loads nothing.
 */
import { ConfigError, loadConfig } from './config';
import { startTelemetry } from './telemetry';

function connectionString(): string | undefined {
  try {
    return loadConfig().APPLICATIONINSIGHTS_CONNECTION_STRING;
  } catch (err) {
    if (err instanceof ConfigError) return undefined; // main.ts says what is wrong and stops
    throw err;
  }
}

const cs = connectionString();
if (cs) startTelemetry({ connectionString: cs });
