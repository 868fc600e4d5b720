/**
 * The demo classroom is a world of its own (issue 20). Demo units, demo tokens and demo submissions form one group:
 * - a demo token (a demo unit's, or the classroom's planner token issued with `--demo`) reaches demo units only —
 *   every route that names a unit asks `assertUnitAccess` (plugins/auth.ts), which refuses a real unit with 403
 *   CT_DEMO_FORBIDDEN; every list (completeness, consolidation and its exports, series, applicability) is the demo
 *   group's alone; an action that changes what real units use (the catalog) is refused;
 * - a real token's lists never hold a demo unit unless it asks for the demo group (`demo=true`), and then they hold
 *   the demo group alone: real and demo figures are never summed together.
 * test/server/demo-world.test.ts walks every route Fastify knows, so a new route cannot escape this.
 */
import type { FastifyRequest } from "fastify";
import { CT_DEMO_ACTION_FORBIDDEN, CT_DEMO_FORBIDDEN } from "./errors";
import { requireAuth } from "./plugins/auth";

/** Whether the request is the classroom's: a demo token, always; a real token, when it asked for the demo group. */
export function demoWorld(request: FastifyRequest, demoAsked = false): boolean {
  return requireAuth(request).demo || demoAsked;
}

/** The unit selection of a list: the demo group alone in the classroom, real units alone otherwise. */
export function worldSelection(request: FastifyRequest, demoAsked = false): { includeDemo: false; onlyDemo: boolean } {
  return { includeDemo: false, onlyDemo: demoWorld(request, demoAsked) };
}

/** An action on what real units use (the catalog): never from a demo token. */
export function assertRealWorld(request: FastifyRequest, action: string): void {
  if (requireAuth(request).demo) throw CT_DEMO_ACTION_FORBIDDEN({ action });
}

/** Every unit code of a request that writes (an applicability table, a unit): demo units only from a demo token. */
export function assertDemoUnits(request: FastifyRequest, unitCodes: Iterable<string>): void {
  if (!requireAuth(request).demo) return;
  const registry = request.server.reference.registry;
  for (const code of unitCodes) if (registry.byCode(code)?.demo !== true) throw CT_DEMO_FORBIDDEN({ unitCode: code });
}
