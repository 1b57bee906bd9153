import { parentPort, workerData } from 'node:worker_threads';
import { createProcessor, type Task } from './process.js';

// One worker = one wink model and one copy of the lexicons, built once and reused for every task.
const processTask = createProcessor(workerData as { lexicons: string[] });
parentPort!.on('message', (task: Task) => {
  parentPort!.postMessage(processTask(task));
});
