// Worker threads do not inherit tsx's loader hooks on Node 20, so each worker loads its TypeScript module here.
import { workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const mod = await tsImport(workerData.moduleUrl, import.meta.url);
export default mod.default;
