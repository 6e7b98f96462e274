/// Why an expression has no computational graph, or a graph no value or derivative at a point.
package enum GraphError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The expression uses something a graph of numbers cannot compute, such as an abstract function.
    case unsupported(String)
    /// The expression has no variables, so there is nothing to differentiate.
    case noVariables
    /// The expression has more than `limit` operations.
    case tooLarge(limit: Int)
    /// Variables of the expression without a value, in order of appearance.
    case missingValues([String])
    /// Values given for names that are not variables of the expression.
    case unusedValues([String])
    /// A name that should be an input variable of the graph and is not.
    case notAnInput(String)
    /// A subexpression of constants with no value, such as log(0).
    case undefinedConstant(Expression, EvaluationError)
    /// A subexpression, written in the input variables, with no value at the point.
    case undefinedValue(Expression, EvaluationError)
    /// A subexpression, written in the input variables, whose derivative has no value at the point.
    case undefinedDerivative(Expression, EvaluationError)
    /// The derivative of the output with respect to the named node overflows at the point.
    case derivativeOverflows(String)

    /// The error as a phrase. Subexpressions are not written out here, since printing them is the
    /// renderers' work: the command line's messages name them (see `ErrorMessage` in DeriveCLI).
    package var description: String {
        switch self {
        case .unsupported(let what):
            return "\(what) cannot be computed on a graph"
        case .noVariables:
            return "the expression has no variables to differentiate with respect to"
        case .tooLarge(let limit):
            return "the expression has more than \(limit) operations"
        case .missingValues(let names):
            let list = names.map { "'\($0)'" }.joined(separator: ", ")
            return names.count == 1 ? "no value for the variable \(list)" : "no values for the variables \(list)"
        case .unusedValues(let names):
            let list = names.map { "'\($0)'" }.joined(separator: ", ")
            return names.count == 1 ? "\(list) is not a variable of the expression" : "\(list) are not variables of the expression"
        case .notAnInput(let name):
            return "'\(name)' is not a variable of the expression"
        case .undefinedConstant(_, let reason):
            return "a constant subexpression is undefined: \(reason)"
        case .undefinedValue(_, let reason):
            return "a subexpression is undefined at this point: \(reason)"
        case .undefinedDerivative(_, let reason):
            return "the derivative of a subexpression is undefined at this point: \(reason)"
        case .derivativeOverflows(let name):
            return "the derivative with respect to '\(name)' overflows at this point"
        }
    }
}
