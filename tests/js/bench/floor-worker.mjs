// The floor of ./build.sh bench-api: a Worker of the same shape as wasm/worker/entry.mjs
// (body read here, header lines built, one synchronous call, header lines parsed, Response
// built from bytes) whose "engine" is a JavaScript function answering bytes made once: no
// Go, no wasm. What it measures under workerd on the machine is the cost of workerd, the
// entry's JavaScript and the machine's load, in the same run as the Go Worker. A request with
// an X-Burn: N header also burns CPU (N square roots) before answering: ./build.sh bench-api
// sets N so that the floor spends about the Go Worker's CPU per request, to tell what that
// much work costs in latency whatever the language.
const encoder = new TextEncoder();
// As long as the Modern Work example's result (about 20 KB).
const result = encoder.encode(JSON.stringify({ filler: "x".repeat(20080) }));
const health = encoder.encode('{"status":"ok"}');

function engine(method, url, lines, body, burn) {
  const path = new URL(url).pathname;
  if (path === "/healthz") return [200, "content-type:application/json\ncache-control:no-store\n", health];
  if (method !== "POST" || body === null) return [405, "content-type:text/plain\n", encoder.encode("method")];
  let x = 0;
  for (let i = 0; i < burn; i++) x += Math.sqrt(i);
  if (x < 0) throw new Error("unreachable");
  return [200, "content-type:application/json\ncache-control:no-store\n", result];
}

async function readBody(req) {
  if (req.body === null) return null;
  return new Uint8Array(await req.arrayBuffer());
}

function headerLines(headers) {
  let s = "";
  for (const [k, v] of headers) s += k + ":" + v + "\n";
  return s;
}

export default {
  async fetch(req) {
    const body = await readBody(req);
    const burn = Number(req.headers.get("x-burn") ?? 0) || 0;
    const [status, lines, bytes] = engine(req.method, req.url, headerLines(req.headers), body, burn);
    const headers = new Headers();
    for (const line of lines.split("\n")) {
      const i = line.indexOf(":");
      if (i > 0) headers.append(line.slice(0, i), line.slice(i + 1));
    }
    return new Response(bytes.slice(), { status, headers });
  },
};
