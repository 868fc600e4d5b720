import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { HandoutParams, parseHandoutFile } from "../../api";
import { attachmentHeader } from "../attachment";
import { handoutCache, type HandoutSources } from "../services/handout";

/**
 * GET /handouts/<role>.<lang>.pdf: the one-page quick guide of a role (clerk, planner) in a language (vi, en),
 * beside /help.html and like it public — a trainer prints it from a link, the handout holds no data. Made at the
 * first request (services/handout.ts), then kept; shown in the browser (inline) and saved under its own name.
 */
export const handoutRoutes: FastifyPluginAsyncZod<{ sources: HandoutSources }> = async (app, opts) => {
  const handout = handoutCache(opts.sources);
  app.get(
    "/handouts/:file",
    { config: { access: "public" }, schema: { hide: true, params: HandoutParams() } },
    async (request, reply) => {
      const { role, lang } = parseHandoutFile(request.params.file)!;
      const pdf = await handout(role, lang);
      return reply
        .type("application/pdf")
        .header("content-disposition", attachmentHeader(`chitieu-${role}.${lang}.pdf`, "inline"))
        .header("cache-control", "public, max-age=3600")
        .send(pdf);
    },
  );
};
