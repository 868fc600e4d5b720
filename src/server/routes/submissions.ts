import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireAuth } from "../plugins/auth";
import { DryRunResponse, Receipt, SubmissionRequest } from "../../api";
import { SubmissionService } from "../services/submissions";

function clientOf(headers: Record<string, string | string[] | undefined>): string | null {
  const raw = headers["x-chitieu-client"] ?? headers["user-agent"];
  const text = Array.isArray(raw) ? raw[0] : raw;
  return text ? text.slice(0, 200) : null;
}

/** Submitting a report (or checking it with dryRun). See services/submissions.ts for the rules. */
export const submissionRoutes: FastifyPluginAsyncZod<{ checkBounds?: boolean }> = async (app, opts) => {
  const service = new SubmissionService(app, { checkBounds: opts.checkBounds });
  app.post(
    "/submissions",
    {
      schema: {
        summary: "Submit a report revision (or check it with dryRun: true)",
        description:
          "201: stored, with its receipt. 200: this submissionId was already stored with the same content (the stored receipt, replay: true), or a dry run's verdict. 409 CT_SUBMISSION_CONFLICT / CT_OUT_OF_DATE / CT_REPORT_LOCKED / CT_CATALOG_VERSION / CT_UNIT_RETIRED (the unit is retired from this period on; a dry run says so too); 422 CT_REPORT_INVALID / CT_JUSTIFICATION_REQUIRED with issues.",
        tags: ["submissions"],
        body: SubmissionRequest,
        response: { 200: Receipt.or(DryRunResponse), 201: Receipt },
      },
    },
    async (request, reply) => {
      const outcome = await service.submit(request.body, requireAuth(request), clientOf(request.headers));
      if (outcome.kind === "stored") return reply.code(201).send(outcome.receipt);
      if (outcome.kind === "replay") return reply.code(200).send(outcome.receipt);
      return reply.code(200).send(outcome.result);
    },
  );
};
