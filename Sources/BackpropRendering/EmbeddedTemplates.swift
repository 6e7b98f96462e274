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
}
