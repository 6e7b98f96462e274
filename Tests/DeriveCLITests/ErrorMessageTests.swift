import BackpropKit
@testable import DeriveCLI
import Testing

/// The messages of library errors: a point where a subexpression or its derivative has no value is
/// reported with that subexpression as a text handout prints it, not trapped.
@Suite struct ErrorMessageTests {
    struct UndefinedPoint: Sendable, CustomTestStringConvertible {
        let source: String
        let point: [String: Double]
        let message: String
        var testDescription: String { source }
    }

    static let undefinedPoints: [UndefinedPoint] = [
        UndefinedPoint(source: "a / (b - 1)", point: ["a": 1, "b": 1], message: "'a/(b − 1)' is undefined at this point: division by zero"),
        UndefinedPoint(source: "log(a - b)", point: ["a": 1, "b": 2], message: "'log(a − b)' is undefined at this point: log is undefined at -1"),
        UndefinedPoint(source: "sqrt(a)", point: ["a": -4], message: "'√a' is undefined at this point: sqrt is undefined at -4"),
        UndefinedPoint(source: "sqrt(a) + a", point: ["a": 0], message: "the derivative of '√a' is undefined at this point: division by zero"),
        UndefinedPoint(source: "abs(a)", point: ["a": 0], message: "the derivative of '|a|' is undefined at this point: division by zero"),
        UndefinedPoint(source: "a^0.5", point: ["a": 0], message: "the derivative of 'a^0.5' is undefined at this point: division by zero"),
        UndefinedPoint(source: "exp(a)", point: ["a": 1000], message: "'exp(a)' is undefined at this point: the value overflows"),
        UndefinedPoint(source: "a^b", point: ["a": -2, "b": 2], message: "the derivative of 'a^b' is undefined at this point: log is undefined at -2"),
    ]

    @Test(arguments: undefinedPoints)
    func undefinedPointsAreReportedNotTrapped(_ case: UndefinedPoint) throws {
        let graph = try ComputationGraph(expression: ExpressionParser.parse(`case`.source))
        do {
            _ = try GraphForwardPass(graph: graph, at: `case`.point)
            Issue.record("expected an error")
        } catch {
            #expect(ErrorMessage.text(error) == `case`.message)
        }
    }

    @Test func errorsWithoutSubexpressionsKeepTheirDescription() {
        #expect(ErrorMessage.text(.missingValues(["b"])) == "no value for the variable 'b'")
    }
}
