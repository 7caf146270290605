// The page shell every console page shares: header, navigation, language switch, sign-out, and
// one stylesheet — plain, large enough to read, and usable by touch on a tablet.
import { html, raw, type Html } from './html.ts';

export interface NavEntry {
  href: string;
  label: string;
  current: boolean;
}

export interface Shell {
  lang: string;
  title: string;
  appName: string;
  nav: NavEntry[];
  /** Signed-in person, with the sign-out form's token. */
  who?: { name: string; role: string; signOut: string; csrf: string };
  langSwitch: { href: string; code: string; label: string; current: boolean }[];
  flash?: { kind: 'ok' | 'error'; text: string };
  body: Html;
  /** Script run at the end of the page (trusted, built by the console). */
  script?: Html;
  /** The page fills the window and scrolls inside its panes (the chat view), not as a whole. */
  fill?: boolean;
}

export const CSS = raw(`
:root { --ink:#1c2430; --muted:#5b6573; --line:#d5dae1; --bg:#f5f6f8; --card:#fff; --accent:#0b5cad;
  --danger:#b3261e; --danger-bg:#fdecea; --ok:#1e6b34; --ok-bg:#e7f4ea; --warn-bg:#fff6dc; }
* { box-sizing: border-box; }
html { font-size: 17px; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
a { color: var(--accent); }
header.top { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.2rem; padding: .6rem 1rem; background: #fff; border-bottom: 1px solid var(--line); }
header.top .app { font-weight: 700; margin-right: auto; }
nav.main { display: flex; flex-wrap: wrap; gap: .2rem; }
nav.main a { padding: .45rem .7rem; border-radius: .4rem; text-decoration: none; color: var(--ink); }
nav.main a[aria-current="page"] { background: var(--accent); color: #fff; }
.who { color: var(--muted); font-size: .9rem; display: flex; align-items: center; gap: .5rem; }
.langs a { margin-left: .3rem; }
.langs a[aria-current="true"] { font-weight: 700; text-decoration: none; color: var(--ink); }
main { padding: 1rem; max-width: 78rem; margin: 0 auto; }
h1 { font-size: 1.35rem; margin: .2rem 0 1rem; }
h2 { font-size: 1.1rem; margin: 1.2rem 0 .5rem; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: .6rem; padding: .9rem 1rem; margin-bottom: 1rem; }
.flash { padding: .7rem 1rem; border-radius: .5rem; margin-bottom: 1rem; }
.flash.ok { background: var(--ok-bg); color: var(--ok); }
.flash.error { background: var(--danger-bg); color: var(--danger); }
.alert { background: var(--danger-bg); color: var(--danger); border: 2px solid var(--danger); padding: .7rem 1rem; border-radius: .5rem; margin-bottom: 1rem; font-weight: 600; }
.muted { color: var(--muted); }
.small { font-size: .88rem; }
table { width: 100%; border-collapse: collapse; background: var(--card); }
th, td { text-align: left; padding: .55rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: .85rem; color: var(--muted); font-weight: 600; }
tr.emergency td { background: var(--danger-bg); }
tr.emergency td:first-child { border-left: 4px solid var(--danger); }
.badge { display: inline-block; padding: .05rem .5rem; border-radius: 1rem; font-size: .82rem; border: 1px solid var(--line); background: #fff; white-space: nowrap; }
.badge.emergency { background: var(--danger); color: #fff; border-color: var(--danger); }
.badge.waiting { background: var(--warn-bg); }
.badge.assigned { background: var(--ok-bg); color: var(--ok); }
button, .button { font: inherit; min-height: 2.6rem; padding: .45rem 1rem; border-radius: .45rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
button.secondary, .button.secondary { background: #fff; color: var(--accent); }
button.danger { background: var(--danger); border-color: var(--danger); }
input, select, textarea { font: inherit; padding: .45rem .6rem; border: 1px solid var(--line); border-radius: .4rem; background: #fff; min-height: 2.6rem; max-width: 100%; }
textarea { width: 100%; min-height: 6rem; }
label { display: block; font-weight: 600; margin: .6rem 0 .25rem; }
form.inline { display: inline-flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: 0; }
.row { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
.grid { display: grid; grid-template-columns: minmax(0, 2fr) minmax(16rem, 1fr); gap: 1rem; align-items: start; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3rem .9rem; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.transcript { display: flex; flex-direction: column; gap: .5rem; max-height: 60vh; overflow-y: auto; padding: .3rem; }
.msg { max-width: 85%; padding: .5rem .75rem; border-radius: .7rem; white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid var(--line); background: #fff; }
.msg .meta { display: block; font-size: .78rem; color: var(--muted); margin-bottom: .15rem; }
.msg.user { align-self: flex-start; background: #eef3fb; }
.msg.bot { align-self: flex-end; background: #fff; }
.msg.agent { align-self: flex-end; background: var(--ok-bg); border-color: #9cc9a8; }
.window { padding: .5rem .7rem; border-radius: .4rem; background: var(--warn-bg); }
.window.closed { background: var(--danger-bg); color: var(--danger); }
ul.plain { list-style: none; padding: 0; margin: 0; }
ul.plain li { padding: .3rem 0; border-bottom: 1px solid var(--line); }
.signin { max-width: 24rem; margin: 3rem auto; }
.signin input { width: 100%; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
/* The chat view: one screen. The bar of actions on top, the transcript scrolling in its own pane with
   the reply box right under it, and what the assistant learned beside them with room to read. */
@media (min-width: 900px) and (min-height: 600px) {
  body.fill { height: 100vh; display: flex; flex-direction: column; overflow: hidden; }
  body.fill header.top { font-size: .88rem; padding: .3rem 1rem; flex-wrap: nowrap; white-space: nowrap; }
  body.fill header.top .app { min-width: 0; overflow: hidden; text-overflow: ellipsis; }
  body.fill header.top nav.main { flex-wrap: nowrap; }
  body.fill header.top nav.main a { padding: .3rem .5rem; }
  body.fill header.top button { min-height: 2rem; padding: .2rem .7rem; }
  body.fill main { flex: 1; min-height: 0; width: 100%; display: flex; flex-direction: column; padding-bottom: .6rem; }
  body.fill .chat-panes { flex: 1; min-height: 0; }
  body.fill .conversation { min-height: 0; height: 100%; }
  body.fill .chat-side { height: 100%; overflow-y: auto; }
}
body.fill main > .flash { margin-bottom: .5rem; padding: .4rem .8rem; }
.chat-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: .2rem 1rem; }
.chat-head h1 { margin: 0 0 .4rem; font-size: 1.2rem; }
.chat-bar { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; padding: .45rem .6rem; margin-bottom: .6rem; background: #fff; border: 1px solid var(--line); border-radius: .6rem; }
.chat-bar .spacer { margin-left: auto; }
.chat-bar details { position: relative; }
.chat-bar details > summary { list-style: none; cursor: pointer; }
.chat-bar details > summary::-webkit-details-marker { display: none; }
.chat-bar details[open] > .pop { position: absolute; z-index: 3; top: calc(100% + .3rem); left: 0; width: min(26rem, 90vw); background: #fff; border: 1px solid var(--line); border-radius: .6rem; padding: .8rem; box-shadow: 0 6px 20px rgb(0 0 0 / .15); }
.chat-bar details.right[open] > .pop { left: auto; right: 0; }
.pop fieldset { border: 0; padding: 0; margin: 0 0 .5rem; }
.pop legend { font-weight: 600; margin-bottom: .3rem; }
.pop label.opt { font-weight: 400; display: flex; gap: .4rem; align-items: center; margin: .2rem 0; }
.pop label.opt input { min-height: auto; }
.chat-panes { display: grid; grid-template-columns: minmax(0, 1fr) minmax(18rem, 23rem); gap: .8rem; }
.conversation { display: flex; flex-direction: column; background: var(--card); border: 1px solid var(--line); border-radius: .6rem; padding: .5rem .7rem; }
.conversation .transcript { flex: 1; min-height: 10rem; max-height: none; border-bottom: 1px solid var(--line); }
.conversation .transcript:focus-visible { outline: 3px solid var(--accent); outline-offset: -3px; }
.conversation .alert { margin: 0 0 .4rem; padding: .4rem .7rem; }
.reply-box { padding-top: .4rem; }
.reply-box label { margin: .1rem 0 .2rem; }
.reply-box textarea { min-height: 3.6rem; height: 3.6rem; resize: vertical; }
.reply-box .row { margin-top: .35rem; }
.reply-box select { max-width: 70%; min-height: 2.4rem; }
.chat-side .card { padding: .7rem .8rem; margin-bottom: .7rem; }
.chat-side h2 { margin: 0 0 .4rem; font-size: 1rem; }
.chat-side dl.facts { grid-template-columns: 6.5rem minmax(0, 1fr); gap: .25rem .6rem; font-size: .94rem; }
.chat-side dd { overflow-wrap: break-word; }
.transfer-note { background: var(--warn-bg); }
ol.offered { margin: .35rem 0 0; padding-left: 1.4rem; font-size: .9rem; }
.msg.chose { font-style: italic; }
@media (max-width: 900px) {
  .chat-panes { grid-template-columns: 1fr; }
  .conversation .transcript { max-height: 60vh; }
  .grid { grid-template-columns: 1fr; }
  html { font-size: 18px; }
  table.queue thead { display: none; }
  table.queue tr { display: block; border-bottom: 1px solid var(--line); padding: .4rem 0; }
  table.queue td { display: block; border: 0; padding: .15rem .6rem; }
  table.queue td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); font-size: .85rem; }
}
`);

export function renderShell(s: Shell): string {
  const page = html`<!doctype html>
<html lang="${s.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${s.title} · ${s.appName}</title>
<style>${CSS}</style>
</head>
<body${s.fill ? raw(' class="fill"') : ''}>
<header class="top">
  <span class="app">${s.appName}</span>
  ${s.nav.length > 0 ? html`<nav class="main">${s.nav.map((n) => html`<a href="${n.href}"${n.current ? raw(' aria-current="page"') : ''}>${n.label}</a>`)}</nav>` : ''}
  <span class="langs">${s.langSwitch.map((l) => html`<a href="${l.href}" hreflang="${l.code}"${l.current ? raw(' aria-current="true"') : ''}>${l.label}</a>`)}</span>
  ${s.who
    ? html`<span class="who">${s.who.name} (${s.who.role})
      <form class="inline" method="post" action="/console/sign-out"><input type="hidden" name="_csrf" value="${s.who.csrf}"><button class="secondary" type="submit">${s.who.signOut}</button></form></span>`
    : ''}
</header>
<main>
${s.flash ? html`<div class="flash ${s.flash.kind}" role="status">${s.flash.text}</div>` : ''}
${s.body}
</main>
${s.script ? html`<script>${s.script}</script>` : ''}
</body>
</html>`;
  return page.value;
}
