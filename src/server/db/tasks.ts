/**
 * The key-task register in the database (table `task_version`): read every version, add a file's worth in one go,
 * and seed the starter list (public sources, to be confirmed) with the city units it names on a register that has
 * never held a task.
 */
import type { Kysely } from "kysely";
import { DEMO_TASKS, defaultTaskRegister, taskUnits, type Task, type TaskRegister } from "../../domain";
import type { Database } from "./schema";
import { insertMissingUnits } from "./units";

export async function loadTaskRegister(db: Kysely<Database>): Promise<TaskRegister> {
  const rows = await db
    .selectFrom("task_version")
    .select(["body"])
    .orderBy("created_at")
    .orderBy("task_id")
    .orderBy("from_period")
    .execute();
  return { tasks: rows.map((r) => JSON.parse(r.body) as Task) };
}

/**
 * Add versions (run it inside the caller's transaction: all or nothing). The same task and period again replaces
 * that version; versions from other periods stay, so earlier periods keep theirs.
 */
export async function addTaskVersions(
  db: Kysely<Database>,
  tasks: readonly Task[],
  tokenId: string | null,
  now: string,
): Promise<void> {
  for (let i = 0; i < tasks.length; i += 200) {
    await db
      .insertInto("task_version")
      .values(
        tasks.slice(i, i + 200).map((t) => ({
          task_id: t.id,
          from_period: t.effectiveFrom,
          list: t.list,
          body: JSON.stringify(t),
          token_id: tokenId,
          created_at: now,
        })),
      )
      .onConflict((oc) =>
        oc.columns(["task_id", "from_period"]).doUpdateSet((eb) => ({
          list: eb.ref("excluded.list"),
          body: eb.ref("excluded.body"),
          token_id: eb.ref("excluded.token_id"),
          created_at: eb.ref("excluded.created_at"),
        })),
      )
      .execute();
  }
}

/**
 * On a register that has never held a task: the city units the starter list names (added to the unit list, to be
 * confirmed), the starter list itself and the trainers' demo tasks. Never again afterwards: a planner's register is never overwritten.
 */
export async function seedTaskRegister(db: Kysely<Database>, now: string): Promise<{ tasksInserted: number }> {
  const any = await db.selectFrom("task_version").select("task_id").limit(1).executeTakeFirst();
  if (any) return { tasksInserted: 0 };
  await insertMissingUnits(db, taskUnits(), now);
  const tasks = [...defaultTaskRegister().tasks, ...DEMO_TASKS];
  await addTaskVersions(db, tasks, null, now);
  return { tasksInserted: tasks.length };
}
