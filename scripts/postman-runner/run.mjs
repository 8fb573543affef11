#!/usr/bin/env node
// Runs a Postman Collection v2.1 the way newman does — its real pre-request and test scripts,
// in Node's vm, against a live server — for machines without newman (issue 18). What it does
// not implement fails the run by name; see lib/unsupported.mjs.
//
//   node scripts/postman-runner/run.mjs COLLECTION.json [-e ENVIRONMENT.json] [--env-var NAME=VALUE]...
//        [--folder NAME]... [--timeout-request MS]
//
// The options are newman's. Output is newman-like and ends with "N passed, M failed": N passed
// assertions, M failures (failed assertions, script errors, refused or failed requests, and
// requests no pm.test asserted on); exit 1 when M > 0.
import { readFileSync } from "node:fs";
import { plan } from "./lib/collection.mjs";
import { send } from "./lib/http.mjs";
import { Report } from "./lib/report.mjs";
import { wireRequest } from "./lib/request.mjs";
import { scriptResponse } from "./lib/response.mjs";
import { runScript } from "./lib/sandbox.mjs";
import { unsupportedUses } from "./lib/unsupported.mjs";
import { collectionValues, environmentValues, Variables } from "./lib/variables.mjs";

const USAGE = "usage: run.mjs COLLECTION.json [-e ENVIRONMENT.json] [--env-var NAME=VALUE]... [--folder NAME]... [--timeout-request MS]";
// setNextRequest may loop (the pagination walk does); a run longer than this is a runaway loop.
const MAX_RUNS_PER_REQUEST = 100;

function parseArguments(argv) {
    const options = { envVars: [], folders: [], timeoutMs: 30_000 };
    for (let i = 0; i < argv.length; i++) {
        const [flag, value] = [argv[i], argv[i + 1]];
        const needsValue = () => {
            if (value === undefined) throw new Error(`${flag} needs a value`);
            i++;
            return value;
        };
        if (flag === "-e" || flag === "--environment") options.environment = needsValue();
        else if (flag === "--env-var") options.envVars.push(needsValue());
        else if (flag === "--folder") options.folders.push(needsValue());
        else if (flag === "--timeout-request") options.timeoutMs = Number(needsValue());
        else if (flag === "-h" || flag === "--help") options.help = true;
        else if (!flag.startsWith("-") && !options.collection) options.collection = flag;
        else throw new Error(`unknown argument ${flag}`);
    }
    if (!options.help && !options.collection) throw new Error("no collection given");
    return options;
}

function loadJSON(path) {
    return JSON.parse(readFileSync(path, "utf8"));
}

/** Runs the scripts of one `listen` kind in order; stops after one that skips the request. */
function runScripts(entry, kind, context, report) {
    let next;
    for (const script of entry.scripts.filter((s) => s.listen === kind)) {
        const outcome = runScript(script.source, { kind, origin: script.origin }, context);
        report.script(kind, outcome);
        if (outcome.next !== undefined) next = outcome.next;
        if (outcome.skip) return { next, skippedBy: script.origin };
    }
    return { next };
}

async function runRequest(entry, variables, report, timeoutMs) {
    report.request(entry);
    const info = { requestName: entry.name, requestId: entry.name };
    const before = runScripts(entry, "prerequest", { variables, info }, report);
    if (before.skippedBy) {
        report.skipped(before.skippedBy);
        return before.next;
    }
    let request, answer;
    try {
        request = wireRequest(entry, variables);
    } catch (error) {
        report.problem(error, "request");
        return before.next;
    }
    try {
        answer = await send(request, { timeoutMs, followRedirects: entry.followRedirects });
    } catch (error) {
        report.problem(error, `request ${request.method} ${request.url}`);
        return before.next;
    }
    report.answered(request, answer);
    const assertionsBefore = report.counts.assertions[0];
    const after = runScripts(entry, "test", { variables, info, response: scriptResponse(answer) }, report);
    // A request nothing asserts on passes whatever the server answers: the very thing issue 18 is about.
    if (report.counts.assertions[0] === assertionsBefore) {
        report.problem(Object.assign(new Error("no pm.test ran for this request, so any answer would pass"), { name: "NoAssertion" }), "tests");
    }
    return after.next !== undefined ? after.next : before.next;
}

async function main() {
    const options = parseArguments(process.argv.slice(2));
    if (options.help) return console.log(USAGE);
    const collection = loadJSON(options.collection);
    const environmentFile = options.environment ? loadJSON(options.environment) : { name: "", values: [] };
    const environment = environmentValues(environmentFile);
    for (const pair of options.envVars) {
        const at = pair.indexOf("=");
        if (at < 1) throw new Error(`--env-var needs NAME=VALUE, got ${pair}`);
        environment.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const variables = new Variables({ collection: collectionValues(collection), environment, environmentName: environmentFile.name });
    const report = new Report();
    const started = Date.now();
    report.title(`${collection.info?.name ?? "collection"}${environmentFile.name ? ` (environment: ${environmentFile.name})` : ""}`);
    let entries = [];
    try {
        entries = plan(collection, options.folders);
    } catch (error) {
        report.problem(error, "the collection");
    }
    let runs = 0;
    for (let index = 0; index < entries.length;) {
        if (++runs > MAX_RUNS_PER_REQUEST * entries.length) {
            report.problem(new Error(`more than ${MAX_RUNS_PER_REQUEST} runs per request: a postman.setNextRequest loop?`), "the run");
            break;
        }
        const next = await runRequest(entries[index], variables, report, options.timeoutMs);
        if (next === undefined) index++;
        else if (next === null) break;
        else {
            index = entries.findIndex((entry) => entry.name === next);
            if (index < 0) {
                report.problem(new Error(`postman.setNextRequest(${JSON.stringify(next)}) names no request of this run`), "the run");
                break;
            }
        }
    }
    // An unsupported API a script caught and ignored still fails the run.
    for (const error of unsupportedUses().filter((e) => !e.reported)) report.problem(error, "caught by a script");
    report.summary(Date.now() - started);
    return report.failures.length === 0 ? 0 : 1;
}

main().then((code) => { process.exitCode = code ?? 0; }, (error) => {
    console.error(`run.mjs: ${error.message}\n${USAGE}`);
    process.exitCode = 2;
});
