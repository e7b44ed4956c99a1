/**
 * A Vitest reporter for mutation runs only: a test file that fails outside its tests (its import
 * throws, or a `describe` body does) gets one failed test carrying the file's errors.
 *
 * Why: Stryker's Vitest runner (9.6) builds a mutant's result from the tests it finds, and such a
 * file has none that failed, so a mutant that stops a module from loading (a broken pattern in
 * text-fold.ts's module-level spellings, say) is reported Survived although `vitest run` fails on it
 * (stryker-js issue #6150). The runner reads `vitest.state` after the run, which this fills in.
 */
import type { RunnerTask, RunnerTestCase, RunnerTestFile } from 'vitest';
import type { Reporter, Vitest } from 'vitest/node';

const hasFailedTest = (task: RunnerTask): boolean =>
  task.type === 'test' ? task.result?.state === 'fail' : 'tasks' in task && task.tasks.some(hasFailedTest);

export class FailedFileAsFailedTest implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest) {
    this.vitest = vitest;
  }

  onTestRunEnd() {
    for (const file of this.vitest?.state.getFiles() ?? []) {
      if (file.result?.state === 'fail' && !hasFailedTest(file)) file.tasks.push(loadFailure(file));
    }
  }
}

function loadFailure(file: RunnerTestFile): RunnerTestCase {
  const test: Omit<RunnerTestCase, 'context'> = {
    type: 'test',
    id: `${file.id}_file`,
    name: 'the file runs',
    fullName: `${file.name} > the file runs`,
    fullTestName: 'the file runs',
    mode: 'run',
    meta: {},
    file,
    suite: file,
    timeout: 0,
    annotations: [],
    artifacts: [],
    result: { state: 'fail', errors: file.result?.errors ?? [] },
  };
  // Only a test being run has a context; nothing reads it once the run is over.
  return test as RunnerTestCase;
}
