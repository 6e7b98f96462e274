/// Why an expression has no finite value at a point.
public enum EvaluationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A symbol has no value.
    case unbound(Symbol)
    /// A function was applied outside its domain, such as the logarithm of −1.
    case outsideDomain(function: String, argument: Double)
    /// A division by zero.
    case divisionByZero
    /// An abstract function (g_k, loss) or a partial-derivative node has no value of its own.
    case abstract
    /// The result overflowed or is not a number.
    case notFinite

    /// The problem as one plain phrase, naming the subexpression.
    public var description: String {
        switch self {
        case .unbound(let symbol): return "no value for '\(symbol)'"
        case .outsideDomain(let function, let argument):
            return "\(function) is undefined at \(NumberFormat.roundTrip.string(argument))"
        case .divisionByZero: return "division by zero"
        case .abstract: return "an abstract function has no value"
        case .notFinite: return "the value overflows"
        }
    }
}
