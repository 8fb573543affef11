// pm.response: the response as Postman scripts read it, and its own assertions
// (pm.response.to.have.status(201), pm.response.to.have.header("Retry-After")), worded as
// Postman words them.
import { chain, check, show } from "./chain.mjs";
import { strict } from "./unsupported.mjs";

function header(headers, name) {
    const found = headers.find(([key]) => key.toLowerCase() === String(name).toLowerCase());
    return found?.[1];
}

const VOCABULARY = {
    flags: { not: "negate" },
    chainable: {},
    properties: {},
    methods: {
        status(state, expected) {
            const { code, reason } = state.subject;
            const pass = typeof expected === "number" ? code === expected : reason === expected;
            check(state, pass,
                `expected response to have status ${typeof expected === "number" ? "code" : "reason"} ${show(expected)} but got ${code} ${reason}`,
                `expected response to not have status ${show(expected)}`);
        },
        header(state, name, ...value) {
            const actual = header(state.subject.headers, name);
            if (value.length === 0) {
                check(state, actual !== undefined, `expected response to have header ${show(name)}`,
                    `expected response to not have header ${show(name)}`);
            } else {
                check(state, actual === value[0],
                    `expected response to have header ${show(name)} with value ${show(value[0])}, got ${show(actual)}`,
                    `expected response to not have header ${show(name)} with value ${show(value[0])}`);
            }
        },
    },
};

/** The pm.response object for one answered request. */
export function scriptResponse(answer) {
    const text = answer.body.toString("utf8");
    return strict({
        code: answer.code,
        status: answer.reason,
        responseTime: answer.timeMs,
        responseSize: answer.body.length,
        headers: strict({
            get: (name) => header(answer.headers, name),
            has: (name) => header(answer.headers, name) !== undefined,
            toObject: () => Object.fromEntries(answer.headers.map(([k, v]) => [k.toLowerCase(), v])),
        }, "pm.response.headers"),
        text: () => text,
        json: () => {
            try {
                return JSON.parse(text);
            } catch (error) {
                throw Object.assign(new Error(`pm.response.json(): the body is not JSON (${error.message})`), { name: "JSONError" });
            }
        },
        to: chain(VOCABULARY, { subject: answer, flags: {}, describe: "pm.response", path: ".to" }),
    }, "pm.response");
}
