extension ExpressionPrinter {
    /// `phrases` as one run of text: words through `escape`, formulas and layer labels between `$` in the
    /// LaTeX syntaxes and as plain Unicode in text.
    func inline(_ phrases: [Phrase], escape: (String) -> String = { $0 }) -> String {
        let dollar = syntax.isLaTeX ? "$" : ""
        return phrases.map { phrase in
            switch phrase {
            case .text(let text): return escape(text)
            case .math(let expression): return dollar + string(expression) + dollar
            case .layer(let label): return dollar + label + dollar
            case .typeset(let unicode, let latex): return syntax.isLaTeX ? dollar + latex + dollar : unicode
            }
        }.joined()
    }
}
