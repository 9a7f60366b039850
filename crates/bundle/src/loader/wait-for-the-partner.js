
    // A page rendered at build time can be read and answered as it is: its app starts when the
    // partner first reaches for it (so reading costs no main-thread time), or at once when
    // there is a draft to restore or a page other than the form to show (__RESTORING__,
    // __ELSEWHERE__). Meanwhile, once the page is loaded and the browser idle, its files
    // are prefetched at the lowest priority. The app hydrates the page: the nodes stay, so the
    // browser's own handling of a press, a key or typing lands on them, and the app reads it.
    const root = document.documentElement;
    // Buttons have no handlers until the app is in charge: each press meanwhile is counted on
    // the button, and the app applies it as its own state (src/first_page/presses.rs).
    addEventListener('click', (event) => {
        const button = !root.hasAttribute('__STARTED__') && event.target instanceof Element
            && event.target.closest('#__FIRST_PAGE_ID__ button');
        if (button) button.setAttribute('__PRESSED__', String(Number(button.getAttribute('__PRESSED__') || 0) + 1));
    }, { capture: true, passive: true });
    if (!root.hasAttribute('__RESTORING__') && !root.hasAttribute('__ELSEWHERE__')) {
        let started = false;
        const prefetch = () => started || ['./__JS__', './__WASM__'].forEach((file) => document.head.append(
            Object.assign(document.createElement('link'), { rel: 'prefetch', href: new URL(file, import.meta.url).href })));
        const whenIdle = () => (window.requestIdleCallback || setTimeout)(prefetch);
        if (document.readyState === 'complete') whenIdle(); else addEventListener('load', whenIdle, { once: true });
        await new Promise((resolve) => {
            const kinds = __START_EVENTS__;
            const start = () => { started = true; kinds.forEach((kind) => removeEventListener(kind, start, true)); resolve(); };
            kinds.forEach((kind) => addEventListener(kind, start, { capture: true, passive: true }));
        });
    }
    const preload = Object.assign(document.createElement('link'), {
        rel: 'modulepreload', href: new URL('./__JS__', import.meta.url).href, integrity: '__JS_INTEGRITY__', crossOrigin: 'anonymous' });
    await new Promise((loaded, refused) => { preload.onload = loaded; preload.onerror = refused; document.head.append(preload); });