"""The HTML report's inline stylesheet and script (`views.html` puts them in every page it writes)."""

CSS = """
:root{--ink:#1f2328;--muted:#656d76;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa;
--claim:#fff1b8;--claim-hot:#ffd84d;--speaker:#1a7f37;--time:#d4e8ff;--time-ink:#0550ae;--bar:#0969da}
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;
color:var(--ink);background:var(--bg)}
main{max-width:1320px;margin:0 auto;padding:1rem 1.5rem 3rem}
a{color:inherit}
code{font:12.5px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
h1{font-size:1.45rem;line-height:1.3;margin:.2rem 0}
h2{font-size:1.05rem;margin:1.4rem 0 .6rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}
h3{font-size:.95rem;margin:.9rem 0 .3rem}
.page-head{display:flex;justify-content:space-between;align-items:baseline;color:var(--muted);
font-size:.85rem;border-bottom:1px solid var(--line);padding-bottom:.4rem}
.page-head strong{color:var(--ink)}
.doc{margin-top:1.2rem}
.doc+.doc{border-top:3px solid var(--line);padding-top:1rem}
.meta,.muted{color:var(--muted)}
.meta{margin:.1rem 0;font-size:.9rem}
nav a{font-size:.85rem;margin-right:.8rem;color:var(--time-ink);text-decoration:none}
.warning{background:#fff8c5;border:1px solid #d4a72c;padding:.3rem .6rem;border-radius:6px}
.tag{display:inline-block;min-width:1.4em;text-align:center;border-radius:999px;background:var(--ink);
color:#fff;font-size:.75em;padding:0 .45em;font-weight:600}
.badge{font-size:.7rem;font-weight:500;border:1px solid var(--line);border-radius:999px;padding:0 .4rem;
color:var(--muted);vertical-align:middle}
.columns{display:grid;grid-template-columns:minmax(0,1.15fr) minmax(0,1fr);gap:2rem}
@media (max-width:900px){.columns{grid-template-columns:1fr}}
.text p{margin:0 0 .8rem}
.text .headline{font-weight:650;font-size:1.05rem}
.legend{font-size:.8rem;color:var(--muted)}
.legend .hl{padding:0 .3rem}
.hl{text-decoration:none;border-radius:3px}
.hl-content{background:var(--claim)}
.hl-speaker{color:var(--speaker);font-weight:650;text-decoration:underline;text-underline-offset:3px}
.hl-cue{font-style:italic;text-decoration:underline dotted;text-underline-offset:3px}
.hl-time{background:var(--time);color:var(--time-ink);box-shadow:inset 0 -2px 0 var(--time-ink)}
.hl.hot,.hl-content.hot{background:var(--claim-hot)}
.hl-time.hot{background:#9ccbff}
.sent:target{outline:2px solid var(--bar);outline-offset:2px;border-radius:3px}
.anchor{scroll-margin-top:30vh}
:target{scroll-margin-top:20vh}
.speaker h3 .count{font-weight:400;color:var(--muted);font-size:.8rem}
.claims ol,.events{list-style:none;margin:0;padding:0}
.claim{margin:.35rem 0 .7rem;padding:.35rem .6rem;border-left:4px solid var(--claim-hot);
background:var(--soft);border-radius:0 6px 6px 0}
.claim.hot,.claim:target{background:var(--claim);border-left-color:#bf8700}
.claim blockquote{margin:0 0 .2rem;font-size:.95rem}
.claim blockquote:before{content:"“"}.claim blockquote:after{content:"”"}
.claim .meta{font-size:.8rem}
.who{color:var(--speaker);font-weight:600}
.cue{font-style:italic}
.kind{border-radius:4px;padding:0 .35rem;background:#eaeef2;color:var(--ink)}
.kind-direct{background:#dafbe1}.kind-according_to{background:#fbefff}.kind-mixed{background:#fff1e5}
.when{color:var(--time-ink)}
.back{color:var(--muted);text-decoration:none;font-size:.8rem;white-space:nowrap}
.tl-wrap{display:grid;grid-template-columns:minmax(0,2.2fr) minmax(0,1fr);gap:1.6rem;align-items:start}
@media (max-width:900px){.tl-wrap{grid-template-columns:1fr}}
.tl-wrap>:only-child{grid-column:1/-1}
.tl{border:1px solid var(--line);border-radius:8px;padding:.3rem .6rem .5rem;background:var(--soft)}
.tl-row{display:grid;grid-template-columns:minmax(11rem,1.1fr) minmax(0,1.6fr);gap:.8rem;align-items:center;
min-height:1.9rem}
.tl-row+.tl-row{border-top:1px dashed #e4e8ec}
.tl-head{min-height:2.6rem}
.tl-head .tl-track{height:2.6rem}
.tl-label{font-size:.85rem;line-height:1.3;padding:.2rem 0}
.tl-label a{text-decoration:none}
.tl-label a:hover{text-decoration:underline}
.tl-label .date,.ev-when .date{font-weight:650;color:var(--time-ink);margin-right:.3rem;white-space:nowrap}
.tl-track{position:relative;height:1.9rem}
.tick{position:absolute;bottom:0;transform:translateX(-50%);font-size:.72rem;color:var(--muted);white-space:nowrap}
.tick:after{content:"";display:block;width:1px;height:.35rem;margin:0 auto;background:var(--muted)}
.pub-label{position:absolute;top:0;font-size:.7rem;color:#bc4c00;white-space:nowrap;
padding:0 .25rem}
.pub-label.right{transform:translateX(-100%)}
.gridline{position:absolute;top:0;bottom:0;width:1px;background:#e1e5ea}
.published{position:absolute;top:0;bottom:0;width:2px;background:#fb8f44}
.bar{position:absolute;top:.5rem;height:.9rem;min-width:.9rem;border-radius:999px;background:var(--bar);
opacity:.85}
.bar.point{transform:translateX(-50%)}
.bar.open-start{background:linear-gradient(90deg,transparent,var(--bar) 60%);border-radius:0 999px 999px 0}
.bar.open-end{background:linear-gradient(90deg,var(--bar) 40%,transparent);border-radius:999px 0 0 999px}
.bar:hover,.bar.hot{opacity:1;outline:2px solid #0a3069}
.tl-undated h3{margin-top:0}
.tl-undated .events{max-height:21rem;overflow-y:auto;padding-right:.3rem}
.tl-undated .ev-what{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
.tl-undated .event{padding:.2rem 0}
.event{padding:.3rem 0;border-bottom:1px dashed #e4e8ec;font-size:.88rem}
.event:target,.event.hot{background:var(--time)}
.ev-when{font-size:.8rem}
.ev-who{font-size:.8rem;color:var(--muted)}
.ev-who .actor{color:var(--speaker)}
.rel{margin-left:.5rem;font-style:italic}
details.entries{margin-top:.5rem;font-size:.88rem}
details.entries summary{cursor:pointer;color:var(--muted)}
table{border-collapse:collapse;width:100%;font-size:.85rem}
th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid var(--line)}
th{background:var(--soft)}
td.num,th.num{text-align:right}
tr:target{background:var(--time)}
.actor{text-decoration:none}
a.actor:hover{text-decoration:underline}
footer{margin-top:2rem;color:var(--muted);font-size:.8rem}
@media print{.tl-wrap,.columns{display:block}}
"""

JS = """
(function () {
  "use strict";
  function claimsOf(el) {
    var v = el.getAttribute("data-claims");
    return v ? v.split(" ") : [];
  }
  function setHot(root, ids, on) {
    ids.forEach(function (id) {
      root.querySelectorAll(".hl[data-claims]").forEach(function (el) {
        if (claimsOf(el).indexOf(id) >= 0) { el.classList.toggle("hot", on); }
      });
      root.querySelectorAll('.claim[data-claim="' + id + '"]').forEach(function (el) {
        el.classList.toggle("hot", on);
      });
    });
  }
  document.querySelectorAll("article.doc").forEach(function (doc) {
    function handler(on) {
      return function (ev) {
        var el = ev.target.closest ? ev.target.closest(".claim[data-claim], .hl[data-claims]") : null;
        if (!el || !doc.contains(el)) { return; }
        var ids = el.hasAttribute("data-claim") ? [el.getAttribute("data-claim")] : claimsOf(el);
        setHot(doc, ids, on);
      };
    }
    doc.addEventListener("mouseover", handler(true));
    doc.addEventListener("mouseout", handler(false));
  });
  document.documentElement.setAttribute("data-ready", "1");
})();
"""
