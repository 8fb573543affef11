// Runs one pre-request or test script in a fresh vm context holding only `pm`, `postman` and
// `console` besides JavaScript's own globals: a script reaching for anything else (lodash,
// require, the legacy `tests[...]` globals, setTimeout) fails with a ReferenceError rather than
// being ignored.
import vm from "node:vm";
import { expect } from "./expect.mjs";
import { strict, unsupported } from "./unsupported.mjs";

const SCRIPT_TIMEOUT_MS = 10_000;

/**
 * Runs `source` and answers { assertions: [{name, error?}], error?, skip, next }.
 * `next` is undefined unless the script called postman.setNextRequest (null stops the run).
 * `where` = { kind: "prerequest" | "test", origin (the collection, folder or request it belongs to) }.
 */
export function runScript(source, where, { variables, info, response }) {
    const outcome = { assertions: [], skip: false, next: undefined, logs: [] };
    const test = (name, body) => {
        try {
            const result = body();
            if (result && typeof result.then === "function") throw unsupported(`an async pm.test callback ("${name}")`);
            outcome.assertions.push({ name });
        } catch (error) {
            outcome.assertions.push({ name, error });
        }
    };
    const execution = {
        skipRequest() {
            // As Postman's sandbox: skipping only means something before the request is sent.
            if (where.kind !== "prerequest") throw new TypeError("pm.execution.skipRequest is not a function");
            outcome.skip = true;
        },
    };
    const pm = strict({
        test: strict(test, "pm.test"),
        expect: strict(expect, "pm.expect"),
        info: strict({ ...info, eventName: where.kind, iteration: 0, iterationCount: 1 }, "pm.info"),
        execution: strict(execution, "pm.execution"),
        ...variables.sandboxScopes(),
        ...(response ? { response } : {}),
    }, "pm");
    const postman = strict({ setNextRequest: (name) => void (outcome.next = name) }, "postman");
    const log = (...parts) => outcome.logs.push(parts.map((p) => (typeof p === "string" ? p : JSON.stringify(p))).join(" "));
    const console = strict({ log, info: log, warn: log, error: log }, "console");
    try {
        vm.runInNewContext(source, { pm, postman, console }, { filename: `${where.origin} (${where.kind})`, timeout: SCRIPT_TIMEOUT_MS });
    } catch (error) {
        outcome.error = error;
    }
    return outcome;
}
