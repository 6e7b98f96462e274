// MARK: - Substitution

extension Expression {
    /// The expression with every bound symbol replaced by its value, without simplifying,
    /// so `w_{1,1} o_{1}` becomes `0.5 · 0.25` rather than `0.125`.
    /// - Parameter bindings: The value of each symbol, or `nil` to keep it.
    public func substituting(_ bindings: (Symbol) -> Double?) -> Expression {
        switch self {
        case .constant, .partial: return self
        case .symbol(let symbol): return bindings(symbol).map(Expression.constant) ?? self
        case .sum(let terms): return .sum(terms.map { $0.substituting(bindings) })
        case .product(let factors): return .product(factors.map { $0.substituting(bindings) })
        case .quotient(let top, let bottom): return .quotient(top.substituting(bindings), bottom.substituting(bindings))
        case .power(let base, let exponent): return .power(base.substituting(bindings), exponent.substituting(bindings))
        case .negation(let operand): return .negation(operand.substituting(bindings))
        case .application(let function, let arguments):
            return .application(function, arguments.map { $0.substituting(bindings) })
        }
    }
}

extension Expression {
    /// The expression with every subtree for which `rewrite` returns a replacement replaced, top down.
    package func replacing(_ rewrite: (Expression) -> Expression?) -> Expression {
        if let replacement = rewrite(self) { return replacement }
        switch self {
        case .constant, .symbol, .partial: return self
        case .sum(let terms): return .sum(terms.map { $0.replacing(rewrite) })
        case .product(let factors): return .product(factors.map { $0.replacing(rewrite) })
        case .quotient(let top, let bottom): return .quotient(top.replacing(rewrite), bottom.replacing(rewrite))
        case .power(let base, let exponent): return .power(base.replacing(rewrite), exponent.replacing(rewrite))
        case .negation(let operand): return .negation(operand.replacing(rewrite))
        case .application(let function, let arguments): return .application(function, arguments.map { $0.replacing(rewrite) })
        }
    }
}
