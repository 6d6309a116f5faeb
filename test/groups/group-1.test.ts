// One of the suite's test processes: see plan.ts.
import { runGroup } from "./plan.js";

runGroup(import.meta.url);
