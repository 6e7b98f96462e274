// Generated from templates/ by `RECORD_SNAPSHOTS=1 swift test --filter EmbeddedTemplatesTests`. Do not edit.

/// The document skeletons of `templates/`, compiled into the binary so it works from any directory.
enum EmbeddedTemplates {
    /// templates/handout.tex
    static let handoutTeX = #"""
\documentclass[11pt]{article}
\usepackage[a4paper,margin=2cm]{geometry}
\usepackage{amsmath}
\usepackage{amssymb}
\usepackage{longtable}
\usepackage{tikz}
\usepackage{xcolor}
\allowdisplaybreaks
\setlength{\parindent}{0pt}
\setlength{\parskip}{0.6em}
% Pictures float: up to three on a page, with at least a tenth of it text, so a page is never left half empty.
\setcounter{topnumber}{3}
\setcounter{bottomnumber}{2}
\setcounter{totalnumber}{4}
\renewcommand{\topfraction}{0.9}
\renewcommand{\bottomfraction}{0.8}
\renewcommand{\textfraction}{0.1}
\renewcommand{\floatpagefraction}{0.8}
\setlength{\textfloatsep}{1.2em plus 0.4em minus 0.4em}
\setlength{\floatsep}{1em plus 0.4em minus 0.4em}
\setlength{\intextsep}{1em plus 0.4em minus 0.4em}
% A compact title: no space above it, and no lines for an empty author or date.
\makeatletter
\renewcommand{\maketitle}{\begingroup\centering
  {\LARGE \@title\par}%
  \ifx\@author\@empty\else\vskip 0.5em{\large \@author\par}\fi
  \ifx\@date\@empty\else\vskip 0.3em{\large \@date\par}\fi
  \endgroup\vskip 1em}
\makeatother

\title{{{title}}}
\author{{{author}}}
\date{{{date}}}

\begin{document}
\maketitle

{{body}}
\end{document}

"""#

    /// templates/handout.md
    static let handoutMarkdown = #"""
# {{title}}

{{byline}}{{body}}

"""#

    /// templates/handout.html
    static let handoutHTML = #"""
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"/>
<meta name="color-scheme" content="light dark"/>
<title>{{title}}</title>
<style>
:root { color-scheme: light dark; --text: #1b1b1b; --page: #ffffff; --muted: #5b5b5b; --rule: #c8c8c8; --box: #f4f4f2;
  --right: #176b2c; --wrong: #a4161a;
  --layer-blue: #1d4ed8; --layer-red: #b91c1c; --layer-teal: #0f766e; --layer-violet: #6d28d9;
  --layer-orange: #b43f0a; --layer-brown: #7c4a1e; --layer-magenta: #a21caf; --layer-olive: #5f6b12;
  --layer-purple: #7e22ce; --layer-green: #15803d; }
@media (prefers-color-scheme: dark) {
  :root { --text: #e6e6e3; --page: #16181b; --muted: #a8a8a3; --rule: #44474c; --box: #202328;
    --right: #7ed99a; --wrong: #ff9a9a;
    --layer-blue: #93b4ff; --layer-red: #ff9b9b; --layer-teal: #5fe0cc; --layer-violet: #c9b8ff;
    --layer-orange: #ffb27a; --layer-brown: #dcb088; --layer-magenta: #f3a6fb; --layer-olive: #d4dc7a;
    --layer-purple: #dcb4ff; --layer-green: #86e3a4; }
}
* { box-sizing: border-box; }
html { background: var(--page); color: var(--text); }
body { margin: 0; font: 1.0625rem/1.55 "Latin Modern Roman", "STIX Two Text", Cambria, "Times New Roman", serif; }
header, main { max-width: 44rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1.5rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 0.5rem; }
h2 { font-size: 1.45rem; margin: 2.2rem 0 0.6rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.2rem; display: inline; margin: 0; }
h4 { font-size: 1.05rem; margin: 1.3rem 0 0.3rem; }
p, li { overflow-wrap: break-word; }
.byline { color: var(--muted); font-style: italic; }
.nowrap { white-space: nowrap; }
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.85em; overflow-wrap: anywhere; }
math { font-family: "Latin Modern Math", "STIX Two Math", "Cambria Math", math; }
details.part { margin: 1.2rem 0; }
details.part > summary { cursor: pointer; margin-bottom: 0.4rem; }
.steps { margin: 0.5rem 0 1rem; }
.step { margin: 0.15rem 0; }
.equation { overflow-x: auto; overflow-y: hidden; padding: 0.2rem 0; }
.equation > math[display="block"] { display: inline math; math-style: normal; margin: 0; }
mtable.rows { math-style: normal; }
mtable.rows > mtr > mtd { text-align: left; padding: 0.2rem 0; }
mtable.rows > mtr > mtd:first-child { text-align: right; padding-right: 0.2em; }
.layer-blue { color: var(--layer-blue); }
.layer-red { color: var(--layer-red); }
.layer-teal { color: var(--layer-teal); }
.layer-violet { color: var(--layer-violet); }
.layer-orange { color: var(--layer-orange); }
.layer-brown { color: var(--layer-brown); }
.layer-magenta { color: var(--layer-magenta); }
.layer-olive { color: var(--layer-olive); }
.layer-purple { color: var(--layer-purple); }
.layer-green { color: var(--layer-green); }
ul.given { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3rem 1.6rem; }
mspace.blank { border-bottom: 1px solid currentColor; }
.check input { font: inherit; font-size: 0.9em; width: 7.5em; padding: 0 0.25em; margin: 0 0.2em; color: var(--text); background: var(--page);
  border: 1px solid var(--muted); border-radius: 3px; }
.check input.right { border: 2px solid var(--right); }
.check input.wrong { border: 2px dashed var(--wrong); }
.check { white-space: nowrap; }
.check output { font-family: system-ui, sans-serif; font-size: 0.8em; padding-left: 0.3em; }
.check output.right { color: var(--right); }
.check output.wrong { color: var(--wrong); }
details.answer { margin: 0 0 0.6rem 1.5rem; font-size: 0.95em; }
details.answer > summary { cursor: pointer; color: var(--muted); font-family: system-ui, sans-serif; font-size: 0.8em; }
.table { overflow-x: auto; margin: 0.8rem 0; }
table { border-collapse: collapse; }
th, td { padding: 0.3rem 0.7rem; text-align: right; border-bottom: 1px solid var(--rule); }
th:first-child, td:first-child { text-align: left; }
figure.picture { margin: 1rem 0; text-align: center; }
figure.picture svg { max-width: 100%; height: auto; background: #ffffff; border-radius: 4px; }
figcaption { color: var(--muted); font-size: 0.9em; }
hr.page-break { border: none; border-top: 1px solid var(--rule); margin: 2.5rem 0; }
@media (max-width: 32rem) { body { font-size: 1rem; } .equation { font-size: 0.92em; } }
@media print {
  @page { margin: 16mm 15mm; }
  :root { color-scheme: light; --text: #000000; --page: #ffffff; --muted: #333333; --rule: #777777;
    --layer-blue: #1d4ed8; --layer-red: #b91c1c; --layer-teal: #0f766e; --layer-violet: #6d28d9;
    --layer-orange: #b43f0a; --layer-brown: #7c4a1e; --layer-magenta: #a21caf; --layer-olive: #5f6b12;
    --layer-purple: #7e22ce; --layer-green: #15803d; }
  body { font-size: 10.5pt; }
  header, main { max-width: none; padding: 0; }
  h2, h3, h4, summary { break-after: avoid; }
  .step, figure, tr, ul.given { break-inside: avoid; }
  .equation, .table { overflow: visible; }
  details.part > summary { list-style: none; }
  details.part > summary::-webkit-details-marker { display: none; }
  details.answer { display: none; }
  hr.page-break { break-after: page; border: none; margin: 0; }
  .check input { border: none; border-bottom: 1px solid #000000; border-radius: 0; }
  .check output { display: none; }
}
</style>
</head>
<body>
<header>
<h1>{{title}}</h1>
{{byline}}
</header>
<main>
{{body}}
</main>
<script>
// Checks each blank value when it is left or Enter is pressed: right when it is within the sheet's
// rounding of the answer (its data-tolerance), and says so beside it.
for (const input of document.querySelectorAll("input[data-answer]")) {
  input.addEventListener("change", function () {
    const typed = input.value.trim().replace("\u2212", "-").replace(",", ".");
    const mark = input.nextElementSibling;
    const right = typed !== "" ? Number(input.dataset.tolerance) >= Math.abs(Number(typed) - Number(input.dataset.answer)) : null;
    input.classList.toggle("right", right === true);
    input.classList.toggle("wrong", right === false);
    mark.className = right === null ? "mark" : right ? "mark right" : "mark wrong";
    mark.textContent = right === null ? "" : right ? "\u2713 right" : "\u2717 not yet";
  });
}
</script>
</body>
</html>

"""#
}
