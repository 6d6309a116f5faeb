import { resolve } from "node:path";
import { type Args, stringOpt } from "./command.js";
import type { Io } from "./io.js";

/** The --data folder, resolved against the working directory. */
export function resolveData(args: Args, io: Io): string {
  return resolve(io.cwd, stringOpt(args, "data") ?? "data");
}
