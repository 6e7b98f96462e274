/// How one symbol is written, independent of the output format: a base letter with subscripts
/// and an optional superscript, each given for Unicode text and for LaTeX.
public struct SymbolName: Sendable, Equatable {
    /// The base as Unicode text, e.g. `δ`.
    public var unicode: String
    /// The base as LaTeX math, e.g. `\delta`.
    public var latex: String
    /// The subscripts, printed separated by commas, e.g. `["n-1", "2"]`.
    public var subscripts: [String]
    /// A superscript such as `+` for an updated weight.
    public var superscript: String?
    /// Whether the base is a word set upright as an operator name (loss, softmax).
    public var isOperator: Bool

    /// The name without subscripts or superscript: w for w_{n-1,1,2}, a for a^{(l)}_j.
    public var withoutIndices: SymbolName {
        SymbolName(unicode, latex: latex, isOperator: isOperator)
    }

    /// The name of the same quantity after a gradient-descent update: `+` added to the superscript, after
    /// `separator` when there is one already (f⁺_{n,1}; z^{(2)+}_1; L^{k,+}_j).
    public func updated(separator: String) -> SymbolName {
        var name = self
        name.superscript = superscript.map { $0 + separator + "+" } ?? "+"
        return name
    }

    /// A name with the same base in Unicode and LaTeX.
    public init(_ base: String, latex: String? = nil, subscripts: [String] = [], superscript: String? = nil, isOperator: Bool = false) {
        self.unicode = base
        self.latex = latex ?? base
        self.subscripts = subscripts
        self.superscript = superscript
        self.isOperator = isOperator
    }
}
