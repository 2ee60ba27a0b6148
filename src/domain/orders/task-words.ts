import { isOrderable, TASK_TYPES, TASK_TYPE_TABLE, type TaskType } from '../shared/task-types';

/** The words of every task type (from the task type table), compiled once. */
const TASK_PATTERNS: ReadonlyArray<[TaskType, RegExp, number]> = TASK_TYPES.flatMap((task) =>
  TASK_TYPE_TABLE[task].words.map(([source, weight]): [TaskType, RegExp, number] => [
    task,
    new RegExp(source, 'gu'),
    weight,
  ]),
);

function strongest(folded: string, orderable: boolean): TaskType | undefined {
  let best: { task: TaskType; weight: number; index: number } | undefined;
  for (const [task, re, weight] of TASK_PATTERNS) {
    if (isOrderable(task) !== orderable) continue;
    re.lastIndex = 0;
    const m = re.exec(folded);
    if (!m) continue;
    const index = m.index;
    if (!best || weight > best.weight || (weight === best.weight && index < best.index)) {
      best = { task, weight, index };
    }
  }
  return best?.task;
}

/**
 * The orderable task type the words point at most strongly; on a tie, the one named first. The
 * types kept only for old rows (mentoring) are never the answer: "a lecture on mentoring" is a lecture.
 */
export function findTaskType(folded: string): TaskType | undefined {
  return strongest(folded, true);
}

/**
 * A type that is no longer ordered (mentoring) which the words ask for when they point at no
 * orderable type: the order card then says why and asks the type.
 */
export function findNotOrderableTaskType(folded: string): TaskType | undefined {
  return findTaskType(folded) ? undefined : strongest(folded, false);
}
