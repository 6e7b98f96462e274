import BackpropKit
import BackpropRendering

/// The one place library errors become the text `derive` prints: a subexpression in an error is
/// written as in a text handout, in Unicode with the names typed (``GraphNotation``).
enum ErrorMessage {
    /// The message for `error`, without the leading "Error: ".
    static func text(_ error: GraphError) -> String {
        switch error {
        case .undefinedConstant(let expression, let reason):
            return "'\(text(expression))' is undefined: \(reason)"
        case .undefinedValue(let expression, let reason):
            return "'\(text(expression))' is undefined at this point: \(reason)"
        case .undefinedDerivative(let expression, let reason):
            return "the derivative of '\(text(expression))' is undefined at this point: \(reason)"
        case .unsupported, .noVariables, .tooLarge, .missingValues, .unusedValues, .notAnInput, .derivativeOverflows:
            return error.description
        }
    }

    /// `expression` in Unicode text with the graph notation.
    private static func text(_ expression: Expression) -> String {
        MathPrinter(UnicodeMath(), notation: GraphNotation()).string(expression)
    }
}
