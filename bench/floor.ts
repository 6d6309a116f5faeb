/**
 * The floor of the benchmark: a bare node process that only reads and
 * `yaml.parse`s a file. No CLI can be faster than this on the same file.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";

const file = process.argv[2];
if (file === undefined) throw new Error("usage: node floor.js FILE");
const value: unknown = parse(readFileSync(file, "utf8"));
if (!Array.isArray(value)) process.exitCode = 1;
