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
        #expect(ErrorMessage.text(GraphError.missingValues(["b"])) == "no value for the variable 'b'")
    }

    /// One error of every kind, as data.
    static let errors: [DeriveError] = [
        .usage(.unknownOption("--frobnicate")),
        .usage(.invalidValue("three", for: .layers, .positiveInteger)),
        .usage(.invalidNetwork(.invalid(path: "--widths", reason: "expected a positive width"))),
        .data(.network(.invalid(path: "layers[0].weights", reason: "missing"), source: .file("net.json"))),
        .data(.network(.notComputable(reason: "log(0)"), source: .sheet(index: 2))),
        .data(.expression(ExpressionParseError(.unclosedParenthesis, column: 1), source: "(a", showsCaret: true)),
        .data(.graph(.noVariables)),
        .noInput(.network(path: "net.json", problem: .system(2))),
        .cannotWrite(.directory(path: "out/")),
    ]

    @Test(arguments: errors)
    func messagesLeaveTheLabelToThePrinter(_ error: DeriveError) {
        let message = ErrorMessage.text(error)
        #expect(!message.isEmpty)
        #expect(!message.hasPrefix("Error"), "\(message)")
        var printed = ""
        DeriveCommand.report(error, to: &printed)
        #expect(printed.hasPrefix("Error: " + message + "\n"))
        #expect(printed.components(separatedBy: "Error:").count == 2, "the label is written once: \(printed)")
        let usageLines = ["Usage: derive", "  See 'derive --help' for more information."]
        #expect(usageLines.allSatisfy(printed.contains) == (error.exitCode == .usage))
    }

    @Test func messagesNameWhereTheDataCameFrom() {
        #expect(ErrorMessage.text(.data(.network(.notComputable(reason: "log(0)"), source: .sheet(index: 2)))) == "sheet 3: log(0)")
        #expect(ErrorMessage.text(.data(.network(.invalid(path: "input", reason: "missing"), source: .file("n.json")))) == "'n.json': input: missing")
        #expect(ErrorMessage.text(.data(.network(.notComputable(reason: "log(0)"), source: nil))) == "log(0)")
    }
}
