/**
 * The wire contract (src/api) read back by its clients: real answers of a real server over real HTTP, parsed with the
 * same schemas the server serialized them with, must come back whole (nothing dropped, nothing changed); and the
 * task pane's client, with Node's fetch, must read the same receipt.
 */
import type { AddressInfo } from "node:net";
import {
  CompletenessResponse,
  ConsolidationResponse,
  DryRunResponse,
  HistoryResponse,
  MeResponse,
  PeriodsResponse,
  Problem,
  Receipt,
  ReportResponse,
  paths,
  queryString,
} from "../../src/api";
import { answerOf, createEndpointClient, problemOf, type EndpointClient } from "../../src/cli/client";
import { createHttpClient } from "../../src/taskpane/api/client";
import { body, dialects, OTHER, setup, UNIT, type Fixture } from "./helpers";

for (const dialect of dialects()) {
  describe(`${dialect}: the api schemas read the server's own answers`, () => {
    let f: Fixture;
    let endpoint: string;
    let unit: EndpointClient;
    let planner: EndpointClient;
    beforeAll(async () => {
      f = await setup(dialect);
      await f.app.listen({ port: 0, host: "127.0.0.1" });
      endpoint = `http://127.0.0.1:${(f.app.server.address() as AddressInfo).port}`;
      unit = createEndpointClient({ endpoint: `${endpoint}/api/v1/`, token: f.tokens.unit });
      planner = createEndpointClient({ endpoint, token: f.tokens.planner });
    });
    afterAll(async () => {
      await f.close();
    });

    it("round-trips a receipt, its replay, a dry run, the report and its history", async () => {
      const b = body(f.app, { period: "2026-Q1" });
      const dry = await unit.request("POST", paths.submissions, { ...b, dryRun: true });
      expect(dry.status).toBe(200);
      expect(answerOf(unit, dry, DryRunResponse)).toEqual(dry.json);

      const stored = await unit.request("POST", paths.submissions, b);
      expect(stored.status).toBe(201);
      const receipt = answerOf(unit, stored, Receipt);
      expect(receipt).toEqual(stored.json);
      expect(receipt).toMatchObject({ submissionId: b.submissionId, unitCode: UNIT, revision: 1, replay: false });

      const replay = await unit.request("POST", paths.submissions, b);
      expect(replay.status).toBe(200);
      expect(answerOf(unit, replay, Receipt)).toEqual({ ...receipt, replay: true });

      const report = await unit.request("GET", paths.report(UNIT, "2026-Q1"));
      expect(answerOf(unit, report, ReportResponse)).toEqual(report.json);
      const history = await unit.request("GET", paths.reportHistory(UNIT, "2026-Q1"));
      expect(answerOf(unit, history, HistoryResponse)).toEqual(history.json);
      for (const [path, schema] of [
        [paths.me, MeResponse],
        [paths.periods, PeriodsResponse],
      ] as const) {
        const res = await unit.request("GET", path);
        expect(answerOf(unit, res, schema)).toEqual(res.json);
      }
    });

    it("round-trips the planner's completeness and consolidation", async () => {
      const q = { period: "2026-Q1", group: "wards" };
      const done = await planner.request("GET", `${paths.completeness}${queryString(q)}`);
      expect(answerOf(planner, done, CompletenessResponse)).toEqual(done.json);
      const cons = await planner.request("GET", `${paths.consolidation}${queryString({ ...q, basis: "latest" })}`);
      const parsed = answerOf(planner, cons, ConsolidationResponse);
      expect(parsed).toEqual(cons.json);
      expect(parsed.unitsIncluded).toContain(UNIT);
    });

    it("reads a refusal as the Problem schema, and the CLI's problemOf agrees", async () => {
      const res = await unit.request("GET", paths.report(OTHER, "2026-Q1"));
      expect(res.status).toBe(403);
      expect(Problem.parse(res.json)).toEqual(res.json);
      expect(problemOf(res)).toMatchObject({ code: Problem.parse(res.json).code });
    });

    it("gives the task pane's client, over Node's fetch, the same receipt", async () => {
      const pane = createHttpClient({ fetch: globalThis.fetch, pageOrigin: null, isOnline: () => true });
      const conn = { endpoint, token: f.tokens.other };
      const b = body(f.app, { unitCode: OTHER, period: "2026-Q1" }, 3);
      const receipt = await pane.submit(conn, { ...b, dryRun: false });
      const other = createEndpointClient({ endpoint, token: f.tokens.other });
      const again = await other.request("POST", paths.submissions, b);
      const wire = answerOf(other, again, Receipt);
      expect(receipt).toEqual({
        submissionId: wire.submissionId,
        revision: wire.revision,
        receivedAt: wire.receivedAt,
        status: wire.status,
        replay: false,
      });
      expect(wire.replay).toBe(true);
    });
  });
}
