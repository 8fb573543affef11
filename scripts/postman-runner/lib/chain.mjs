// The chai-style chain both pm.expect(value) and pm.response.to are built from: language words
// that only read well, flags (`not`, `deep`, `include` before `keys`, ...), assertions read as
// properties (`.true`) and assertions called as methods (`.equal(x)`). A word the vocabulary
// lacks throws UnsupportedPostmanApi naming the whole chain, so no assertion is ever skipped.
import { inspect } from "node:util";
import { unsupported } from "./unsupported.mjs";

export class AssertionError extends Error {
    constructor(message) {
        super(message);
        this.name = "AssertionError";
    }
}

/** A value as assertion messages show it: 'text', 200, [ 'a', 'b' ], { name: 'x' }. */
export function show(value) {
    return inspect(value, { depth: 2, breakLength: Infinity, maxArrayLength: 8, maxStringLength: 120 });
}

const LANGUAGE = new Set(["to", "be", "been", "is", "that", "which", "and", "has", "have", "with", "at", "of", "same", "but", "does", "still", "also"]);
const QUIET = new Set(["then", "toJSON", "constructor", "inspect", "nodeType", "asymmetricMatch"]);

/**
 * Builds a chain over `state` ({ subject, describe, message, flags, path }) with a vocabulary
 * `{ flags: {word: flagName}, properties: {word: fn(state)}, methods: {word: fn(state, ...args) -> state?},
 * chainable: {word: flagName} }`. A method returning a state continues the chain on it (as
 * `property(name)` moves on to the property's value).
 */
export function chain(vocabulary, state) {
    return new Proxy(Object.create(null), {
        get(_target, word) {
            if (typeof word === "symbol" || QUIET.has(word)) return undefined;
            const next = { ...state, path: `${state.path}.${word}` };
            if (LANGUAGE.has(word)) return chain(vocabulary, next);
            if (word in vocabulary.flags) {
                const flag = vocabulary.flags[word];
                return chain(vocabulary, { ...next, flags: { ...state.flags, [flag]: flag === "negate" ? !state.flags.negate : true } });
            }
            if (word in vocabulary.properties) {
                vocabulary.properties[word](next);
                return chain(vocabulary, next);
            }
            if (word in vocabulary.methods) {
                const method = (...args) => chain(vocabulary, vocabulary.methods[word](next, ...args) ?? next);
                if (!(word in vocabulary.chainable)) return method;
                // Like chai's chainable methods: `.include("x")` asserts, `.include.keys(...)` flags.
                const flagged = chain(vocabulary, { ...next, flags: { ...state.flags, [vocabulary.chainable[word]]: true } });
                return new Proxy(method, { get: (_m, inner) => flagged[inner] });
            }
            throw unsupported(`${state.describe}${state.path}.${word}`);
        },
    });
}

/** Passes when `pass` agrees with the chain's `not`; otherwise throws the matching message. */
export function check(state, pass, expectation, negation) {
    if (Boolean(pass) !== Boolean(state.flags.negate)) return;
    const text = state.flags.negate ? negation : expectation;
    throw new AssertionError(state.message ? `${state.message}: ${text}` : text);
}
