// Starts __PAGE__. URLs resolve against this file, so the bundle works from any path.
// The wasm is fetched with its integrity; the JS is checked by a modulepreload.
try {__WAIT_FOR_THE_PARTNER__
    const bindings = await import('./__JS__');
    const wasm = await bindings.default({ module_or_path: fetch(new URL('./__WASM__', import.meta.url), { integrity: '__WASM_INTEGRITY__' }) });
    window.wasmBindings = bindings;
    dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
} catch (error) {
    document.documentElement.setAttribute('__NOT_STARTED__', '');
    throw error;
}
