/**
 * Preloaded with `node --import` into every benchmarked process: at exit it
 * records the process's peak resident set size (getrusage ru_maxrss, KiB) and
 * CPU time (user + system, µs) as JSON into the file named by BENCH_RSS_OUT.
 * The command itself runs unchanged.
 */
import { writeFileSync } from "node:fs";

const out = process.env.BENCH_RSS_OUT;
if (out) {
  process.on("exit", () => {
    const u = process.resourceUsage();
    writeFileSync(
      out,
      JSON.stringify({ maxRssKb: u.maxRSS, cpuUs: u.userCPUTime + u.systemCPUTime }),
    );
  });
}
