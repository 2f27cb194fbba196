#!/usr/bin/env node
// The tsbpf executable: runs the compiled command line from dist/.
import { main } from "../dist/compiler/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
