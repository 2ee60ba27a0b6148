// Preloaded into the Azurite that `npm start` runs (scripts/start.ts). Azurite 3.35 keeps its tables
// in memory and writes them to disk only when it stops on SIGINT; SIGTERM or SIGHUP end it without
// saving. So every other way of stopping it becomes SIGINT, and it also stops, saving, as soon as
// npm start is gone in any way (even killed with SIGKILL): its end of the stdin pipe then closes.
'use strict';

let stopping = false;
process.on('SIGINT', () => {
  // Azurite's own handler saves and closes; a second SIGINT must not kill it halfway.
  if (stopping) return;
  stopping = true;
  // Azurite listens for SIGINT once its server is up; before that there is nothing to save.
  if (process.listenerCount('SIGINT') === 1) process.exit(130);
});

function saveAndStop() {
  if (!stopping) process.kill(process.pid, 'SIGINT');
}
process.on('SIGTERM', saveAndStop);
process.on('SIGHUP', saveAndStop);
process.stdin.on('end', saveAndStop);
process.stdin.on('close', saveAndStop);
process.stdin.on('error', saveAndStop);
process.stdin.resume();
// The pipe must not keep Azurite running once it has closed its server.
process.stdin.unref();
