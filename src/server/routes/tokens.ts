import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireAuth } from "../plugins/auth";
import { IssuedToken, IssueTokenBody, TokenInfo } from "../../api";
import { allTokens, issueToken, revokeToken, rotateToken } from "../services/token-admin";

/** Token management (admin only). The token text is shown once, in the answer to POST; only its hash is kept. */
export const tokenRoutes: FastifyPluginAsyncZod<{ pepper: string }> = async (app, opts) => {
  app.get(
    "/tokens",
    {
      config: { access: "admin" },
      schema: {
        summary: "List tokens (never their text)",
        tags: ["access"],
        response: { 200: z.object({ tokens: z.array(TokenInfo) }) },
      },
    },
    async () => ({ tokens: await allTokens(app.store.db) }),
  );

  app.post(
    "/tokens",
    {
      config: { access: "admin" },
      schema: { summary: "Issue a token", tags: ["access"], body: IssueTokenBody, response: { 201: IssuedToken } },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const issued = await issueToken(app.store.db, opts.pepper, request.body, app.clock().toISOString(), auth.tokenId);
      return reply.code(201).send(issued);
    },
  );

  app.post(
    "/tokens/:id/rotate",
    {
      config: { access: "admin" },
      schema: {
        summary: "Rotate a token: a successor that works at once; the old one keeps working overlapDays, then expires",
        tags: ["access"],
        params: z.object({ id: z.string().min(1).max(80) }),
        body: z
          .object({
            overlapDays: z.number().int().min(1).max(3650).optional(),
            expiresInDays: z.number().int().min(1).max(3650).nullable().optional(),
          })
          .strict(),
        response: { 201: z.object({ old: TokenInfo, issued: IssuedToken }) },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const rotated = await rotateToken(
        app.store.db,
        opts.pepper,
        request.params.id,
        app.clock().toISOString(),
        request.body,
        auth.tokenId,
      );
      app.forgetTokens();
      return reply.code(201).send(rotated);
    },
  );

  app.delete(
    "/tokens/:id",
    {
      config: { access: "admin" },
      schema: {
        summary: "Revoke a token (by id or id prefix)",
        tags: ["access"],
        params: z.object({ id: z.string().min(1).max(80) }),
        response: { 200: TokenInfo },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      const info = await revokeToken(app.store.db, request.params.id, app.clock().toISOString(), auth.tokenId);
      app.forgetTokens();
      return info;
    },
  );
};
