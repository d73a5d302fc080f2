// The first floor of tests/js/e2e/bench.mjs: fetch and compile partnerscore.wasm (streaming,
// as js/engine.js does), then mark the time. No instance, no Go, no app.
await WebAssembly.compileStreaming(fetch('partnerscore.wasm'))
performance.mark('floor:done')
