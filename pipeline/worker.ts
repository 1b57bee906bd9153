import { parentPort, workerData } from 'node:worker_threads';
import writeFileAtomic from 'write-file-atomic';
import { createProcessor, type Task } from './process.js';

// One worker = one wink model and one copy of the lexicons, built once and reused for every task.
const processTask = createProcessor(workerData as { lexicons: string[] });
parentPort!.on('message', (task: Task) => {
  const done = processTask(task);
  // The report goes to disk from here: the main thread, which feeds the corpus products, never
  // receives or writes it. Written whole under a temporary name, then renamed.
  if (task.reportPath) {
    writeFileAtomic.sync(task.reportPath, done.json, { fsync: false });
    done.json = '';
    done.written = true;
  }
  parentPort!.postMessage(done);
});
