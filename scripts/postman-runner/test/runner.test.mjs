// Tests of scripts/postman-runner (issue 18), against a real zis-mock over real sockets: broken
// collections make the run fail, each for its own named reason; the shipped collection passes
// on a fresh server with either environment. Needs ZIS_MOCK_BIN (scripts/test-postman-runner sets it).
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const RUNNER = join(ROOT, "scripts", "postman-runner", "run.mjs");
const SHIPPED = join(ROOT, "postman", "zis-mock.postman_collection.json");
const LOCAL = join(ROOT, "postman", "zis-mock-local.postman_environment.json");
const ZENDESK = join(ROOT, "postman", "zendesk.postman_environment.json");
const SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
// The built-in seed's admin (seed-data/default.json).
const SEED_ADMIN = { email: "admin@example.com", apiToken: "zis-mock-admin-api-token" };
const work = mkdtempSync(join(tmpdir(), "postman-runner-test-"));

/** Starts zis-mock on a free port; answers { url, stop }. */
function startServer() {
    const binary = process.env.ZIS_MOCK_BIN;
    assert.ok(binary, "ZIS_MOCK_BIN must name a built zis-mock");
    const child = spawn(binary, ["--host", "127.0.0.1", "--port", "0", "--log-level", "warning"], { stdio: ["ignore", "pipe", "inherit"] });
    return new Promise((resolve, reject) => {
        let seen = "";
        child.stdout.on("data", (chunk) => {
            seen += chunk;
            const match = seen.match(/"event":"listening","url":"([^"]+)"/);
            if (match) resolve({ url: match[1], stop: () => child.kill() });
        });
        child.on("exit", (code) => reject(new Error(`zis-mock exited (${code}) before listening`)));
    });
}

function run(collectionPath, ...args) {
    const result = spawnSync(process.execPath, [RUNNER, collectionPath, ...args], { encoding: "utf8", timeout: 120_000 });
    const lines = result.stdout.trimEnd().split("\n");
    return { status: result.status, output: result.stdout + result.stderr, tally: lines.at(-1) };
}

let fixtures = 0;
/** A one-request collection (GET {{base_url}}/__admin/health unless `request` says otherwise). */
function collection({ tests = [], prerequest, request = {}, auth, variable } = {}) {
    const item = {
        name: "the request",
        request: { method: "GET", url: { raw: "{{base_url}}/__admin/health" }, ...request },
        event: [{ listen: "test", script: { exec: tests } }],
    };
    if (prerequest) item.event.unshift({ listen: "prerequest", script: { exec: prerequest } });
    const document = { info: { name: "fixture", schema: SCHEMA }, item: [item], ...(auth ? { auth } : {}), ...(variable ? { variable } : {}) };
    const path = join(work, `fixture-${++fixtures}.postman_collection.json`);
    writeFileSync(path, JSON.stringify(document));
    return path;
}

describe("broken collections fail the run", () => {
    let server;
    before(async () => { server = await startServer(); });
    after(() => server.stop());
    const runAgainst = (path) => run(path, "--env-var", `base_url=${server.url}`);

    test("a failing assertion", () => {
        const result = runAgainst(collection({ tests: [`pm.test("status is 201", function () { pm.response.to.have.status(201); });`] }));
        assert.equal(result.status, 1, result.output);
        assert.match(result.output, /✗ {2}1\. status is 201/);
        assert.match(result.output, /expected response to have status code 201 but got 200 OK/);
        assert.equal(result.tally, "0 passed, 1 failed");
    });

    test("an unsupported API (pm.sendRequest)", () => {
        const result = runAgainst(collection({ tests: [
            `pm.test("status is 200", function () { pm.response.to.have.status(200); });`,
            `pm.sendRequest("http://example.com", function () {});`,
        ] }));
        assert.equal(result.status, 1, result.output);
        assert.match(result.output, /UnsupportedPostmanApi: test-script/);
        assert.match(result.output, /pm\.sendRequest is not implemented by this runner/);
        assert.equal(result.tally, "1 passed, 1 failed");
    });

    test("a script that throws", () => {
        const result = runAgainst(collection({ tests: [
            `pm.test("status is 200", function () { pm.response.to.have.status(200); });`,
            `throw new Error("the script broke");`,
        ] }));
        assert.equal(result.status, 1, result.output);
        assert.match(result.output, /Error in test-script/);
        assert.match(result.output, /the script broke/);
        assert.equal(result.tally, "1 passed, 1 failed");
    });

    test("an unsupported chai chain, even when the script catches the error", () => {
        const result = runAgainst(collection({ tests: [
            `pm.test("status is 200", function () { pm.response.to.have.status(200); });`,
            `try { pm.expect(1).to.be.frobnicated; } catch (ignored) {}`,
        ] }));
        assert.equal(result.status, 1, result.output);
        assert.match(result.output, /pm\.expect\(…\)\.to\.be\.frobnicated is not implemented/);
        assert.equal(result.tally, "1 passed, 1 failed");
    });

    test("a request no pm.test asserts on", () => {
        const result = runAgainst(collection({ tests: [`console.log("looked, asserted nothing");`] }));
        assert.equal(result.status, 1, result.output);
        assert.match(result.output, /NoAssertion/);
        assert.equal(result.tally, "0 passed, 1 failed");
    });

    test("a variable defined in no scope", () => {
        const result = runAgainst(collection({ request: { url: { raw: "{{base_url}}/__admin/{{nowhere}}" } },
            tests: [`pm.test("any", function () {});`] }));
        assert.equal(result.status, 1, result.output);
        assert.match(result.output, /uses \{\{nowhere\}\}, defined in no scope/);
    });

    test("an auth type the runner does not implement", () => {
        const result = runAgainst(collection({ auth: { type: "awsv4", awsv4: [] }, tests: [`pm.test("any", function () {});`] }));
        assert.equal(result.status, 1, result.output);
        assert.match(result.output, /"awsv4" auth is not implemented/);
    });

    test("a legacy global (tests[...]) is a ReferenceError, not a silent pass", () => {
        const result = runAgainst(collection({ tests: [`tests["status is 200"] = responseCode.code === 200;`] }));
        assert.equal(result.status, 1, result.output);
        assert.match(result.output, /ReferenceError in test-script/);
    });
});

describe("what the shipped collection relies on works", () => {
    let server;
    before(async () => { server = await startServer(); });
    after(() => server.stop());

    test("Basic auth, nested {{variables}} and collection variables reach the wire", () => {
        const path = collection({
            request: { url: { raw: "{{list}}" } },
            variable: [{ key: "list", value: "{{base_url}}/api/services/zis/integrations/{{integration}}/connections/all" }, { key: "integration", value: "acme_crm_sync" }],
            auth: { type: "basic", basic: [{ key: "username", value: "someone@example.com/token" }, { key: "password", value: "x" }] },
            tests: [`pm.test("Basic credentials get 403", function () {`,
                `  pm.response.to.have.status(403);`,
                `  pm.expect(pm.response.json().errors[0].title).to.equal("API token is not supported");`, `});`],
        });
        const result = run(path, "--env-var", `base_url=${server.url}`);
        assert.equal(result.status, 0, result.output);
        assert.equal(result.tally, "1 passed, 0 failed");
    });

    test("pm.execution.skipRequest skips the request and its tests", () => {
        const result = run(collection({ prerequest: [`pm.execution.skipRequest();`], tests: [`pm.test("never runs", function () { throw new Error("ran"); });`] }),
            "--env-var", `base_url=${server.url}`);
        assert.equal(result.status, 0, result.output);
        assert.match(result.output, /skipped by pm\.execution\.skipRequest\(\)/);
        assert.equal(result.tally, "0 passed, 0 failed");
    });

    test("postman.setNextRequest repeats a request until the script stops it", () => {
        const result = run(collection({ tests: [
            `const n = Number(pm.collectionVariables.get("n") || "0") + 1;`,
            `pm.collectionVariables.set("n", String(n));`,
            `pm.test("pass " + n, function () { pm.response.to.have.status(200); });`,
            `if (n < 3) postman.setNextRequest(pm.info.requestName);`,
        ] }), "--env-var", `base_url=${server.url}`);
        assert.equal(result.status, 0, result.output);
        assert.equal(result.tally, "3 passed, 0 failed");
    });
});

describe("the shipped collection", () => {
    test("passes against a fresh zis-mock with the zis-mock (local) environment, nothing skipped", async () => {
        const server = await startServer();
        try {
            const result = run(SHIPPED, "-e", LOCAL, "--env-var", `base_url=${server.url}`);
            assert.equal(result.status, 0, result.output);
            assert.match(result.tally, /^[1-9]\d* passed, 0 failed$/, result.output);
            assert.match(result.output, /skipped requests: 0,/);
            assert.match(result.output, /the walk ends with has_more false/);
        } finally {
            server.stop();
        }
    });

    test("with the Zendesk environment (is_mock false) runs only what holds for Zendesk, and passes", async () => {
        const server = await startServer();
        try {
            // What a Zendesk user has: a registered integration, its client secret and an admin's
            // API token, but no ZIS token: the collection gets one (client credentials) and uses it.
            const registered = await fetch(`${server.url}/api/services/zis/registry/zendesk_like`, {
                method: "POST",
                headers: { "Content-Type": "application/json", Authorization: `Basic ${Buffer.from(`${SEED_ADMIN.email}/token:${SEED_ADMIN.apiToken}`).toString("base64")}` },
                body: JSON.stringify({ description: "as on a Zendesk account" }),
            });
            assert.equal(registered.status, 200);
            const { secret } = (await registered.json()).zendesk_oauth_client;
            const result = run(SHIPPED, "-e", ZENDESK, "--env-var", `base_url=${server.url}`,
                "--env-var", "integration_key=zendesk_like", "--env-var", `client_secret=${secret}`,
                "--env-var", `admin_email=${SEED_ADMIN.email}`, "--env-var", `admin_api_token=${SEED_ADMIN.apiToken}`);
            assert.equal(result.status, 0, result.output);
            assert.match(result.tally, /^[1-9]\d* passed, 0 failed$/, result.output);
            assert.match(result.output, /skipped requests: [1-9]/);
            assert.doesNotMatch(result.output, /\/__admin\/\S+ \[/, "no /__admin/ request was sent");
            assert.doesNotMatch(result.output, /POST \S+\/registry\//, "nothing was registered");
        } finally {
            server.stop();
        }
    });

    test("one folder runs alone with --folder", async () => {
        const server = await startServer();
        try {
            const result = run(SHIPPED, "-e", LOCAL, "--env-var", `base_url=${server.url}`, "--folder", "API key");
            assert.equal(result.status, 0, result.output);
            assert.doesNotMatch(result.output, /❏ All Connections/);
            assert.match(result.output, /❏ API key/);
        } finally {
            server.stop();
        }
    });
});
