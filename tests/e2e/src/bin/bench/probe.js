// The benchmark's instruments, installed before any script of the page (DevTools
// Page.addScriptToEvaluateOnNewDocument, which the page's CSP does not restrict). Everything
// lands in window.__bench; performance.now() counts from the start of the navigation.
(() => {
  const config = __BENCH_CONFIG__; // { ready, draftPrefix, preview } from bench/page.rs
  const now = () => performance.now();
  const bench = (window.__bench = {
    marks: {},
    keys: [],
    frames: [],
    preview: [],
    setItems: [],
    saves: [],
    slowEvents: [],
    errors: [],
  });
  addEventListener('error', (e) => bench.errors.push(String(e.message || e.type)));
  addEventListener('unhandledrejection', (e) => bench.errors.push(String(e.reason)));
  addEventListener('TrunkApplicationStarted', () => { bench.marks.started = now(); });
  addEventListener('pointerdown', () => { bench.marks.firstInteraction ??= now(); }, true);

  // A task queued now runs once the current task and its microtasks are done: the first
  // moment the page could handle input (or, queued in a frame callback, once it is painted).
  const afterTask = (fn) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = fn;
    channel.port2.postMessage(null);
  };

  // ---- First render and readiness for input -------------------------------------------
  const shadowRoots = new WeakMap();
  const isReady = () => {
    if (config.ready.selectors) return config.ready.selectors.every((s) => document.querySelector(s));
    // A page with widgets: each mount point (or its shadow root) shows something, not busy.
    const mounts = [...document.querySelectorAll(config.ready.mount)];
    return mounts.length > 0 && mounts.every((mount) => {
      const root = shadowRoots.get(mount) || mount.shadowRoot || mount;
      const text = [...root.childNodes].filter((n) => n.nodeName !== 'SCRIPT').map((n) => n.textContent).join('').trim();
      return text !== '' && !root.querySelector('[aria-busy="true"]') && mount.getAttribute('aria-busy') !== 'true';
    });
  };
  const check = () => {
    // The page shows the form as the partner left it (src/page_contract.rs, snapshot_script):
    // on screen at the next frame.
    if (bench.marks.snapshotSet === undefined && document.documentElement.hasAttribute('data-snapshot')) {
      bench.marks.snapshotSet = now();
      requestAnimationFrame(() => afterTask(() => { bench.marks.snapshotShown = now(); }));
    }
    // The app has hydrated the page rendered at build time (src/first_page).
    if (bench.marks.takenOver === undefined && document.documentElement.hasAttribute('data-started')) {
      bench.marks.takenOver = now();
    }
    if (bench.marks.readyDom === undefined && isReady()) {
      bench.marks.readyDom = now();
      afterTask(() => { bench.marks.interactive = now(); });
      requestAnimationFrame(() => {
        bench.marks.frame = now();
        afterTask(() => { bench.marks.rendered = now(); });
      });
    }
    // Nothing more to watch once both are seen: recording every later mutation of the
    // document would burden the keystrokes.
    if (bench.marks.readyDom !== undefined && bench.marks.takenOver !== undefined) observer.disconnect();
  };
  const watch = { childList: true, subtree: true, characterData: true, attributes: true };
  const observer = new MutationObserver(check);
  observer.observe(document, watch);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    shadowRoots.set(this, root);
    observer.observe(root, watch);
    return root;
  };

  // ---- Keystrokes -------------------------------------------------------------------------
  // From the keydown (capture, before any listener of the page) to the end of the input event:
  // every listener of keydown, keypress, beforeinput and input and the reactive updates they
  // queue as microtasks. Layout and paint come after and are not counted.
  let key = null;
  let pendingPreview = null;
  // Changes to the preview since this keystroke's input event (see below).
  let previewChanges = [];
  addEventListener('keydown', () => { key = { start: now() }; watchPreview(); }, true);
  addEventListener('input', (event) => {
    const current = key;
    key = null;
    if (!current) return;
    if (config.preview && typeof event.target.value === 'string') {
      pendingPreview = { start: current.start, text: event.target.value };
      // Only this keystroke's changes count: nodes changed before may hold its text by now.
      previewChanges = [];
    }
    // Added while the event is on its way down, so it runs last on the way back up.
    addEventListener('input', () => queueMicrotask(() => {
      bench.keys.push(now() - current.start);
      checkPreview();
      // Up to the next frame painted: the processing, waiting for the frame, style, layout.
      requestAnimationFrame(() => afterTask(() => bench.frames.push(now() - current.start)));
    }), { once: true });
  }, true);

  // ---- Keystroke to preview -------------------------------------------------------------
  // The preview's mutations are delivered before the keystroke's end is marked (in the same
  // microtask checkpoint as the app's updates), so their callback only notes them; they are
  // read afterwards, each changed node alone (reading the whole preview's text there would
  // count this probe's work as the app's, more so the longer the preview).
  let previewObserver = null;
  const watchPreview = () => {
    const preview = !previewObserver && config.preview && document.querySelector(config.preview);
    if (!preview) return;
    previewObserver = new MutationObserver((records) => {
      previewChanges.push({ at: now(), records });
      if (pendingPreview) afterTask(checkPreview);
    });
    previewObserver.observe(preview, { childList: true, subtree: true, characterData: true });
  };
  const checkPreview = () => {
    const changes = previewChanges;
    previewChanges = [];
    for (const { at, records } of changes) {
      for (const record of records) {
        const nodes = record.type === 'childList' ? [...record.addedNodes] : [record.target];
        if (pendingPreview && nodes.some((node) => (node.textContent || '').includes(pendingPreview.text))) {
          bench.preview.push(at - pendingPreview.start);
          pendingPreview = null;
        }
      }
    }
  };

  // ---- Event Timing: keystrokes whose next frame came 16 ms or more later -----------------
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        bench.slowEvents.push({ name: e.name, interactionId: e.interactionId, duration: e.duration, processing: e.processingEnd - e.processingStart });
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch (_) { /* no Event Timing: the count stays empty */ }

  // ---- Autosave -----------------------------------------------------------------------------
  // The app saves from a timer: time each timer callback that writes a draft, and the write.
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (name, value) {
    const start = now();
    const result = setItem.call(this, name, value);
    if (String(name).startsWith(config.draftPrefix)) {
      bench.setItems.push({ ms: now() - start, bytes: String(value).length });
    }
    return result;
  };
  const setTimeout = window.setTimeout;
  window.setTimeout = function (handler, delay, ...rest) {
    if (typeof handler !== 'function') return setTimeout.call(window, handler, delay, ...rest);
    return setTimeout.call(window, function (...args) {
      const start = now();
      const writes = bench.setItems.length;
      try {
        return handler.apply(this, args);
      } finally {
        if (bench.setItems.length > writes) {
          const write = bench.setItems[bench.setItems.length - 1];
          const save = { callback: now() - start, setItem: write.ms, bytes: write.bytes };
          // Queued last: runs after the reactive updates the save queued.
          queueMicrotask(() => { save.total = now() - start; bench.saves.push(save); });
        }
      }
    }, delay, ...rest);
  };
})();
