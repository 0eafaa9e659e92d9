#!/usr/bin/env node
// Loads the TypeScript CLI through tsx so that no build step is needed, from any directory.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
