import { SingleBar } from "cli-progress";
import { PROGRESS_SLOTS } from "./job.ts";

export interface ProgressDisplay {
  /** A replication finished (its result is stored). */
  replicationDone(replication: number): void;
  stop(): void;
}

const NONE: ProgressDisplay = { replicationDone() {}, stop() {} };

/** Without a terminal a bar would only litter logs; one line per stored replication says the same. */
function lineProgress(replications: number): ProgressDisplay {
  const started = Date.now();
  let done = 0;
  return {
    replicationDone(replication) {
      done++;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stderr.write(`replication ${replication} stored (${done} of ${replications}, ${seconds} s)\n`);
    },
    stop() {},
  };
}

function timeLeft(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`;
}

/**
 * A progress bar on stderr fed by the shared cells the workers write: replications done, simulated days,
 * events per second and time left; one line per stored replication when stderr is not a terminal.
 */
export function startProgress(
  cells: SharedArrayBuffer,
  replications: number,
  horizonDays: number,
  enabled: boolean,
): ProgressDisplay {
  if (!enabled) return NONE;
  if (!process.stderr.isTTY) return lineProgress(replications);
  const view = new Float64Array(cells);
  const started = Date.now();
  let done = 0;
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format:
        "{bar} {percentage}% | replications {done}/{replications} | day {day}/{horizon} | {eps} events/s | time left {left}",
      hideCursor: true,
      clearOnComplete: true,
    },
    undefined,
  );
  const total = Math.max(1, replications * horizonDays);
  bar.start(total, 0, { done, replications, day: 0, horizon: horizonDays, eps: "0", left: "…" });
  const tick = () => {
    let days = 0;
    let events = 0;
    let furthest = 0;
    for (let i = 0; i < replications; i++) {
      const day = view[i * PROGRESS_SLOTS] ?? 0;
      days += day;
      events += view[i * PROGRESS_SLOTS + 2] ?? 0;
      if (day < horizonDays) furthest = Math.max(furthest, day);
    }
    const seconds = (Date.now() - started) / 1000;
    const eps = seconds > 0 ? Math.round(events / seconds).toLocaleString("en-US") : "0";
    // Simulated days are the unit of work: time left is the elapsed time per day done, times days to go.
    const left = days > 0 ? timeLeft((seconds * (total - days)) / days) : "…";
    bar.update(Math.min(total, days), { done, day: Math.floor(furthest), eps, left });
  };
  const timer = setInterval(tick, 250);
  timer.unref();
  return {
    replicationDone() {
      done++;
      tick();
    },
    stop() {
      clearInterval(timer);
      tick();
      bar.stop();
    },
  };
}
