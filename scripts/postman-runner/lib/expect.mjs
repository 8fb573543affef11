// pm.expect: the subset of chai's BDD assertions that Postman scripts commonly use, with
// chai's wording. Values may come from the script's own realm (its vm context), so types are
// told by Array.isArray / Object.prototype.toString and equality is structural, never by
// prototype identity.
import { chain, check, show } from "./chain.mjs";

/** chai's type names: 'null', 'array', 'object', 'string', 'number', 'boolean', 'undefined', 'regexp', ... */
export function typeOf(value) {
    if (value === null) return "null";
    if (Array.isArray(value)) return "array";
    return Object.prototype.toString.call(value).slice(8, -1).toLowerCase();
}

export function deepEqual(a, b) {
    if (Object.is(a, b)) return true;
    const type = typeOf(a);
    if (type !== typeOf(b)) return false;
    if (type === "array") return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
    if (type === "object") {
        const keys = Object.keys(a);
        return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]));
    }
    if (type === "date" || type === "regexp") return String(a) === String(b);
    return false;
}

const article = (type) => (/^[aeiou]/.test(type) ? "an" : "a");
const same = (state, a, b) => (state.flags.deep ? deepEqual(a, b) : a === b);

function includes(state, container, needle) {
    const type = typeOf(container);
    if (type === "string") return container.includes(needle);
    if (type === "array") return container.some((item) => same(state, item, needle));
    if (type === "object" && typeOf(needle) === "object") {
        return Object.keys(needle).every((key) => Object.hasOwn(container, key) && same(state, container[key], needle[key]));
    }
    return false;
}

function compare(word, holds) {
    return (state, bound) => {
        check(state, typeof state.subject === "number" && holds(state.subject, bound),
            `expected ${show(state.subject)} to be ${word} ${show(bound)}`,
            `expected ${show(state.subject)} to not be ${word} ${show(bound)}`);
    };
}

function keys(state, ...given) {
    const wanted = given.length === 1 && Array.isArray(given[0]) ? [...given[0]] : given;
    const subject = state.subject;
    const actual = typeOf(subject) === "object" ? Object.keys(subject) : [];
    const present = wanted.filter((key) => actual.includes(key));
    let pass, how;
    if (state.flags.any) [pass, how] = [present.length > 0, "any of"];
    else if (state.flags.contains) [pass, how] = [present.length === wanted.length, "all of"];
    else [pass, how] = [present.length === wanted.length && actual.length === wanted.length, "exactly"];
    check(state, pass,
        `expected ${show(subject)} to have ${how} keys ${show(wanted)}`,
        `expected ${show(subject)} to not have ${how} keys ${show(wanted)}`);
}

function typeIs(state, type) {
    const wanted = String(type).toLowerCase();
    check(state, typeOf(state.subject) === wanted,
        `expected ${show(state.subject)} to be ${article(wanted)} ${wanted}`,
        `expected ${show(state.subject)} not to be ${article(wanted)} ${wanted}`);
}

function include(state, needle) {
    check(state, includes(state, state.subject, needle),
        `expected ${show(state.subject)} to include ${show(needle)}`,
        `expected ${show(state.subject)} to not include ${show(needle)}`);
}

function equal(state, expected) {
    check(state, same(state, state.subject, expected),
        `expected ${show(state.subject)} to ${state.flags.deep ? "deeply " : ""}equal ${show(expected)}`,
        `expected ${show(state.subject)} to not ${state.flags.deep ? "deeply " : ""}equal ${show(expected)}`);
}

function eql(state, expected) {
    equal({ ...state, flags: { ...state.flags, deep: true } }, expected);
}

function property(state, name, ...value) {
    const subject = state.subject;
    const has = subject !== null && subject !== undefined &&
        (state.flags.own ? Object.hasOwn(Object(subject), name) : name in Object(subject));
    const target = has ? subject[name] : undefined;
    if (value.length === 0) {
        check(state, has, `expected ${show(subject)} to have property ${show(name)}`,
            `expected ${show(subject)} to not have property ${show(name)}`);
    } else {
        check(state, has && same(state, target, value[0]),
            `expected ${show(subject)} to have property ${show(name)} of ${show(value[0])}, but got ${show(target)}`,
            `expected ${show(subject)} to not have property ${show(name)} of ${show(value[0])}`);
    }
    return state.flags.negate ? state : { ...state, subject: target, path: `${state.path}(${show(name)})` };
}

function lengthOf(state, length) {
    const actual = state.subject?.length;
    check(state, actual === length,
        `expected ${show(state.subject)} to have a length of ${length} but got ${actual}`,
        `expected ${show(state.subject)} to not have a length of ${length}`);
}

function match(state, pattern) {
    check(state, typeof state.subject === "string" && pattern.test(state.subject),
        `expected ${show(state.subject)} to match ${pattern}`,
        `expected ${show(state.subject)} not to match ${pattern}`);
}

function oneOf(state, list) {
    check(state, Array.isArray(list) && list.some((item) => same(state, item, state.subject)),
        `expected ${show(state.subject)} to be one of ${show(list)}`,
        `expected ${show(state.subject)} to not be one of ${show(list)}`);
}

function is(word, holds) {
    return (state) => check(state, holds(state.subject),
        `expected ${show(state.subject)} to be ${word}`, `expected ${show(state.subject)} to not be ${word}`);
}

const isEmpty = (value) => {
    const type = typeOf(value);
    if (type === "string" || type === "array") return value.length === 0;
    if (type === "object") return Object.keys(value).length === 0;
    return false;
};

const VOCABULARY = {
    flags: { not: "negate", deep: "deep", own: "own", all: "all", any: "any" },
    chainable: { include: "contains", includes: "contains", contain: "contains", contains: "contains" },
    properties: {
        ok: is("truthy", Boolean),
        true: is("true", (v) => v === true),
        false: is("false", (v) => v === false),
        null: is("null", (v) => v === null),
        undefined: is("undefined", (v) => v === undefined),
        exist: is("existing", (v) => v !== null && v !== undefined),
        empty: is("empty", isEmpty),
    },
    methods: {
        a: typeIs, an: typeIs,
        equal, equals: equal, eq: equal, eql, eqls: eql,
        above: compare("above", (a, b) => a > b), gt: compare("above", (a, b) => a > b),
        below: compare("below", (a, b) => a < b), lt: compare("below", (a, b) => a < b),
        least: compare("at least", (a, b) => a >= b), gte: compare("at least", (a, b) => a >= b),
        most: compare("at most", (a, b) => a <= b), lte: compare("at most", (a, b) => a <= b),
        property, keys, key: keys, lengthOf, match, matches: match, oneOf,
        include, includes: include, contain: include, contains: include,
        string: (state, needle) => include({ ...state, subject: String(state.subject) }, needle),
        satisfy: (state, predicate) => check(state, predicate(state.subject),
            `expected ${show(state.subject)} to satisfy ${predicate}`, `expected ${show(state.subject)} to not satisfy ${predicate}`),
    },
};

/** pm.expect(value, message?) */
export function expect(subject, message) {
    return chain(VOCABULARY, { subject, message, flags: {}, describe: "pm.expect(…)", path: "" });
}
