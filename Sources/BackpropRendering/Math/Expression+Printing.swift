import BackpropKit

extension Expression {
    /// Whether a fraction or a partial derivative occurs, which LaTeX sets taller than a line.
    var containsFraction: Bool {
        switch self {
        case .constant, .symbol: return false
        case .quotient, .partial: return true
        case .sum(let children), .product(let children), .application(_, let children): return children.contains(where: \.containsFraction)
        case .power(let base, let exponent): return base.containsFraction || exponent.containsFraction
        case .negation(let operand): return operand.containsFraction
        }
    }

    /// Whether the term reads with a leading minus: whether ``negated`` is not `nil`, without building it.
    var readsNegative: Bool {
        switch self {
        case .constant(let value): return value < 0
        case .negation: return true
        case .product(let factors): return factors.first?.readsNegative ?? false
        case .quotient(let numerator, _): return numerator.readsNegative
        default: return false
        }
    }

    /// For a term that reads with a leading minus (−x, −2x, a negative number, (−a)/b), the term without it.
    var negated: Expression? {
        switch self {
        case .constant(let value) where value < 0: return .constant(-value)
        case .negation(let operand): return operand
        case .product(let factors):
            guard let first = factors.first, let positive = first.negated else { return nil }
            if positive == .one && factors.count > 1 { return .product(Array(factors.dropFirst())) }
            return .product([positive] + factors.dropFirst())
        case .quotient(let numerator, let denominator):
            return numerator.negated.map { .quotient($0, denominator) }
        default: return nil
        }
    }
}
