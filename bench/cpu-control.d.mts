/** Wall seconds for `tasks` equal pure-CPU loops spread over `threads` worker threads. */
export function controlSeconds(threads: number, tasks: number, iterations: number): Promise<number>;
