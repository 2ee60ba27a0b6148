/*
 * Preloaded into the bot by `npm run bench` (never in production): answers the bench's question
 * "how many storage requests so far?" over the IPC channel, from the process's request counter.
 */
import { storageRequests } from '../src/storage/request-counter';

process.on('message', (message) => {
  if (message === 'storage-requests')
    process.send?.({ counts: storageRequests.snapshot(), byTable: storageRequests.byTable() });
});
