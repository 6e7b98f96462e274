/// The notation of computational graphs: variables and nodes by the names typed (`w_12` with its subscript
/// set as one), adjoints with a bar (v̄ = ∂e/∂v) and forward-mode tangents with a dot (v̇ = ∂v/∂x).
package struct GraphNotation: Notation {
    /// The graph notation.
    package init() {}

    package func name(of symbol: Symbol) -> SymbolName {
        switch symbol {
        case .variable(let name): return Self.identifier(name, accent: nil)
        case .adjoint(let name): return Self.identifier(name, accent: .bar)
        case .tangent(let name): return Self.identifier(name, accent: .dot)
        default: return NoteNotation(depth: 1).name(of: symbol)
        }
    }

    package func name(of function: Function) -> SymbolName {
        NoteNotation(depth: 1).name(of: function)
    }

    package func layerLabel(_ layer: Int) -> String { String(layer) }

    // MARK: - Identifiers

    /// A mark set over a name.
    enum Accent {
        /// v̄, `\bar{v}`: an adjoint.
        case bar
        /// v̇, `\dot{v}`: a tangent.
        case dot
    }

    /// The name of an identifier such as `a`, `w_12` or `alpha`: the part after the first underscore is a
    /// subscript, a base of several letters is set as one italic word in LaTeX.
    static func identifier(_ name: String, accent: Accent?) -> SymbolName {
        var base = name
        var subscriptText: String?
        if let underscore = name.firstIndex(of: "_"), underscore != name.startIndex {
            base = String(name[..<underscore])
            subscriptText = String(name[name.index(after: underscore)...])
        }
        var latex = base.count == 1 ? base : "\\mathit{\(base.replacing("_", with: "\\_"))}"
        var unicode = base
        switch accent {
        case .bar?:
            latex = base.count == 1 ? "\\bar{\(latex)}" : "\\overline{\(latex)}"
            unicode = base.count == 1 ? base + "\u{0304}" : base.map { String($0) + "\u{0305}" }.joined()
        case .dot?:
            latex = "\\dot{\(latex)}"
            unicode = base.map { String($0) + "\u{0307}" }.joined()
        case nil:
            break
        }
        if let subscriptText {
            latex += "_{\(subscriptText.replacing("_", with: "\\_"))}"
            unicode += UnicodeScripts.subscripted(subscriptText) ?? "_" + subscriptText
        }
        return SymbolName(unicode, latex: latex)
    }
}
