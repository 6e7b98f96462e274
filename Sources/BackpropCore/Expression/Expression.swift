/// A symbolic expression tree: the representation of every formula `derive` prints.
///
/// Build expressions with the simplifying constructors (``sum(_:)``, ``product(_:)``, `+`, `*`, ...),
/// which apply the light rules a person would (0·x = 0, 1·x = x, x + 0 = x, constant folding).
/// The raw cases keep exactly what they are given, which is how a numeric substitution such as
/// `0.5 · 0.25` is written without being folded away.
///
/// Numbers, symbols, sums and products are stored in place; only the cases that hold expressions
/// directly are boxed, so the leaves of a tree, most of its nodes, cost no allocation.
public enum Expression: Hashable, Sendable {
    /// A number.
    case constant(Double)
    /// A named quantity.
    case symbol(Symbol)
    /// The sum of the terms.
    case sum([Expression])
    /// The product of the factors.
    case product([Expression])
    /// numerator / denominator.
    indirect case quotient(Expression, Expression)
    /// base^exponent.
    indirect case power(Expression, Expression)
    /// −operand.
    indirect case negation(Expression)
    /// A function applied to its arguments.
    indirect case application(Function, [Expression])
    /// The partial derivative ∂of/∂variable, kept as a name for a quantity rather than evaluated.
    indirect case partial(of: Expression, withRespectTo: Expression)
}

// MARK: - Convenience constructors

extension Expression {
    /// The constant 0.
    public static let zero = Expression.constant(0)
    /// The constant 1.
    public static let one = Expression.constant(1)

    /// The symbol `symbol` as an expression.
    public static func of(_ symbol: Symbol) -> Expression { .symbol(symbol) }

    /// The elementary function `function` applied to `argument`.
    public static func apply(_ function: ElementaryFunction, _ argument: Expression) -> Expression {
        .application(.elementary(function), [argument])
    }

    /// The partial derivative ∂`of`/∂`variable` of two symbols.
    public static func partial(_ of: Symbol, _ variable: Symbol) -> Expression {
        .partial(of: .symbol(of), withRespectTo: .symbol(variable))
    }

    /// The constant value, if this expression is a number.
    public var constantValue: Double? {
        if case .constant(let value) = self { return value }
        return nil
    }
}
