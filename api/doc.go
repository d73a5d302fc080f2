// Package api is PartnerScore's HTTP API: one http.Handler, served natively (cmd/api) and
// on Cloudflare Workers (wasm/worker), that evaluates profiles with package score.
//
//	POST /v1/evaluate           one profile (application/json) → one result
//	POST /v1/evaluate/batch     up to MaxBatchItems profiles, as a JSON array or NDJSON
//	                            (application/x-ndjson, application/jsonl,
//	                            application/x-jsonlines): a result or the errors of each item
//	POST /v1/compare?from=D&to=D one profile scored on two dates → what changed
//	                            (schemas/comparison.schema.json)
//	GET  /v1/programs           the programs and their rule versions
//	GET  /v1/programs/{id}      every version of one program, as rule data
//	GET  /v1/programs/{id}/{v}  one version, as rule data (schemas/program.schema.json)
//	GET  /v1/schemas            the names of the JSON Schemas
//	GET  /v1/schemas/{name}     one JSON Schema ("profile", "result", … or "profile.schema.json")
//	GET  /openapi.json          the OpenAPI 3.1 description, referencing the JSON Schemas
//	GET  /healthz               liveness, with the rule versions loaded
//
// Evaluations take ?summary=true for the short form of each result
// (schemas/summary.schema.json). Errors are RFC 9457 problem details
// (application/problem+json), one title per type, with the list of score.Error, each
// naming the JSON Pointer of the bad value: 400 malformed JSON or an unreadable body, 404,
// 405 (with Allow) for a standard method a route does not allow, 501 for a method the
// server does not recognise, 413 over MaxBodyBytes or MaxBatchItems, 415 a content type
// other than JSON (or NDJSON for a batch), a charset other than UTF-8 or a content coding
// (with Accept-Encoding: identity), 422 a profile the rules reject. GETs carry a strong
// ETag (If-None-Match gives 304) and Cache-Control; evaluations are no-store. CORS is
// answered for the origins in Config.AllowedOrigins ("*": every answer allows any origin;
// a list: every answer varies on Origin), never with credentials.
//
// The handler depends only on packages score and schemas; it holds no per-request state
// beyond pooled buffers and is safe for concurrent use.
package api
