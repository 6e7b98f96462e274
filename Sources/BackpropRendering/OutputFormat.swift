import BackpropKit

/// The formats derive writes.
package enum OutputFormat: String, CaseIterable, Sendable {
    /// A complete LaTeX document.
    case latex
    /// GitHub-flavoured Markdown with display math.
    case markdown
    /// One self-contained HTML page with MathML formulas.
    case html
    /// Unicode text for a terminal.
    case text
    /// The numbers as JSON.
    case json
    /// The computational graph of `--expr` in Graphviz's DOT language.
    case dot

    /// The file extension of a document in this format.
    package var fileExtension: String {
        switch self {
        case .latex: return "tex"
        case .markdown: return "md"
        case .html: return "html"
        case .text: return "txt"
        case .json: return "json"
        case .dot: return "dot"
        }
    }
}
