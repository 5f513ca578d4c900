#!/usr/bin/env python3
# openapi_check.py: check a running fazhi server against its OpenAPI 3.0
# description (the one it serves at /api/openapi.yaml).
#
#   openapi_check.py SPEC [--routes routes.c] [--probe BASE_URL]
#                         [--calls MANIFEST] [--require-all]
#
# --routes   the route table in src/http/routes.c and the description's
#            paths must name the same method+path pairs, both ways.
# --probe    every described method+path is called without a session; the
#            server must answer something other than 404 or 405, and that
#            answer must match the description.
# --calls    a manifest of calls the test made, one per line, tab-separated:
#            METHOD  PATH?QUERY  STATUS  CONTENT-TYPE  BODY-FILE  REQUEST-FILE|-
#            Each answer's status must be described for the operation whose
#            path matches, its content type must be one described, and a JSON
#            body must match the schema; a JSON request body sent with a 2xx
#            answer must match the request schema.
# --require-all  every described operation must appear in the manifest
#            with a 2xx answer.
#
# Schemas are OpenAPI 3.0: $ref is resolved in place, "nullable: true"
# becomes a type union with null, and an object schema with "properties"
# and no "additionalProperties" is closed (additionalProperties: false), so
# a field the server sends but the description does not name is a failure;
# an "allOf" of object schemas is merged first and closed as a whole.
# Validation is JSON Schema draft 4 (python3-jsonschema).
#
# Output: one line per check, "PASS<TAB>what" or "FAIL<TAB>what", with
# "# " detail lines after a failure; a failure names the method, the
# described path, the status and the JSON pointer of each mismatch.
# Exit 0 when every check passed, 1 otherwise, 2 on a usage error.
# Needs python3-yaml and python3-jsonschema (scripts/deps.sh test).
# SPDX-License-Identifier: MIT

import argparse
import copy
import json
import re
import sys
import urllib.error
import urllib.request

import jsonschema
import yaml

METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
OPENAPI_ONLY = ("nullable", "discriminator", "readOnly", "writeOnly", "xml",
                "externalDocs", "example", "deprecated")

failures = 0


def result(ok, what, details=()):
    global failures
    print(("PASS" if ok else "FAIL") + "\t" + what)
    if not ok:
        failures += 1
        for d in details:
            print("# " + str(d).replace("\n", " "))


def pointer(path):
    """The JSON pointer (RFC 6901) of a jsonschema error path."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1")
                   for p in path)


class Spec:
    def __init__(self, doc):
        self.doc = doc
        self.ops = {}           # (METHOD, path) -> operation
        for path, item in (doc.get("paths") or {}).items():
            for m in METHODS:
                if m in item:
                    self.ops[(m.upper(), path)] = item[m]
        self.patterns = []
        for path in doc.get("paths") or {}:
            rx = "^" + re.sub(r"\\\{[^}]+\\\}", "([^/]+)",
                              re.escape(path)) + "$"
            self.patterns.append((path.count("{"), path, re.compile(rx)))
        self.patterns.sort()

    def lookup(self, ref):
        if not ref.startswith("#/"):
            raise ValueError("only local $ref are supported: " + ref)
        node = self.doc
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def deref(self, node):
        while isinstance(node, dict) and "$ref" in node:
            node = self.lookup(node["$ref"])
        return node

    def merge_all_of(self, node):
        """allOf of object schemas as one object schema, so that closing
        each part (no additionalProperties) does not refuse the others'
        properties: an object is closed as a whole."""
        parts = node.get("allOf")
        if not isinstance(parts, list):
            return node
        parts = [self.merge_all_of(self.deref(p)) for p in parts]
        if not all(isinstance(p, dict) and "properties" in p and
                   "allOf" not in p for p in parts):
            return node
        out = {k: v for k, v in node.items() if k != "allOf"}
        props, req = {}, []
        for p in parts:
            for k, v in p.items():
                if k == "properties":
                    props.update(v)
                elif k == "required":
                    req += [r for r in v if r not in req]
                elif k not in out:
                    out[k] = v
        out["properties"] = props
        if req:
            out["required"] = req
        return out

    def schema(self, node, seen=()):
        """An OpenAPI 3.0 schema as a self-contained JSON Schema draft 4."""
        if isinstance(node, list):
            return [self.schema(x, seen) for x in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            ref = node["$ref"]
            if ref in seen:
                raise ValueError("recursive schema: " + ref)
            return self.schema(self.lookup(ref), seen + (ref,))
        node = self.merge_all_of(node)
        out = {}
        for k, v in node.items():
            if k in OPENAPI_ONLY or k.startswith("x-"):
                continue
            if k in ("properties", "patternProperties", "definitions"):
                out[k] = {n: self.schema(s, seen) for n, s in v.items()}
            elif k in ("default", "enum", "required"):
                out[k] = copy.deepcopy(v)
            else:
                out[k] = self.schema(v, seen)
        if "properties" in out and "additionalProperties" not in out:
            out["additionalProperties"] = False
        if node.get("nullable") is True:
            if "type" in out:
                t = out["type"]
                out["type"] = (t if isinstance(t, list) else [t]) + ["null"]
                if "enum" in out and None not in out["enum"]:
                    out["enum"] = out["enum"] + [None]
            else:
                out = {"anyOf": [{"type": "null"}, out]}
        return out

    def match(self, path):
        """The described path a concrete path falls under, or None."""
        for _, templ, rx in self.patterns:
            if rx.match(path):
                return templ
        return None


def media_type(ctype):
    return (ctype or "").split(";")[0].strip().lower()


def content_for(content, ctype):
    """The described content entry for a response's Content-Type."""
    mt = media_type(ctype)
    for key, val in (content or {}).items():
        k = key.lower()
        if k == mt or k == "*/*" or (k.endswith("/*") and
                                      mt.startswith(k[:-1])):
            return key, val
    return None, None


def validate(spec, schema_node, instance, what):
    """Validate; return the failure details (empty when it matches)."""
    schema = spec.schema(schema_node)
    v = jsonschema.Draft4Validator(schema)
    errs = sorted(v.iter_errors(instance), key=lambda e: list(e.absolute_path))
    out = []
    for e in errs[:8]:
        best = jsonschema.exceptions.best_match([e] + list(e.context or []))
        err = best if best is not None else e
        out.append("%s: at %s: %s" % (what, pointer(err.absolute_path) or
                                      "(root)", err.message[:300]))
    if len(errs) > 8:
        out.append("%s: … and %d more" % (what, len(errs) - 8))
    return out


def check_answer(spec, method, url, status, ctype, body, request=None):
    """One answer of the server against the description."""
    path = url.split("?")[0]
    templ = spec.match(path)
    label = "%s %s" % (method, url)
    if templ is None:
        result(False, label + ": answer described",
               ["no described path matches %s" % path])
        return None
    op = spec.ops.get((method, templ))
    label = "%s %s → %s" % (method, templ, status)
    if op is None:
        result(False, label + ": described",
               ["%s %s is not described (the path is, for other methods)" %
                (method, templ)])
        return None
    responses = op.get("responses") or {}
    resp = responses.get(str(status)) or responses.get(
        "%sXX" % str(status)[0]) or responses.get("default")
    if resp is None:
        result(False, label + ": status described",
               ["%s %s: status %s is not among the described %s (url %s)" %
                (method, templ, status, ", ".join(sorted(responses)), url)])
        return templ
    resp = spec.deref(resp)
    key, content = content_for(resp.get("content"), ctype)
    if resp.get("content") and content is None:
        result(False, label + ": content type",
               ["%s %s %s: Content-Type %r is not one of %s" %
                (method, templ, status, ctype,
                 ", ".join(resp["content"]))])
        return templ
    details = []
    if content is not None and key.lower() == "application/json":
        try:
            instance = json.loads(body.decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as e:
            result(False, label + ": JSON body", ["%s %s %s: not JSON: %s" %
                                                  (method, templ, status, e)])
            return templ
        if "schema" in content:
            details += validate(spec, content["schema"], instance,
                                "%s %s %s response" % (method, templ, status))
    if request is not None and 200 <= int(status) < 300:
        rb = spec.deref(op.get("requestBody") or {})
        rc = (rb.get("content") or {}).get("application/json")
        if rc is not None and request.strip():
            try:
                sent = json.loads(request.decode("utf-8"))
                details += validate(spec, rc.get("schema", {}), sent,
                                    "%s %s request" % (method, templ))
            except (ValueError, UnicodeDecodeError) as e:
                details.append("%s %s request: not JSON: %s" %
                               (method, templ, e))
    result(not details, label + " (%s)" % url, details)
    return templ


def check_routes(spec, routes_c):
    text = open(routes_c, encoding="utf-8").read()
    table = set()
    for m, p in re.findall(r'\{\s*"(GET|POST|PUT|DELETE|PATCH)",\s*"([^"]+)"',
                           text):
        table.add((m, re.sub(r":([a-z_]+)", r"{\1}", p)))
    described = set(spec.ops)
    for m, p in sorted(table - described):
        result(False, "route %s %s described" % (m, p),
               ["routes.c has %s %s; the description does not" % (m, p)])
    for m, p in sorted(described - table):
        result(False, "described %s %s is a route" % (m, p),
               ["the description has %s %s; routes.c does not" % (m, p)])
    result(bool(table) and table == described,
           "routes.c and the description name the same %d operations" %
           len(table))


def probe(spec, base):
    for (method, templ), _ in sorted(spec.ops.items()):
        url = re.sub(r"\{[^}]+\}", "1", templ)
        data = b"" if method in ("POST", "PUT", "DELETE", "PATCH") else None
        req = urllib.request.Request(base + url, data=data, method=method)
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                status, ctype, body = r.status, r.headers.get(
                    "Content-Type"), r.read()
        except urllib.error.HTTPError as e:
            status, ctype, body = e.code, e.headers.get("Content-Type"), \
                e.read()
        except OSError as e:
            result(False, "%s %s answers" % (method, templ), [str(e)])
            continue
        result(status not in (404, 405),
               "%s %s answers without a session (%d)" % (method, templ,
                                                          status),
               ["%s %s: %d %s" % (method, url, status,
                                  body[:200].decode("utf-8", "replace"))])
        check_answer(spec, method, url, status, ctype, body)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("spec")
    ap.add_argument("--routes")
    ap.add_argument("--probe")
    ap.add_argument("--calls")
    ap.add_argument("--require-all", action="store_true")
    a = ap.parse_args()
    try:
        with open(a.spec, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
    except (OSError, yaml.YAMLError) as e:
        result(False, "the description is YAML", [e])
        return 1
    ok = isinstance(doc, dict) and str(doc.get("openapi", "")).startswith(
        "3.0.") and isinstance(doc.get("paths"), dict)
    result(ok, "the description is OpenAPI 3.0 with paths")
    if not ok:
        return 1
    spec = Spec(doc)
    try:        # every schema resolves and converts
        for (m, p), op in spec.ops.items():
            for st, resp in (op.get("responses") or {}).items():
                for c in (spec.deref(resp).get("content") or {}).values():
                    jsonschema.Draft4Validator.check_schema(
                        spec.schema(c.get("schema", {})))
        result(True, "every response schema is a valid JSON Schema")
    except (KeyError, ValueError, jsonschema.SchemaError) as e:
        result(False, "every response schema is a valid JSON Schema", [e])
        return 1
    if a.routes:
        check_routes(spec, a.routes)
    if a.probe:
        probe(spec, a.probe.rstrip("/"))
    done = set()
    if a.calls:
        with open(a.calls, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                parts = line.rstrip("\n").split("\t")
                if len(parts) != 6:
                    result(False, "manifest line %d" % n, [line])
                    continue
                method, url, status, ctype, body_file, req_file = parts
                with open(body_file, "rb") as bf:
                    body = bf.read()
                request = None
                if req_file != "-":
                    with open(req_file, "rb") as rf:
                        request = rf.read()
                templ = check_answer(spec, method, url, int(status), ctype,
                                     body, request)
                if templ is not None and 200 <= int(status) < 300:
                    done.add((method, templ))
    if a.require_all:
        missing = sorted(set(spec.ops) - done)
        result(not missing, "every described operation was called with a "
               "2xx answer (%d of %d)" % (len(spec.ops) - len(missing),
                                          len(spec.ops)),
               ["not called with success: %s %s" % m for m in missing])
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
