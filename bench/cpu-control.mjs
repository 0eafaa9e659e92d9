// A pure-CPU loop in worker threads: how much parallel speed-up the machine offers right now, as a control
// for bench:run (other processes on a shared machine take cores away from both).
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

if (!isMainThread) {
  let x = 0;
  for (let i = 0; i < workerData.iterations; i++) x = (x * 1103515245 + 12345) | 0;
  parentPort.postMessage(x);
}

/** Wall seconds for `tasks` equal loops on `threads` threads. */
export async function controlSeconds(threads, tasks, iterations) {
  const started = performance.now();
  const perThread = Array.from(
    { length: threads },
    (_, i) => Math.floor(tasks / threads) + (i < tasks % threads ? 1 : 0),
  );
  await Promise.all(
    perThread.map(async (count) => {
      for (let k = 0; k < count; k++) {
        await new Promise((resolve, reject) => {
          const w = new Worker(new URL(import.meta.url), { workerData: { iterations } });
          w.once("message", () => w.terminate().then(resolve));
          w.once("error", reject);
        });
      }
    }),
  );
  return (performance.now() - started) / 1000;
}
