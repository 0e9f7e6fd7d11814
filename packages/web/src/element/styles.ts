/**
 * The component's styles, scoped by its shadow root. Colours are chosen for at least 4.5:1
 * contrast on their backgrounds (WCAG AA); pages theme the component through the --lcz-*
 * custom properties, which cross the shadow boundary. The layout follows the component's own
 * width (a container query), not the window's, so it works in a sidebar as on a phone.
 */
export const STYLES = /* css */ `
:host {
  --lcz-font: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif;
  --lcz-text: #1b1f24;
  --lcz-muted: #4a5560;
  --lcz-border: #8a949e;
  --lcz-surface: #ffffff;
  --lcz-surface-alt: #f3f5f7;
  --lcz-accent: #0b57b0;
  --lcz-focus: #0b57b0;
  --lcz-pass-fg: #17572b; --lcz-pass-bg: #e2f2e6;
  --lcz-fail-fg: #9a1b1b; --lcz-fail-bg: #fbe7e7;
  --lcz-unknown-fg: #664a00; --lcz-unknown-bg: #fff1c7;
  --lcz-na-fg: #38444f; --lcz-na-bg: #e8ecef;
  display: block;
  container-type: inline-size;
  font: 16px/1.5 var(--lcz-font);
  color: var(--lcz-text);
  background: var(--lcz-surface);
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
h2 { font-size: 1.25rem; margin: 0 0 .5rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .4rem; }
p { margin: .25rem 0; }
button, input, select { font: inherit; color: inherit; }
:focus-visible { outline: 3px solid var(--lcz-focus); outline-offset: 2px; }

.bar { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .5rem; margin-bottom: .75rem; }
.title { font-weight: 600; font-size: 1.1rem; margin: 0; }
.lang { border: 1px solid var(--lcz-accent); color: var(--lcz-accent); background: var(--lcz-surface); border-radius: .4rem; padding: .35rem .8rem; cursor: pointer; min-height: 44px; }
.lang:hover { background: #e8f0fb; }

.layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem; align-items: start; }
@container (min-width: 50rem) {
  .layout { grid-template-columns: minmax(0, 1.15fr) minmax(0, 1fr); }
  .result { position: sticky; top: .5rem; max-height: calc(100vh - 1rem); overflow: auto; }
  .minibar { display: none !important; }
}

.intro, .note { color: var(--lcz-muted); font-size: .9rem; }
.section { border: 1px solid var(--lcz-border); border-radius: .5rem; padding: .5rem .9rem .8rem; margin: 0 0 1rem; min-width: 0; }
.section--context { background: var(--lcz-surface-alt); }
legend { font-weight: 600; padding: 0 .3rem; max-width: 100%; }
.field { margin: .7rem 0 0; }
.field label { display: block; font-weight: 500; }
.unit { font-weight: 400; color: var(--lcz-muted); }
.field input, .field select {
  display: block; width: 100%; max-width: 22rem; min-height: 44px; margin-top: .25rem;
  padding: .4rem .55rem; border: 1px solid var(--lcz-border); border-radius: .35rem; background: var(--lcz-surface);
}
.field input[aria-invalid="true"], .field select[aria-invalid="true"] { border: 2px solid var(--lcz-fail-fg); }
.help { color: var(--lcz-muted); font-size: .85rem; }
.msg { color: var(--lcz-fail-fg); background: var(--lcz-fail-bg); border-radius: .3rem; padding: .2rem .45rem; margin-top: .3rem; font-size: .9rem; font-weight: 500; }
.msg::before { content: "⚠ "; }

.result { border: 1px solid var(--lcz-border); border-radius: .5rem; padding: .75rem .9rem; background: var(--lcz-surface); }
.decision { border-radius: .45rem; padding: .6rem .8rem; border-left: 6px solid var(--lcz-na-fg); background: var(--lcz-na-bg); color: var(--lcz-na-fg); }
.decision strong { display: block; font-size: 1.2rem; letter-spacing: .02em; }
.decision--recognised { border-color: var(--lcz-pass-fg); background: var(--lcz-pass-bg); color: var(--lcz-pass-fg); }
.decision--not_recognised { border-color: var(--lcz-fail-fg); background: var(--lcz-fail-bg); color: var(--lcz-fail-fg); }
.decision--undetermined { border-color: var(--lcz-unknown-fg); background: var(--lcz-unknown-bg); color: var(--lcz-unknown-fg); }
.filled { color: var(--lcz-muted); font-size: .9rem; margin-top: .4rem; }
.warn { color: var(--lcz-fail-fg); font-size: .9rem; }
.block ul { margin: .2rem 0; padding-left: 1.2rem; }
.reasons li, .gap > li { margin: .2rem 0; }

.badge { display: inline-block; min-width: 5.5rem; text-align: center; border-radius: 1rem; padding: 0 .5rem; font-size: .8rem; font-weight: 600; line-height: 1.6rem; white-space: nowrap; }
.badge--pass, .badge--met { background: var(--lcz-pass-bg); color: var(--lcz-pass-fg); }
.badge--fail, .badge--not_met { background: var(--lcz-fail-bg); color: var(--lcz-fail-fg); }
.badge--unknown { background: var(--lcz-unknown-bg); color: var(--lcz-unknown-fg); }
.badge--not_applicable { background: var(--lcz-na-bg); color: var(--lcz-na-fg); }

.group { border: 1px solid var(--lcz-border); border-radius: .45rem; margin: .5rem 0; }
.group summary { cursor: pointer; padding: .45rem .6rem; list-style-position: inside; }
.group[open] summary { border-bottom: 1px solid var(--lcz-border); }
.group-title { font-weight: 600; }
.count { display: block; color: var(--lcz-muted); font-size: .85rem; margin-left: 1.1rem; }
ul.criteria { list-style: none; margin: 0; padding: .3rem .6rem; }
.criterion { display: flex; gap: .6rem; align-items: flex-start; padding: .3rem 0; border-bottom: 1px solid var(--lcz-surface-alt); }
.criterion:last-child { border-bottom: 0; }
.criterion .badge { flex: none; margin-top: .1rem; }
.criterion-body { min-width: 0; font-size: .92rem; }
.cid { font-weight: 700; margin-right: .25rem; }
.tag { font-size: .75rem; border: 1px solid var(--lcz-muted); color: var(--lcz-muted); border-radius: .25rem; padding: 0 .25rem; margin-right: .25rem; }
.why { display: block; color: var(--lcz-muted); font-size: .85rem; }
.obstacle { color: var(--lcz-muted); font-size: .85rem; }
.candidates, .changes { font-size: .92rem; }
.plan { border-left: 4px solid var(--lcz-accent); padding-left: .6rem; margin-top: .5rem; }
/* A button is an inline block: aligned to the top, a list bullet stays on its first line. */
button.link { background: none; border: 0; padding: 0; color: var(--lcz-accent); text-decoration: underline; cursor: pointer; text-align: left; min-height: 24px; vertical-align: top; }

.minibar {
  position: sticky; bottom: 0; z-index: 1; display: flex; align-items: center; justify-content: space-between; gap: .5rem;
  padding: .5rem .75rem; border: 1px solid var(--lcz-border); border-radius: .5rem; background: var(--lcz-surface);
  box-shadow: 0 -2px 8px rgba(0, 0, 0, .12); font-weight: 600;
}
.minibar.decision--recognised { color: var(--lcz-pass-fg); border-left: 6px solid var(--lcz-pass-fg); }
.minibar.decision--not_recognised { color: var(--lcz-fail-fg); border-left: 6px solid var(--lcz-fail-fg); }
.minibar.decision--undetermined { color: var(--lcz-unknown-fg); border-left: 6px solid var(--lcz-unknown-fg); }
.minibar button { border: 1px solid var(--lcz-accent); background: var(--lcz-accent); color: #fff; border-radius: .4rem; padding: .3rem .7rem; min-height: 44px; cursor: pointer; flex: none; }
.status-line { font-size: .95rem; }

.problems { border: 2px solid var(--lcz-fail-fg); background: var(--lcz-fail-bg); color: var(--lcz-fail-fg); border-radius: .5rem; padding: .6rem .8rem; }
.problems pre { white-space: pre-wrap; overflow-wrap: anywhere; font: .85rem/1.45 ui-monospace, "DejaVu Sans Mono", monospace; color: var(--lcz-text); margin: .4rem 0 0; }
`;
