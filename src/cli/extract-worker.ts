// The entry of an extraction worker thread: the extraction resources are built once per worker (workerData.data is
// the --data folder, when given), then every document sent to it is extracted with them.
import { workerData } from 'node:worker_threads';
import { loadExtractor } from './extract-pool.ts';
import { serveJobs } from './worker-jobs.ts';

const { data } = (workerData ?? {}) as { data?: string };
serveJobs(() => loadExtractor(data));
