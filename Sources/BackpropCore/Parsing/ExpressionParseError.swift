/// Why an expression typed by a user cannot be parsed, and the 1-based column where the problem is.
public struct ExpressionParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The problems a parser reports.
    public enum Reason: Equatable, Sendable {
        /// Nothing but spaces.
        case empty
        /// A character outside the grammar, such as `#` or `α`.
        case unexpectedCharacter(Character)
        /// A number too large for a double, such as `1e999`.
        case numberOutOfRange(String)
        /// A number, variable, function or `(` was expected; `found` is `nil` at the end of the expression.
        case expectedOperand(found: String?)
        /// An operator or `)` was expected before `found`, as in `2a` or `a b`.
        case expectedOperator(found: String)
        /// A `)` without a matching `(`.
        case unmatchedClosingParenthesis
        /// A `(` that is never closed.
        case unclosedParenthesis
        /// A name followed by `(` that is not one of ``ExpressionParser/functions``.
        case unknownFunction(String)
        /// A function name without its argument in parentheses, as in `exp + 1`.
        case missingArgument(function: String)
        /// Operations nested more than `limit` deep.
        case tooDeep(limit: Int)
    }

    /// The problem.
    public let reason: Reason
    /// The 1-based column of the character where the problem is, one past the end for a premature end.
    public let column: Int

    /// An error for `reason` at `column`.
    public init(_ reason: Reason, column: Int) {
        self.reason = reason
        self.column = column
    }

    /// The problem as one plain phrase with its 1-based column.
    public var description: String {
        switch reason {
        case .empty:
            return "the expression is empty"
        case .unexpectedCharacter(let character):
            return "unexpected character '\(String(character).echoed)' at column \(column)"
        case .numberOutOfRange(let text):
            return "the number '\(text.echoed)' at column \(column) is out of range"
        case .expectedOperand(let found?):
            return "expected a number, a variable or '(' but found '\(found.echoed)' at column \(column)"
        case .expectedOperand(nil):
            return "the expression ends at column \(column) where a number, a variable or '(' was expected"
        case .expectedOperator(let found):
            return "expected an operator before '\(found.echoed)' at column \(column)"
        case .unmatchedClosingParenthesis:
            return "')' without a matching '(' at column \(column)"
        case .unclosedParenthesis:
            return "'(' at column \(column) is never closed"
        case .unknownFunction(let name):
            let known = ExpressionParser.functions.map(\.rawValue).joined(separator: ", ")
            return "unknown function '\(name.echoed)' at column \(column) (the functions are \(known))"
        case .missingArgument(let function):
            return "the function '\(function.echoed)' at column \(column) needs an argument in parentheses"
        case .tooDeep(let limit):
            return "the expression nests operations more than \(limit) deep at column \(column)"
        }
    }
}
