// Turns Trunk's release output into a bundle any static host can serve (run by scripts/build):
//
//   node scripts/lib/finish-bundle.mjs --stage DIR --dist DIR --hosting DIR [--base-path /x/]
//        [--connect-src "https://api.example.com ..."] [--prerendered DIR] FOLDER...
//
// Each FOLDER is where a page goes in DIST (`.` for the app, `widget` for the widget), as its
// index.html; or NAME.html, a page of its own in DIST's root beside the app's (`review.html`,
// which the app's `./review` serves, so its relative URLs resolve as the app's do). Trunk built
// it into STAGE/<folder or NAME.html, `.` as `root`> (Trunk builds one page per run, as
// index.html).
// For each page it
//   - minifies the JS Trunk wrote (wasm-bindgen's glue, the widget's loader) with terser,
//     which scripts/setup installs into .tools/, and brings the page's integrity attributes
//     up to date;
//   - replaces Trunk's inline loader script with an external, content-hashed module that
//     fetches the wasm with Subresource Integrity and resolves every URL against its own
//     location, so no inline script is left and the page works from any path of any origin;
//   - fills the page's `<div id="prerendered" class="prerendered"></div>` with DIR/first-page.html
//     (the app's first page, rendered at build time by crates/prerender, which the app
//     hydrates), so a first visit paints and takes input before the wasm arrives, and its
//     `<script id="head-script"></script>` with DIR/head-script.js; the loader's names are
//     DIR/contract.json (src/page_contract.rs);
//   - computes the page's Content-Security-Policy (hashes of any inline script or style that
//     is still there get added to it);
// then merges all pages into DIST, writes .gz and .br beside every compressible file, and
// writes the host configuration: DIST/_headers (Netlify, Cloudflare Pages; the stand-in reads
// it too), HOSTING/nginx.conf, HOSTING/csp.txt and HOSTING/bundle.json (what a browser
// downloads for each page; the benchmark reads it).
// DIST/_redirects, copied from public/ by Trunk, routes the app's addresses to its page and the
// API to the Marketplace (Netlify's format): its page routes get the page's headers in _headers,
// and nginx.conf gets the same rules (locations that serve the page, and proxy_pass).
// DIST/404.html is the app's page again, for hosts that cannot route but serve a site's
// 404.html for every path that is no file (GitHub Pages): the app's addresses open there too.
// Such hosts send no headers of ours, so it carries its policy in a <meta> element, and sends an
// address of another page (`./review`) on to that page's file (`./review.html`). A page of its
// own in the root carries its policy in a <meta> element too: such hosts serve it as a file.
//
// Node's own zlib (gzip and brotli) and crypto do the work, and terser minifies.

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "no-cache";
// Trunk names built assets `<name>-<hash>[_bg].<ext>`, the hash a u64 in hex without leading
// zeros (so 16 digits, sometimes fewer); the loaders follow suit.
const HASHED = /-[0-9a-f]{10,16}(_bg)?\.[a-z0-9]+$/;
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".svg", ".txt", ".map", ".ico"]);
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json", ".svg": "image/svg+xml", ".txt": "text/plain", ".ico": "image/x-icon" };

function fail(message) {
    console.error(`finish-bundle: ${message}`);
    process.exit(1);
}

function parseArgs(argv) {
    const options = { pages: [], basePath: "/", connectSrc: [] };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const value = () => argv[++i] ?? fail(`${arg} needs a value`);
        if (arg === "--stage") options.stage = value();
        else if (arg === "--dist") options.dist = value();
        else if (arg === "--hosting") options.hosting = value();
        else if (arg === "--base-path") options.basePath = value();
        // Origins every page may call besides its own (an API base on another origin).
        else if (arg === "--connect-src") options.connectSrc.push(...value().split(/\s+/).filter(Boolean));
        else if (arg === "--prerendered") {
            const dir = value();
            options.prerendered = {
                html: readFileSync(join(dir, "first-page.html"), "utf8"),
                headScript: readFileSync(join(dir, "head-script.js"), "utf8"),
                contract: JSON.parse(readFileSync(join(dir, "contract.json"), "utf8")),
            };
        }
        else if (arg.startsWith("--")) fail(`unknown option ${arg}`);
        else options.pages.push(arg.replace(/^\.\/|\/$/g, "") || ".");
    }
    if (!options.stage || !options.dist || !options.hosting || options.pages.length === 0) {
        fail("usage: finish-bundle.mjs --stage DIR --dist DIR --hosting DIR [--base-path /x/] [--connect-src ORIGINS] [--prerendered DIR] FOLDER...");
    }
    if (!options.basePath.startsWith("/") || !options.basePath.endsWith("/")) {
        fail(`--base-path must start and end with "/": ${options.basePath}`);
    }
    return options;
}

const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
const cspHash = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
const shortHash = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);

/** A page: where it goes in DIST, where Trunk left it, and the names it goes by. */
function pageOf(stage, target) {
    const ownFile = target.endsWith(".html") ? target : undefined; // a page in DIST's root
    const folder = ownFile ? "." : target;
    const prefix = folder === "." ? "" : `${folder}/`;
    return {
        folder,
        prefix, // of every file of the page, relative to DIST
        stageDir: join(stage, target === "." ? "root" : target.replaceAll("/", "_")),
        htmlName: ownFile ?? "index.html", // in its folder
        page: `${prefix}${ownFile ?? "index.html"}`, // relative to DIST
        name: ownFile ? ownFile.replace(/\.html$/, "") : folder === "." ? "app" : folder, // in the bundle report
    };
}

/** The app's own page (its folder's index.html in DIST's root), if the bundle has it. */
const appPage = (pages) => pages.find(({ page }) => page === "index.html");

/**
 * Trunk 0.21's loader, as it injects it for `<link data-trunk rel="rust">`:
 *   <script type="module">import init, * as bindings from './x.js';
 *   const wasm = await init({ module_or_path: './x_bg.wasm' }); ... </script>
 */
const TRUNK_LOADER = /<script type="module"(?: nonce="[^"]*")?>\s*import init(?:, \* as bindings)? from '([^']+\.js)';\s*const wasm = await init\(\{ module_or_path: '([^']+\.wasm)' \}\);[\s\S]*?<\/script>/;

/**
 * The module that replaces Trunk's inline loader: same behaviour, plus SRI on the wasm, a page
 * that says so when it cannot start (a file refused or missing: its root element gets
 * `data-not-started`, which shows the page's `.not-started-note`), and a prerendered page's
 * app started on the partner's first interaction.
 */
function loaderSource(page, js, wasm, wasmIntegrity, jsIntegrity, contract) {
    // A prerendered page's JS and wasm are only prefetched (lowest priority, nothing run, once
    // the page is loaded), and the JS is checked on use by a modulepreload the loader adds then.
    const waitForThePartner = jsIntegrity === undefined ? "" : `
    // A page rendered at build time can be read and answered as it is: its app starts when the
    // partner first reaches for it (so reading costs no main-thread time), or at once when
    // there is a draft to restore or a page other than the form to show (${contract.restoring},
    // ${contract.elsewhere}). Meanwhile, once the page is loaded and the browser idle, its files
    // are prefetched at the lowest priority. The app hydrates the page: the nodes stay, so the
    // browser's own handling of a press, a key or typing lands on them, and the app reads it.
    const root = document.documentElement;
    // Buttons have no handlers until the app is in charge: each press meanwhile is counted on
    // the button, and the app applies it as its own state (src/first_page/presses.rs).
    addEventListener('click', (event) => {
        const button = !root.hasAttribute('${contract.started}') && event.target instanceof Element
            && event.target.closest('#${contract.firstPageId} button');
        if (button) button.setAttribute('${contract.pressed}', String(Number(button.getAttribute('${contract.pressed}') || 0) + 1));
    }, { capture: true, passive: true });
    if (!root.hasAttribute('${contract.restoring}') && !root.hasAttribute('${contract.elsewhere}')) {
        let started = false;
        const prefetch = () => started || ['./${js}', './${wasm}'].forEach((file) => document.head.append(
            Object.assign(document.createElement('link'), { rel: 'prefetch', href: new URL(file, import.meta.url).href })));
        const whenIdle = () => (window.requestIdleCallback || setTimeout)(prefetch);
        if (document.readyState === 'complete') whenIdle(); else addEventListener('load', whenIdle, { once: true });
        await new Promise((resolve) => {
            const kinds = ${JSON.stringify(contract.startEvents)};
            const start = () => { started = true; kinds.forEach((kind) => removeEventListener(kind, start, true)); resolve(); };
            kinds.forEach((kind) => addEventListener(kind, start, { capture: true, passive: true }));
        });
    }
    const preload = Object.assign(document.createElement('link'), {
        rel: 'modulepreload', href: new URL('./${js}', import.meta.url).href, integrity: '${jsIntegrity}', crossOrigin: 'anonymous' });
    await new Promise((loaded, refused) => { preload.onload = loaded; preload.onerror = refused; document.head.append(preload); });`;
    return `// Starts ${page}. URLs resolve against this file, so the bundle works from any path.
// The wasm is fetched with its integrity; the JS is checked by a modulepreload.
try {${waitForThePartner}
    const bindings = await import('./${js}');
    const wasm = await bindings.default({ module_or_path: fetch(new URL('./${wasm}', import.meta.url), { integrity: '${wasmIntegrity}' }) });
    window.wasmBindings = bindings;
    dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
} catch (error) {
    document.documentElement.setAttribute('${contract?.notStarted ?? "data-not-started"}', '');
    throw error;
}
`;
}

/**
 * An inline script for a prerendered page, run as its <head> is parsed: when the loader will
 * start the app at once (a stored draft to restore, `data-restoring`; another address than the
 * form, `data-elsewhere`; a query or fragment: the same test as loaderSource's), it asks for the
 * JS glue, the wasm and config.json right away, in parallel, with the integrity the loader
 * checks them with, instead of one after the other once the loader has arrived and run. The
 * loader's import, its fetch of the wasm and the app's fetch of config.json then find them
 * preloaded. A first visit without a draft asks for nothing more (its files stay prefetched at
 * idle). Relative URLs resolve against the page, as the loader's own tag does. The build
 * hashes it into the CSP.
 */
function restoringPreloads(js, wasm, jsIntegrity, wasmIntegrity, contract) {
    const links = [
        { rel: "modulepreload", href: `./${js}`, integrity: jsIntegrity },
        { rel: "preload", as: "fetch", href: `./${wasm}`, integrity: wasmIntegrity },
        { rel: "preload", as: "fetch", href: "./config.json" },
    ];
    // A statement appended to the page's one inline script (after it sets the attributes), so
    // the policy still allows one inline script by its hash.
    return `;(function(){var r=document.documentElement;if(r.hasAttribute(${JSON.stringify(contract.restoring)})||r.hasAttribute(${JSON.stringify(contract.elsewhere)}))${JSON.stringify(links)}.forEach(function(a){var l=document.createElement("link");for(var k in a)l.setAttribute(k,a[k]);l.setAttribute("crossorigin","anonymous");document.head.appendChild(l)})})()`;
}

/** The page hosts serve, with status 404, for a path that is no file. */
const NOT_FOUND_PAGE = "404.html";

/**
 * The app's page as NOT_FOUND_PAGE: its policy in a <meta> element first thing in <head>, for
 * hosts that send no headers (frame-ancestors is ignored there, and Chromium says so: left out).
 */
function notFoundPage(html, csp, routes) {
    // The app's addresses that another page serves (`/review /review.html 200`): sent on to
    // that page's file, beside this one, with the address's query and fragment.
    const elsewhere = Object.fromEntries(routes
        .filter(({ page }) => page && page.page !== "index.html")
        .map(({ from, page }) => [from.slice(1), page.page]));
    let policy = csp;
    let forward = "";
    if (Object.keys(elsewhere).length > 0) {
        const script = `var p=${JSON.stringify(elsewhere)}[location.pathname.slice(location.pathname.lastIndexOf("/")+1)];if(p)location.replace(p+location.search+location.hash)`;
        forward = `<script>${script}</script>`;
        policy = policy.replace("script-src 'self' 'wasm-unsafe-eval'", (directive) => `${directive} ${cspHash(script)}`);
    }
    return withPolicyMeta(html, policy, "the app's page").replace(/(<meta http-equiv[^>]*>)/, (meta) => meta + forward);
}

/** `html` with its policy in a <meta> element first thing in <head>, for hosts that send none. */
function withPolicyMeta(html, csp, what) {
    const policy = csp.split("; ").filter((directive) => !directive.startsWith("frame-ancestors")).join("; ");
    const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
    if (!/<head>/.test(html)) fail(`${what} has no <head> to put its policy in`);
    return html.replace("<head>", () => `<head>${meta}`);
}

const PRERENDERED_PLACEHOLDER = '<div id="prerendered" class="prerendered"></div>';
const HEAD_SCRIPT_PLACEHOLDER = '<script id="head-script"></script>';

/** A URL in a page or module, as a path relative to the folder it is in; `null` for data. */
function relativeAsset(url, where) {
    if (url.startsWith("data:")) return null;
    if (/^([a-z][a-z0-9+.-]*:|\/)/i.test(url)) {
        fail(`${where} refers to ${url}: assets must be relative; is public_url = "./" gone from Trunk.toml?`);
    }
    return url.replace(/^\.\//, "");
}

/** Modules and files a JS file loads: static and dynamic imports, `new URL(x, import.meta.url)`. */
function referencesIn(source) {
    const found = [];
    const patterns = [
        /\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
        /\bimport\s*['"]([^'"]+)['"]/g,
        /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
        /new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g,
    ];
    for (const pattern of patterns) for (const [, url] of source.matchAll(pattern)) found.push(url);
    return found.filter((url) => url.startsWith("./") || url.startsWith("../") || !/^([a-z][a-z0-9+.-]*:|\/)/i.test(url));
}

/**
 * Minifies every JS file Trunk staged, in place: wasm-bindgen's glue keeps its comments,
 * long names and spacing (a third of it, by Lighthouse's count). ES modules: exports, imports
 * and `import.meta.url` stay as they are.
 */
function minifyScripts(stageDir) {
    for (const name of readdirSync(stageDir).filter((name) => /\.m?js$/.test(name))) {
        const path = join(stageDir, name);
        try {
            execFileSync("terser", [path, "--module", "--compress", "--mangle", "--output", path], { stdio: ["ignore", "ignore", "inherit"] });
        } catch (error) {
            fail(error.code === "ENOENT" ? "terser is not on PATH: run scripts/setup" : `terser could not minify ${path}`);
        }
    }
}

/** Every `integrity` attribute of the page, recomputed from the file its tag names. */
function refreshIntegrity(html, stageDir, page) {
    return html.replace(/<(?:link|script)\b[^>]*>/g, (tag) => {
        const url = tag.match(/\s(?:href|src)="([^"]*)"/)?.[1];
        if (!url || !/\sintegrity="/.test(tag)) return tag;
        const file = relativeAsset(url, page);
        if (file === null || !existsSync(join(stageDir, file))) return tag;
        return tag.replace(/\sintegrity="[^"]*"/, ` integrity="${sri(readFileSync(join(stageDir, file)))}"`);
    });
}

/** Rewrites one staged page; returns its final HTML, CSP and the files a browser loads. */
function finishPage({ stageDir, page, name, htmlName }, extraConnectSrc, prerendered) {
    const htmlPath = join(stageDir, "index.html");
    if (!existsSync(htmlPath)) fail(`Trunk produced no ${htmlPath}`);
    minifyScripts(stageDir);
    let html = refreshIntegrity(readFileSync(htmlPath, "utf8"), stageDir, page);
    const files = [htmlName]; // relative to the page's folder
    const extraFiles = new Map(); // name -> contents written by this script

    const isPrerendered = prerendered !== undefined && html.includes(PRERENDERED_PLACEHOLDER);
    if (isPrerendered) {
        // No whitespace around it: the app hydrates the holder's children as rendered.
        html = html.replace(PRERENDERED_PLACEHOLDER, () => PRERENDERED_PLACEHOLDER.replace("></div>", `>${prerendered.html}</div>`));
        if (!html.includes(HEAD_SCRIPT_PLACEHOLDER)) fail(`${page} has no ${HEAD_SCRIPT_PLACEHOLDER}`);
        html = html.replace(HEAD_SCRIPT_PLACEHOLDER, () => `<script>${prerendered.headScript}</script>`);
    }

    const loader = html.match(TRUNK_LOADER);
    if (loader) {
        const js = relativeAsset(loader[1], page);
        const wasm = relativeAsset(loader[2], page);
        const wasmBytes = readFileSync(join(stageDir, wasm));
        let jsIntegrity;
        if (isPrerendered) {
            // Nothing the first paint waits for: the loader fetches them later (see loaderSource).
            jsIntegrity = sri(readFileSync(join(stageDir, js)));
            const preloads = [...html.matchAll(/<link rel="(?:modulepreload|preload)" href="([^"]*)"[^>]*>/g)];
            if (preloads.length !== 2) fail(`${page}: expected Trunk's two preload links, found ${preloads.length}`);
            for (const [tag] of preloads) html = html.replace(tag, "");
        }
        const source = loaderSource(page, js, wasm, sri(wasmBytes), jsIntegrity, isPrerendered ? prerendered.contract : undefined);
        if (isPrerendered) {
            // Before the stylesheets, after the page's script that sets `data-restoring` (moved
            // up with it): a script after a stylesheet waits for it, which would hold the
            // requests back by a round trip.
            const setsRestoring = new RegExp(`<script>(?:(?!</script>)[\\s\\S])*${prerendered.contract.restoring}[\\s\\S]*?</script>`);
            const restoring = html.match(setsRestoring)?.[0] ?? fail(`${page}: no script sets ${prerendered.contract.restoring}`);
            const preloads = restoringPreloads(js, wasm, jsIntegrity, sri(wasmBytes), prerendered.contract);
            const withPreloads = restoring.replace(/<\/script>$/, `${preloads}</script>`);
            html = html.replace(restoring, "").replace(/<link\b/, (link) => `${withPreloads}\n    ${link}`);
        }
        const loaderName = `${name}-loader-${shortHash(source)}.js`;
        extraFiles.set(loaderName, source);
        const tag = `<script type="module" src="./${loaderName}" integrity="${sri(Buffer.from(source))}" crossorigin="anonymous"></script>`;
        // The tag goes after Trunk's preload links: the JS module is then already being
        // fetched, with its integrity, when the loader imports it.
        html = html.replace(loader[0], "");
        if (!html.includes("</head>")) fail(`${page} has no </head>`);
        html = html.replace("</head>", `${tag}\n</head>`);
    } else if (/<script type="module"[^>]*>\s*import init/.test(html)) {
        fail(`${page}: Trunk's loader script has a new format (update TRUNK_LOADER)`);
    }

    // A page that fetches from elsewhere names the origins in the page itself, e.g. the widget:
    // <meta name="privacy-tab:connect-src" content="https://marketplace.atlassian.com">
    const connectSources = [...extraConnectSrc];
    html = html.replace(/\s*<meta name="privacy-tab:connect-src" content="([^"]*)"\s*\/?>/g, (_, origins) => {
        connectSources.push(...origins.split(/\s+/).filter(Boolean));
        return "";
    });

    // Whatever inline script or style is left gets its hash into the policy.
    const scriptHashes = [];
    const styleHashes = [];
    for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        if (/\bsrc=/.test(attrs)) continue;
        if (/type="application\/(ld\+)?json"/.test(attrs)) continue; // data, never run
        scriptHashes.push(cspHash(body));
    }
    for (const [, body] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) styleHashes.push(cspHash(body));
    if (/<[a-z][^>]*\sstyle="/i.test(html)) fail(`${page} has a style="" attribute, which a strict CSP blocks: use a class`);
    if (/<[a-z][^>]*\son[a-z]+="/i.test(html)) fail(`${page} has an inline event handler attribute, which a strict CSP blocks`);

    // Every file the page asks for, in document order, then what those modules load in turn.
    for (const [, url] of html.matchAll(/<(?:link|script)\b[^>]*?\s(?:href|src)="([^"]*)"/g)) {
        const file = relativeAsset(url, page);
        if (file !== null && !files.includes(file)) files.push(file);
    }
    // With the page rendered ahead, a partner can answer once the HTML and its stylesheets are
    // in: the rest (loader, JS, wasm) takes over later. Without, nothing works before the wasm.
    const beforeInput = prerendered !== undefined && html.includes('id="prerendered"')
        ? [htmlName, ...[...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\shref="([^"]*)"/g)].map(([, url]) => relativeAsset(url, page))]
        : null;
    const contents = (file) => extraFiles.get(file) ?? readFileSync(join(stageDir, file), "utf8");
    for (let i = 1; i < files.length; i++) {
        if (!extraFiles.has(files[i]) && !existsSync(join(stageDir, files[i]))) fail(`${page} refers to ${files[i]}, which Trunk did not produce`);
        if (!/\.m?js$/.test(files[i])) continue;
        const folder = files[i].includes("/") ? files[i].slice(0, files[i].lastIndexOf("/") + 1) : "";
        for (const url of referencesIn(contents(files[i]))) {
            const file = join(folder, url).replace(/\\/g, "/");
            // wasm-bindgen's glue names a default wasm path that the loader overrides: only
            // files that exist are fetched.
            if (!files.includes(file) && (extraFiles.has(file) || existsSync(join(stageDir, file)))) files.push(file);
        }
    }

    const csp = [
        "default-src 'none'",
        ["script-src 'self' 'wasm-unsafe-eval'", ...scriptHashes].join(" "),
        ["style-src 'self'", ...styleHashes].join(" "),
        "img-src 'self' data:",
        "font-src 'self'",
        // The app calls the Marketplace API on its own origin (/rest/2, behind a proxy).
        ["connect-src 'self'", ...connectSources].join(" "),
        "manifest-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
        "object-src 'none'",
    ].join("; ");
    if (htmlName !== "index.html") html = withPolicyMeta(html, csp, page);
    return { html, csp, files, extraFiles, beforeInput };
}

function compress(path) {
    const bytes = readFileSync(path);
    const text = extname(path) !== ".wasm";
    const gz = gzipSync(bytes, { level: 9 });
    const br = brotliCompressSync(bytes, {
        params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
            [constants.BROTLI_PARAM_MODE]: text ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
            [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
    });
    const sizes = { raw: bytes.length, gzip: bytes.length, brotli: bytes.length };
    // A host serves the compressed file only if it exists; it exists only when it is smaller.
    if (gz.length < bytes.length) { writeFileSync(`${path}.gz`, gz); sizes.gzip = gz.length; }
    if (br.length < bytes.length) { writeFileSync(`${path}.br`, br); sizes.brotli = br.length; }
    return sizes;
}

/**
 * The rules of DIST/_redirects (`from to [status]`, Netlify's format; none without the file):
 * `page` names the page a rewrite (200) serves at a route, `proxy` the origin a path goes to.
 */
function routingRules(dist, pages) {
    const path = join(dist, "_redirects");
    if (!existsSync(path)) return [];
    return readFileSync(path, "utf8")
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith("#"))
        .map((line) => {
            const [from, to, status = "301"] = line.split(/\s+/);
            if (!from?.startsWith("/") || !to) fail(`_redirects: not "from to [status]": ${line}`);
            const page = status === "200" ? pages.find((p) => `/${p.page}` === to) : undefined;
            const proxy = status === "200" && /^https?:\/\//.test(to);
            if (status === "200" && !page && !proxy) fail(`_redirects: ${to} is no page of the bundle: ${line}`);
            return { from, to, status, page, proxy };
        });
}

function headerRules(pages, allFiles, routes = []) {
    const rules = [];
    // Hosts pick headers by the address asked for: a route gets its page's headers.
    for (const { from, page } of routes.filter((route) => route.page)) {
        rules.push({
            path: from,
            headers: [
                ["X-Content-Type-Options", "nosniff"],
                ["Cache-Control", REVALIDATE],
                ["Content-Security-Policy", page.csp],
                ["Referrer-Policy", "no-referrer"],
            ],
        });
    }
    for (const file of allFiles) {
        const headers = [["X-Content-Type-Options", "nosniff"]];
        const page = pages.find((p) => p.page === file);
        const pageOfFile = page ?? (file === NOT_FOUND_PAGE ? appPage(pages) : undefined);
        headers.push(["Cache-Control", HASHED.test(file) ? IMMUTABLE : REVALIDATE]);
        if (pageOfFile) {
            headers.push(["Content-Security-Policy", pageOfFile.csp], ["Referrer-Policy", "no-referrer"]);
            if (page?.htmlName === "index.html") rules.push({ path: `/${page.prefix}`, headers });
        } else {
            // Public files, no credentials: other sites may load them (the widget's pages do).
            headers.push(["Access-Control-Allow-Origin", "*"]);
        }
        rules.push({ path: `/${file}`, headers });
    }
    return rules;
}

function netlifyHeaders(rules) {
    const lines = [
        "# Generated by scripts/build. Response headers in the format of Netlify and Cloudflare Pages",
        "# (publish dist/ as is); the local stand-in reads this file too (--static-headers).",
        "# Hashed assets never change, so they are cached for a year; pages are always revalidated.",
        "# Paths are relative to where dist/ is published.",
    ];
    for (const rule of rules) {
        lines.push(rule.path, ...rule.headers.map(([name, value]) => `  ${name}: ${value}`));
    }
    return lines.join("\n") + "\n";
}

function nginxConf(pages, basePath, routes = []) {
    const quote = (value) => `"${value.replace(/"/g, '\\"')}"`;
    const security = ['add_header X-Content-Type-Options "nosniff" always;'];
    const out = [
        "# Generated by scripts/build: serves dist/ at " + basePath + " with the headers of dist/_headers.",
        "# Put it inside a server {} block, with the contents of dist/ deployed to <root>" + basePath + ".",
        "# Assets resolve relative to the page, so only this block knows the path.",
        `location ${basePath} {`,
        "    root /srv/privacy-tab;  # <root>: change to where you deploy",
        "    index index.html;",
        "    # Serve the .gz/.br files written at build time instead of compressing per request.",
        "    gzip_static on;",
        "    # brotli_static on;  # needs the ngx_brotli module",
        "    types {",
        ...Object.entries(TYPES).filter(([ext]) => ext !== ".mjs").map(([ext, type]) => `        ${type} ${ext.slice(1)}${ext === ".js" ? " mjs" : ""};`),
        "    }",
        `    add_header Cache-Control ${quote(REVALIDATE)} always;`,
        ...security.map((line) => `    ${line}`),
        "",
        "    # Content-hashed assets never change: cache them for a year.",
        `    location ~ "-[0-9a-f]{10,16}(_bg)?\\.[a-z0-9]+$" {`,
        `        add_header Cache-Control ${quote(IMMUTABLE)} always;`,
        '        add_header Access-Control-Allow-Origin "*" always;',
        ...security.map((line) => `        ${line}`),
        "    }",
        "    # Other pages may load these (the widget's host pages do).",
        '    location ~ "\\.(js|mjs|wasm|css|json)$" {',
        `        add_header Cache-Control ${quote(REVALIDATE)} always;`,
        '        add_header Access-Control-Allow-Origin "*" always;',
        ...security.map((line) => `        ${line}`),
        "    }",
    ];
    for (const { page, prefix, csp, htmlName } of pages) {
        const paths = htmlName === "index.html" ? [`${basePath}${prefix}`, `${basePath}${page}`] : [`${basePath}${page}`];
        for (const path of paths) {
            out.push(
                "",
                `    location = ${path} {`,
                `        add_header Cache-Control ${quote(REVALIDATE)} always;`,
                `        add_header Content-Security-Policy ${quote(csp)} always;`,
                '        add_header Referrer-Policy "no-referrer" always;',
                ...security.map((line) => `        ${line}`),
                "    }",
            );
        }
    }
    for (const { from, to, page } of routes.filter((route) => route.page)) {
        out.push(
            "",
            `    # ${from}: an address of the app, served its page (dist/_redirects).`,
            `    location = ${basePath}${from.slice(1)} {`,
            `        add_header Cache-Control ${quote(REVALIDATE)} always;`,
            `        add_header Content-Security-Policy ${quote(page.csp)} always;`,
            '        add_header Referrer-Policy "no-referrer" always;',
            ...security.map((line) => `        ${line}`),
            `        try_files ${basePath}${to.slice(1)} =404;`,
            "    }",
        );
    }
    out.push("}");
    for (const { from, to } of routes.filter((route) => route.proxy)) {
        // `/rest/2/*` to `https://host/rest/2/:splat`: the path under the prefix goes along.
        const prefix = from.replace(/\*$/, "");
        const target = to.replace(/:splat$/, "");
        out.push(
            `# ${prefix}: the Marketplace API on this origin, where the app calls it (dist/_redirects).`,
            `location ${prefix} {`,
            `    proxy_pass ${target};`,
            "    proxy_ssl_server_name on;",
            "}",
        );
    }
    if (basePath !== "/") {
        // Relative asset URLs need the page's trailing slash.
        out.push(`location = ${basePath.slice(0, -1)} {`, `    return 301 ${basePath};`, "}");
    }
    return out.join("\n") + "\n";
}

function main() {
    const options = parseArgs(process.argv.slice(2));
    const pages = options.pages.map((folder) => {
        const page = pageOf(options.stage, folder);
        return { ...page, ...finishPage(page, options.connectSrc, options.prerendered) };
    });

    rmSync(options.dist, { recursive: true, force: true });
    mkdirSync(options.dist, { recursive: true });
    for (const { prefix, stageDir, html, extraFiles, page } of pages) {
        const target = join(options.dist, prefix);
        mkdirSync(target, { recursive: true });
        for (const name of readdirSync(stageDir)) {
            if (name === "index.html") continue;
            // Folders are wasm-bindgen's snippets (JS modules the glue imports).
            if (statSync(join(stageDir, name)).isDirectory()) cpSync(join(stageDir, name), join(target, name), { recursive: true });
            else copyFileSync(join(stageDir, name), join(target, name));
        }
        for (const [name, contents] of extraFiles) writeFileSync(join(target, name), contents);
        writeFileSync(join(options.dist, page), html);
    }
    const routes = routingRules(options.dist, pages);
    const app = appPage(pages);
    if (app) writeFileSync(join(options.dist, NOT_FOUND_PAGE), notFoundPage(app.html, app.csp, routes));

    const allFiles = readdirSync(options.dist, { recursive: true })
        .map((file) => file.replace(/\\/g, "/"))
        .filter((file) => statSync(join(options.dist, file)).isFile())
        .sort();
    const sizes = {};
    for (const file of allFiles) {
        const path = join(options.dist, file);
        const raw = statSync(path).size;
        sizes[file] = COMPRESSIBLE.has(extname(file)) ? compress(path) : { raw, gzip: raw, brotli: raw };
    }

    writeFileSync(join(options.dist, "_headers"), netlifyHeaders(headerRules(pages, allFiles, routes)));
    rmSync(options.hosting, { recursive: true, force: true });
    mkdirSync(options.hosting, { recursive: true });
    writeFileSync(join(options.hosting, "nginx.conf"), nginxConf(pages, options.basePath, routes));
    writeFileSync(join(options.hosting, "csp.txt"), pages.map(({ page, csp }) => `${page}\n${csp}\n`).join("\n"));
    const bundle = {
        generatedBy: "scripts/build",
        pages: pages.map(({ name, page, prefix, csp, files, beforeInput }) => ({
            name,
            html: page,
            csp,
            files: files.map((file) => ({ file: prefix + file, ...sizes[prefix + file], ...(beforeInput ? { beforeInput: beforeInput.includes(file) } : {}) })),
        })),
    };
    writeFileSync(join(options.hosting, "bundle.json"), JSON.stringify(bundle, null, 2) + "\n");

    for (const { name, files } of bundle.pages) {
        const total = (key) => files.reduce((sum, file) => sum + file[key], 0);
        console.log(`finish-bundle: ${name}: ${files.length} files, ${total("raw")} B raw, ${total("gzip")} B gzip, ${total("brotli")} B brotli`);
    }
}

main();
