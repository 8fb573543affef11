#!/usr/bin/env python3
"""Runs postman/zis-mock.postman_collection.json against a live zis-mock, the way Postman would.

Every request is sent in collection order with Postman's usual headers (User-Agent PostmanRuntime,
Postman-Token, Accept */*, Cache-Control no-cache, Accept-Encoding gzip, deflate, br), `{{variables}}`
taken from the environment file, bracketed query parameters as written (`page[size]=2`), and
the collection's bearer auth inherited as Postman does. Each response must match the request's
saved example: the same status, the same media type, the `Allow`/`Location`/`Retry-After`
headers the example has, and for JSON the same shape (the same keys and value types,
recursively; values may differ, `null` matches anything, and each array item is compared with
the example's first item).

Test scripts are honoured for one idiom only, which Postman itself runs too:
    pm.collectionVariables.set("name", pm.response.json().field.subfield);

    scripts/run-postman-collection.py [--base-url URL] [--record] [-v]

--record replaces every saved example with the live response (run it on a fresh server with
the default seed after changing the collection); recorded arrays keep their first two items and
long text bodies their first 2,000 characters. Standard library only.
"""
import argparse
import gzip
import http.client
import json
import os
import re
import sys
import urllib.parse
import uuid
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COLLECTION = os.path.join(ROOT, "postman", "zis-mock.postman_collection.json")
ENVIRONMENT = os.path.join(ROOT, "postman", "zis-mock.postman_environment.json")

POSTMAN_HEADERS = [
    ("User-Agent", "PostmanRuntime/7.39.0"),
    ("Accept", "*/*"),
    ("Cache-Control", "no-cache"),
    ("Accept-Encoding", "gzip, deflate, br"),
    ("Connection", "keep-alive"),
]
CHECKED_HEADERS = ["allow", "location", "retry-after"]
SET_VARIABLE = re.compile(
    r'pm\.(?:collectionVariables|environment|variables)\.set\(\s*"(\w+)"\s*,\s*pm\.response\.json\(\)((?:\.\w+|\[\d+\])*)\s*\)')
VARIABLE = re.compile(r"\{\{([^{}]+)\}\}")


def substitute(text, variables):
    def replace(match):
        name = match.group(1)
        if name not in variables:
            raise KeyError(f"variable {{{{{name}}}}} is not set")
        return str(variables[name])
    return VARIABLE.sub(replace, text)


def walk(items, inherited_auth, path=()):
    """Requests in collection order with the auth each one ends up with."""
    for item in items:
        auth = item.get("auth", inherited_auth)
        if "item" in item:
            yield from walk(item["item"], auth, path + (item["name"],))
        else:
            yield path + (item["name"],), item, item["request"].get("auth", auth)


def media_type(value):
    return (value or "").split(";")[0].strip().lower()


def kind(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def shape_differences(expected, actual, where="$"):
    """Where `actual` differs in shape from `expected`; [] when they match."""
    if expected is None or actual is None:
        return []
    if kind(expected) != kind(actual):
        return [f"{where}: expected {kind(expected)}, got {kind(actual)}"]
    if isinstance(expected, dict):
        problems = []
        missing = [key for key in expected if key not in actual]
        extra = [key for key in actual if key not in expected]
        if missing:
            problems.append(f"{where}: missing keys {missing}")
        if extra:
            problems.append(f"{where}: unexpected keys {extra}")
        for key in expected:
            if key in actual:
                problems += shape_differences(expected[key], actual[key], f"{where}.{key}")
        return problems
    if isinstance(expected, list) and expected:
        problems = []
        for index, item in enumerate(actual):
            problems += shape_differences(expected[0], item, f"{where}[{index}]")
        return problems
    return []


def abridged(value, items=2):
    """A recorded example keeps the first items of each array: the shape check reads only the first."""
    if isinstance(value, dict):
        return {key: abridged(member, items) for key, member in value.items()}
    if isinstance(value, list):
        return [abridged(member, items) for member in value[:items]]
    return value


def send(base, method, url, headers, body):
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise ValueError(f"not an http(s) URL: {url}")
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    connection_class = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    connection = connection_class(parts.hostname, parts.port, timeout=30)
    try:
        # skip_host/skip_accept_encoding: the headers are Postman's, written out below.
        connection.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
        connection.putheader("Host", parts.netloc)
        for name, value in headers:
            connection.putheader(name, value)
        data = body.encode("utf-8") if body is not None else None
        if data is not None or method in ("POST", "PUT", "PATCH"):
            connection.putheader("Content-Length", str(len(data or b"")))
        connection.endheaders(data)
        response = connection.getresponse()
        raw = response.read()
        encoding = (response.getheader("Content-Encoding") or "").lower()
        if encoding == "gzip":
            raw = gzip.decompress(raw)
        elif encoding == "deflate":
            raw = zlib.decompress(raw)
        elif encoding:
            raise ValueError(f"cannot decode Content-Encoding {encoding}")
        return response.status, response.reason, response.getheaders(), raw
    finally:
        connection.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--collection", default=COLLECTION)
    parser.add_argument("--environment", default=ENVIRONMENT)
    parser.add_argument("--base-url", help="overrides the environment's baseUrl")
    parser.add_argument("--record", action="store_true", help="save the live responses as the examples")
    parser.add_argument("-v", "--verbose", action="store_true")
    arguments = parser.parse_args()

    with open(arguments.collection, encoding="utf-8") as file:
        collection = json.load(file)
    with open(arguments.environment, encoding="utf-8") as file:
        environment = json.load(file)
    variables = {entry["key"]: entry["value"] for entry in collection.get("variable", [])}
    variables.update({entry["key"]: entry["value"] for entry in environment["values"] if entry.get("enabled", True)})
    recorded_base = variables["baseUrl"]
    if arguments.base_url:
        variables["baseUrl"] = arguments.base_url.rstrip("/")
    # Recorded bodies name the environment's host, not the port the recording server happened to use.
    live_host = urllib.parse.urlsplit(variables["baseUrl"]).netloc
    recorded_host = urllib.parse.urlsplit(recorded_base).netloc

    passed = failed = 0
    for path, item, auth in walk(collection["item"], collection.get("auth")):
        request = item["request"]
        label = f"{request['method']:6} {' / '.join(path)}"
        problems = []
        try:
            url = substitute(request["url"]["raw"] if isinstance(request["url"], dict) else request["url"], variables)
            headers = list(POSTMAN_HEADERS) + [("Postman-Token", str(uuid.uuid4()))]
            if auth and auth.get("type") == "bearer":
                token = next(entry["value"] for entry in auth["bearer"] if entry["key"] == "token")
                headers.append(("Authorization", "Bearer " + substitute(token, variables)))
            for header in request.get("header", []):
                if not header.get("disabled"):
                    headers.append((header["key"], substitute(header["value"], variables)))
            body = None
            if request.get("body", {}).get("mode") == "raw":
                body = substitute(request["body"]["raw"], variables)
            status, reason, response_headers, raw = send(variables["baseUrl"], request["method"], url, headers, body)
        except (KeyError, ValueError, OSError, http.client.HTTPException) as error:
            failed += 1
            print(f"FAIL  {label}: {error}")
            continue
        header_map = {name.lower(): value for name, value in response_headers}
        text = raw.decode("utf-8", errors="replace")
        parsed = None
        if media_type(header_map.get("content-type")) == "application/json":
            try:
                parsed = json.loads(text)
            except ValueError as error:
                problems.append(f"body is not JSON: {error}")

        if arguments.record:
            saved_text = text.replace(live_host, recorded_host)
            saved = json.loads(json.dumps(parsed).replace(live_host, recorded_host)) if parsed is not None else None
            kept = [{"key": name, "value": value.replace(live_host, recorded_host)} for name, value in response_headers
                    if name.lower() in ("content-type", *CHECKED_HEADERS)]
            item["response"] = [{
                "name": f"{status} {reason}",
                "originalRequest": request,
                "status": reason,
                "code": status,
                "_postman_previewlanguage": "json" if saved is not None else "text",
                "header": kept,
                "cookie": [],
                "body": json.dumps(abridged(saved), indent=2) if saved is not None
                else saved_text if len(saved_text) <= 2000 else saved_text[:2000] + "\n… (abridged)\n",
            }]
        else:
            examples = item.get("response") or []
            if not examples:
                problems.append("no saved example response")
            else:
                example = examples[0]
                expected_headers = {entry["key"].lower(): entry["value"] for entry in example.get("header", [])}
                if status != example["code"]:
                    problems.append(f"status {status}, example {example['code']}")
                if media_type(header_map.get("content-type")) != media_type(expected_headers.get("content-type")):
                    problems.append(
                        f"Content-Type {header_map.get('content-type')!r}, example {expected_headers.get('content-type')!r}")
                for name in CHECKED_HEADERS:
                    if name in expected_headers and name not in header_map:
                        problems.append(f"no {name} header")
                if parsed is not None:
                    try:
                        expected = json.loads(example["body"])
                    except ValueError:
                        problems.append("the saved example body is not JSON")
                    else:
                        problems += shape_differences(expected, parsed)
                elif (example.get("body") or "") == "" and raw:
                    problems.append("a body where the example has none")

        # The one test-script idiom: remember a field of the response for later requests.
        for event in item.get("event", []):
            if event.get("listen") != "test":
                continue
            for match in SET_VARIABLE.finditer("\n".join(event["script"].get("exec", []))):
                value = parsed
                for step in re.findall(r"\.(\w+)|\[(\d+)\]", match.group(2)):
                    try:
                        value = value[step[0]] if step[0] else value[int(step[1])]
                    except (KeyError, IndexError, TypeError):
                        value = None
                        break
                if value is None:
                    problems.append(f"test script: pm.response.json(){match.group(2)} is missing")
                else:
                    variables[match.group(1)] = value

        if problems:
            failed += 1
            print(f"FAIL  {label} ({status})")
            for problem in problems:
                print(f"        {problem}")
            if arguments.verbose:
                print(f"        body: {text[:500]}")
        else:
            passed += 1
            print(f"ok    {label} ({status})")

    if arguments.record:
        with open(arguments.collection, "w", encoding="utf-8", newline="\n") as file:
            json.dump(collection, file, indent=2, ensure_ascii=False)
            file.write("\n")
        print(f"recorded {passed + failed} examples into {os.path.relpath(arguments.collection, ROOT)}")
    print(f"postman: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
