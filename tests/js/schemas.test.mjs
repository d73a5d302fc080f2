// Validates PartnerScore's JSON Schemas with ajv (draft 2020-12, strict mode):
//   - every schemas/*.json compiles in strict mode;
//   - the example profiles (examples/*.json) are valid profiles, generic and strict;
//   - the embedded rule data (score/rules/<program>/<version>.json) is valid program data;
//   - real engine output (go run ./cmd/evalfixture over the examples) is a valid result;
//   - broken profiles, results and rules are rejected.
// Run from tests/js: npm ci && node --test
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const schemaDir = join(root, "schemas");
const exampleDir = join(root, "examples");
const rulesDir = join(root, "score", "rules");
const base = "https://partnerscore.dev/schemas/";
const strictFy26 = "profile.microsoft-ai-cloud-partner-program.fy26.schema.json";

const readJSON = (path) => JSON.parse(readFileSync(path, "utf8"));
const jsonFiles = (dir) =>
  readdirSync(dir)
    .filter((n) => n.endsWith(".json"))
    .sort()
    .map((n) => join(dir, n));

const schemaFiles = jsonFiles(schemaDir);
const examples = jsonFiles(exampleDir);

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const compiled = new Map();
for (const f of schemaFiles) {
  const name = relative(schemaDir, f);
  // Compiling here, once, makes a strict-mode problem fail every test with its file name.
  try {
    compiled.set(name, ajv.compile(readJSON(f)));
  } catch (err) {
    throw new Error(`${name} does not compile in strict mode: ${err.message}`);
  }
}

function validator(name) {
  const v = compiled.get(name);
  assert.ok(v, `schemas/${name} is missing: run go generate ./schemas`);
  return v;
}

function assertValid(schema, data, what) {
  const v = validator(schema);
  const ok = v(data);
  assert.ok(ok, `${what} is not valid against ${schema}:\n${ajv.errorsText(v.errors, { separator: "\n" })}`);
}

function assertInvalid(schema, data, what, keyword) {
  const v = validator(schema);
  assert.equal(v(data), false, `${what} should be rejected by ${schema}`);
  if (keyword) {
    const kws = v.errors.map((e) => e.keyword);
    assert.ok(kws.includes(keyword), `${what}: expected a "${keyword}" error from ${schema}, got ${kws.join(", ")}`);
  }
}

const clone = (x) => structuredClone(x);

test("every schema is draft 2020-12, has its $id and compiles in strict mode", () => {
  const want = ["profile.schema.json", "result.schema.json", "summary.schema.json", "program.schema.json", strictFy26];
  for (const w of want) assert.ok(compiled.has(w), `schemas/${w} is missing`);
  for (const f of schemaFiles) {
    const name = relative(schemaDir, f);
    const s = readJSON(f);
    assert.equal(s.$schema, "https://json-schema.org/draft/2020-12/schema", name);
    assert.equal(s.$id, base + name, `${name}: $id`);
    assert.ok(ajv.validateSchema(s), `${name}: ${ajv.errorsText()}`);
    assert.equal(s.type, "object", `${name}: root type`);
    assert.equal(s.additionalProperties, false, `${name}: root additionalProperties`);
  }
});

test("the example profiles are valid, generic and strict (fy26)", () => {
  assert.ok(examples.length >= 3, "expected at least 3 examples");
  for (const f of examples) {
    const p = readJSON(f);
    assertValid("profile.schema.json", p, relative(root, f));
    assertValid(strictFy26, p, relative(root, f));
  }
});

test("the embedded rule data is valid program data", () => {
  const files = readdirSync(rulesDir)
    .filter((d) => statSync(join(rulesDir, d)).isDirectory())
    .flatMap((d) => jsonFiles(join(rulesDir, d)));
  assert.ok(files.length >= 1, "no rule data found");
  for (const f of files) assertValid("program.schema.json", readJSON(f), relative(root, f));
  // Each program version has its strict profile schema.
  for (const f of files) {
    const p = readJSON(f);
    const name = `profile.${p.id}.${p.version}.schema.json`;
    assert.ok(compiled.has(name), `schemas/${name} is missing: run go generate ./schemas`);
  }
});

// Real engine output, one result per example, in the examples' order.
function evaluate(files, ...flags) {
  const out = execFileSync("go", ["run", "./cmd/evalfixture", ...flags, ...files], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return out.trimEnd().split("\n").map((l) => JSON.parse(l));
}

test("real summaries are valid and agree with the full results", () => {
  const sums = evaluate(examples, "-summary");
  const results = evaluate(examples);
  assert.equal(sums.length, examples.length, "one summary per example");
  sums.forEach((s, i) => {
    assertValid("summary.schema.json", s, `the summary of ${relative(root, examples[i])}`);
    const r = results[i];
    assert.equal(s.asOf, r.asOf);
    r.programs.forEach((p, j) =>
      p.areas.forEach((a, k) => {
        const sa = s.programs[j].areas[k];
        assert.equal(sa.score, a.score, `${a.id} score`);
        assert.equal(sa.qualified, a.qualified, `${a.id} qualified`);
        for (const m of a.metrics) assert.equal(sa.points[m.id], m.points, `${a.id}/${m.id} points`);
      }),
    );
  });
  const bad = clone(sums[0]);
  bad.programs[0].areas[0].points["net-customer-adds"] = "twenty";
  assertInvalid("summary.schema.json", bad, "a summary with a string for points", "type");
});

test("real engine output is a valid result", () => {
  const results = evaluate(examples);
  assert.equal(results.length, examples.length, "one result per example");
  results.forEach((r, i) => assertValid("result.schema.json", r, `the result of ${relative(root, examples[i])}`));

  // The examples must exercise the optional parts of the result schema.
  const areas = results.flatMap((r) => r.programs.flatMap((p) => p.areas));
  const metrics = areas.flatMap((a) => a.metrics);
  const seen = {
    'lang "fr"': results.some((r) => r.lang === "fr"),
    "a plan (\"plan\": {})": areas.some((a) => a.plan),
    "a plan with steps": areas.some((a) => a.plan && a.plan.steps.length > 0),
    "an unreachable plan": areas.some((a) => a.plan && !a.plan.reachable && a.plan.reason),
    "a qualified area": areas.some((a) => a.qualified),
    "gates": metrics.some((m) => m.gates),
    "a prerequisite": metrics.some((m) => m.prerequisite),
    "a track picked by a fact": areas.some((a) => a.selection.kind === "fact" && a.selection.given),
    "a track set by the profile": areas.some((a) => a.selection.kind === "profile"),
    "warnings": results.some((r) => r.warnings.length > 0),
  };
  for (const [what, ok] of Object.entries(seen)) assert.ok(ok, `no example result has ${what}`);

  // Broken results are rejected.
  const r = clone(results[0]);
  delete r.warnings;
  assertInvalid("result.schema.json", r, "a result without warnings", "required");
  const r2 = clone(results[0]);
  r2.programs[0].areas[0].metrics[0].applied = "magic";
  assertInvalid("result.schema.json", r2, "a metric with an unknown applied", "enum");
  const r3 = clone(results[0]);
  r3.extra = 1;
  assertInvalid("result.schema.json", r3, "a result with an unknown field", "additionalProperties");
});

test("broken profiles are rejected", () => {
  const good = readJSON(examples.find((f) => f.endsWith("security-people-plan.json")) ?? examples[0]);
  const both = ["profile.schema.json", strictFy26];
  const cases = [
    ["a fact given as a string", (p) => (p.facts["sec.smb.netCustomerAdds.azure"] = "2"), both, "type"],
    ["an unknown top-level field", (p) => (p.partner = "Contoso"), both, "additionalProperties"],
    ["a misspelt top-level field", (p) => ((p.fact = p.facts), delete p.facts), both, "additionalProperties"],
    ["a date that is not a date", (p) => (p.asOf = "15/06/2026"), both, "format"],
    ["an unknown language", (p) => (p.lang = "de"), both, "enum"],
    ["a person without certifications", (p) => p.people.push({ id: "x" }), both, "required"],
    ["a person with an unknown field", (p) => (p.people[0].email = "a@b.c"), both, "additionalProperties"],
    ["a negative certification count", (p) => (p.certifications["SC-401"] = -1), both, "minimum"],
    ["a fractional certification count", (p) => (p.certifications["SC-401"] = 1.5), both, "type"],
    ["a zero cost", (p) => (p.plan.costs["SC-200"] = 0), both, "exclusiveMinimum"],
    ["a plan with an unknown field", (p) => (p.plan.budget = 10), both, "additionalProperties"],
    ["a track given as a number", (p) => (p.tracks.security = 1), both, "type"],
    // Only the strict schema knows the rules.
    ["an unknown fact", (p) => (p.facts["sec.smb.netCustomerAds.azure"] = 1), [strictFy26], "additionalProperties"],
    ["a fact above its maximum", (p) => (p.facts["sec.smb.netCustomerAdds.azure"] = 100001), [strictFy26], "maximum"],
    ["a fact below its minimum", (p) => (p.facts["azure.smbCustomerShare"] = -1), [strictFy26], "minimum"],
    ["a fraction for a whole-number fact", (p) => (p.facts["sec.smb.netCustomerAdds.azure"] = 2.5), [strictFy26], "type"],
    ["an unknown certification held by a person", (p) => p.people[0].certifications.push("AZ-999"), [strictFy26], "enum"],
    ["an unknown certification count", (p) => (p.certifications["Azure Wizard"] = 1), [strictFy26], "propertyNames"],
    ["a cost of neither fact nor certification", (p) => (p.plan.costs["coffee"] = 1), [strictFy26], "propertyNames"],
    ["an unknown area", (p) => (p.tracks["quantum"] = "smb"), [strictFy26], "additionalProperties"],
    ["an unknown track", (p) => (p.tracks.security = "corporate"), [strictFy26], "enum"],
    ["an unknown program", (p) => (p.programs = ["cloud-partner-program"]), [strictFy26], "enum"],
  ];
  for (const [what, breakIt, schemas, keyword] of cases) {
    const p = clone(good);
    breakIt(p);
    for (const s of schemas) assertInvalid(s, p, what, keyword);
  }
  // The generic schema knows no rule data: an unknown fact is its engine's business.
  const p = clone(good);
  p.facts["some.other.fact"] = 1;
  assertValid("profile.schema.json", p, "a profile with a fact the generic schema cannot know");
});

test("broken rule data is rejected", () => {
  const dir = readdirSync(rulesDir).find((d) => statSync(join(rulesDir, d)).isDirectory());
  const good = readJSON(jsonFiles(join(rulesDir, dir))[0]);
  const cases = [
    ["an unknown rule kind", (p) => (p.areas[0].tracks[0].metrics[0].rule.kind = "product"), "enum"],
    ["a metric with no parts", (p) => (p.areas[0].tracks[0].metrics[0].rule.parts = []), "minItems"],
    ["a zero qualifying score", (p) => (p.qualifyingScore = 0), "exclusiveMinimum"],
    ["a fact without bounds", (p) => delete p.facts[0].max, "required"],
    ["an area id with capitals", (p) => (p.areas[0].id = "ModernWork"), "pattern"],
    ["an unknown field", (p) => (p.owner = "me"), "additionalProperties"],
  ];
  for (const [what, breakIt, keyword] of cases) {
    const p = clone(good);
    breakIt(p);
    assertInvalid("program.schema.json", p, what, keyword);
  }
});

// Programs of the other models (levels, calculator, timeline): examples/programs/.
const programExamples = jsonFiles(join(exampleDir, "programs"));

test("the program examples are valid profiles, generic and strict for each program they name", () => {
  assert.ok(programExamples.length >= 4, "expected the program examples");
  const versions = new Map();
  for (const d of readdirSync(rulesDir).filter((d) => statSync(join(rulesDir, d)).isDirectory())) {
    for (const f of jsonFiles(join(rulesDir, d))) {
      const p = readJSON(f);
      if (!versions.has(p.id)) versions.set(p.id, []);
      versions.get(p.id).push(p);
    }
  }
  for (const f of programExamples) {
    const p = readJSON(f);
    assertValid("profile.schema.json", p, relative(root, f));
    for (const id of p.programs ?? []) {
      const v = versions.get(id).find((v) => v.effectiveFrom <= p.asOf && (!v.effectiveTo || p.asOf <= v.effectiveTo));
      assert.ok(v, `${relative(root, f)}: no version of ${id} on ${p.asOf}`);
      // The strict schema of one version knows only its own facts: keep the profile's part for it.
      const own = { ...p, programs: [id], facts: Object.fromEntries(Object.entries(p.facts ?? {}).filter(([k]) => v.facts.some((x) => x.id === k))),
        parameters: Object.fromEntries(Object.entries(p.parameters ?? {}).filter(([k]) => (v.parameters ?? []).some((x) => x.id === k))) };
      assertValid(`profile.${id}.${v.version}.schema.json`, own, `${relative(root, f)} for ${id} ${v.version}`);
    }
  }
});

test("real output of every model is a valid result and summary", () => {
  const results = evaluate(programExamples);
  const sums = evaluate(programExamples, "-summary");
  const models = new Set();
  results.forEach((r, i) => {
    assertValid("result.schema.json", r, `the result of ${relative(root, programExamples[i])}`);
    assertValid("summary.schema.json", sums[i], `the summary of ${relative(root, programExamples[i])}`);
    for (const p of r.programs) models.add(p.model ?? "scorecard");
  });
  for (const m of ["levels", "calculator", "timeline"]) assert.ok(models.has(m), `no example exercises the ${m} model`);
  // The parts of the model results the schema describes are all exercised.
  const all = JSON.stringify(results);
  for (const key of ['"slots":', '"any":', '"program":{', '"counted":', '"timeline":', '"figures":', '"origin":"assumption"', '"origin":"profile"', '"notModelled":'])
    assert.ok(all.includes(key), `no example result holds ${key}`);
  // A broken model result is rejected.
  const bad = clone(results.find((r) => r.programs[0].levels));
  bad.programs[0].levels.levels[0].requirements[0].kind = "vibes";
  assertInvalid("result.schema.json", bad, "a requirement of an unknown kind", "enum");
});

test("real comparisons of every model are valid comparisons", () => {
  // [profile, from, to]: the Cloud Partner Program across fy24 and fy26 (areas and metrics),
  // CSP across 2018-08 and fy26 (levels), VMware within its one version (levels and
  // competencies), the calculators on two dates (their versions alone).
  const cases = [
    ["modern-work-enterprise.json", "2023-10-15", "2025-10-15"],
    ["programs/csp-fy26-direct-bill.json", "2019-06-01", "2026-06-01"],
    ["programs/vmware-advanced.json", "2021-06-01", "2023-06-01"],
    ["programs/economics.json", "2023-01-01", "2024-01-01"],
  ];
  const comparisons = cases.map(([file, from, to]) =>
    JSON.parse(
      execFileSync("go", ["run", "./cmd/partnerscore", "compare", "-json", "-from", from, "-to", to, join(exampleDir, file)], {
        cwd: root,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
      }),
    ),
  );
  comparisons.forEach((c, i) => assertValid("comparison.schema.json", c, `the comparison of ${cases[i][0]}`));
  const all = JSON.stringify(comparisons);
  for (const key of ['"metrics":[{', '"levels":[{', '"competencies":[{', '"missing":[{"id":', '"changes":["met"'])
    assert.ok(all.includes(key), `no comparison holds ${key}`);
  const bad = clone(comparisons[1]);
  bad.programs[0].levels[0].after.missing = ["an id alone"];
  assertInvalid("comparison.schema.json", bad, "a missing requirement without its name", "type");
});

test("broken model rule data is rejected", () => {
  const good = readJSON(join(rulesDir, "vmware-partner-connect", "2020.json"));
  assertValid("program.schema.json", good, "VMware Partner Connect 2020");
  const cases = [
    ["a levels program without levels", (p) => delete p.levels, "required"],
    ["a scorecard without areas", (p) => { delete p.model; delete p.levels; }, "required"],
    ["an unknown requirement kind", (p) => (p.levels.levels[0].requirements[0].kind = "vibes"), "enum"],
    ["an unknown model", (p) => (p.model = "oracle"), "enum"],
  ];
  for (const [what, breakIt, keyword] of cases) {
    const p = clone(good);
    breakIt(p);
    assertInvalid("program.schema.json", p, what, keyword);
  }
});
