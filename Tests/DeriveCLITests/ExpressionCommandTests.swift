import BackpropKit
import BackpropRendering
@testable import DeriveCLI
import Foundation
import Testing

/// `derive --expr`: the post's example in every format, forward mode, bad input in process and through the
/// built executable, and expressions too long or too deep.
@Suite struct ExpressionCommandTests {
    static let post = ["--expr", "(a+b)*(b+1)", "--at", "a=2,b=1"]

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    // MARK: - The post's example

    @Test func thePostsGradientAsJSON() throws {
        let run = deriveInProcess(Self.post + ["--format", "json"])
        #expect(run.code == .success, "\(run.stderr)")
        let json = try Self.json(run.stdout)
        #expect((json["value"] as? NSNumber)?.doubleValue == 6)
        let gradients = try #require(json["gradients"] as? [String: NSNumber])
        #expect(gradients.mapValues(\.doubleValue) == ["a": 2, "b": 5])
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        #expect(nodes.compactMap { $0["name"] as? String } == ["a", "b", "c", "d", "e"])
        #expect(nodes.compactMap { ($0["value"] as? NSNumber)?.doubleValue } == [2, 1, 3, 2, 6])
        #expect(nodes.compactMap { ($0["adjoint"] as? NSNumber)?.doubleValue } == [2, 5, 2, 3, 1])
        #expect(nodes.compactMap { $0["inputs"] as? [String] } == [[], [], ["a", "b"], ["b"], ["c", "d"]])
        #expect(nodes.map { $0["expression"] as? String } == [nil, nil, "a + b", "b + 1", "c · d"])
    }

    @Test func thePostsDerivationAsText() {
        let run = deriveInProcess(Self.post + ["--format", "text"])
        #expect(run.code == .success)
        for line in ["  c = a + b = 2 + 1 = 3", "  e = c · d = 3 · 2 = 6", "  ∂e/∂c = d = 2", "  ∂e/∂d = c = 3",
                     "  b̄ = c̄ · ∂c/∂b + d̄ · ∂d/∂b = 2 · 1 + 3 · 1 = 5", "  ∂e/∂a = ā = 2", "  ∂e/∂b = b̄ = 5"] {
            #expect(run.stdout.contains(line + "\n"), "missing: \(line)")
        }
    }

    @Test(arguments: OutputFormat.allCases)
    func everyFormatWritesTheExample(_ format: OutputFormat) {
        let run = deriveInProcess(Self.post + ["--format", format.rawValue])
        #expect(run.code == .success, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        let opening = ["latex": "\\documentclass", "markdown": "# Backpropagation on a computational graph", "text": "Backpropagation",
                       "json": "{", "dot": "digraph"][format.rawValue] ?? ""
        #expect(run.stdout.hasPrefix(opening))
    }

    @Test func forwardModeGivesTheOneDerivative() throws {
        let run = deriveInProcess(Self.post + ["--mode", "forward", "--wrt", "b", "--format", "json"])
        #expect(run.code == .success, "\(run.stderr)")
        let json = try Self.json(run.stdout)
        #expect((json["gradients"] as? [String: NSNumber])?.mapValues(\.doubleValue) == ["b": 5])
        let nodes = try #require(json["nodes"] as? [[String: Any]])
        #expect(nodes.compactMap { ($0["tangent"] as? NSNumber)?.doubleValue } == [0, 1, 1, 1, 5])
    }

    @Test func outputIntoADirectoryNamesTheFileByFormat() throws {
        let directory = try TemporaryDirectory()
        let run = deriveInProcess(Self.post + ["--format", "dot", "--output", directory.path("graphs") + "/"])
        #expect(run.code == .success, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let written = try String(contentsOfFile: directory.path("graphs/handout.dot"), encoding: .utf8)
        #expect(written == deriveInProcess(Self.post + ["--format", "dot"]).stdout)
    }

    @Test func titleAuthorAndDigitsApply() {
        let run = deriveInProcess(["--expr", "a/3", "--at", "a=1", "--format", "markdown", "--digits", "3", "--title", "Graphs", "--author", "Ann"])
        #expect(run.code == .success, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("# Graphs\n\n*Ann*"))
        #expect(run.stdout.contains("= 0.333"))
        #expect(!run.stdout.contains("0.3333"))
    }

    // MARK: - Bad input in process

    struct BadRun: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let code: ExitCode
        let message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let badRuns: [BadRun] = [
        BadRun(arguments: ["--expr", "(a+b)*)", "--at", "a=2,b=1"], code: .dataError, message: "but found ')' at column 7"),
        BadRun(arguments: ["--expr", "a +* b", "--at", "a=1,b=1"], code: .dataError, message: "but found '*' at column 4"),
        BadRun(arguments: ["--expr", "foo(a)", "--at", "a=1"], code: .dataError, message: "unknown function 'foo' at column 1"),
        BadRun(arguments: ["--expr", "", "--at", "a=1"], code: .dataError, message: "the expression is empty"),
        BadRun(arguments: ["--expr", "2+3"], code: .dataError, message: "the expression has no variables"),
        BadRun(arguments: ["--expr", "a*b", "--at", "a=1"], code: .usage, message: "gives no value for the variable 'b'"),
        BadRun(arguments: ["--expr", "a*b"], code: .usage, message: "Missing '--at <name=value,...>'"),
        BadRun(arguments: ["--expr", "a", "--at", "a=1,z=2"], code: .usage, message: "gives a value for 'z', not a variable of the expression"),
        BadRun(arguments: ["--expr", "a", "--at", "a"], code: .usage, message: "expected name=value pairs"),
        BadRun(arguments: ["--expr", "a", "--at", "a=1,a=2"], code: .usage, message: "'a' is given twice"),
        BadRun(arguments: ["--expr", "a", "--at", "a=nan"], code: .usage, message: "expected a finite number for 'a'"),
        BadRun(arguments: ["--expr", "a", "--at", "2a=1"], code: .usage, message: "expected name=value pairs"),
        BadRun(arguments: ["--expr", "a/(b-1)", "--at", "a=1,b=1"], code: .dataError, message: "'a/(b − 1)' is undefined at this point: division by zero"),
        BadRun(arguments: ["--expr", "log(a)", "--at", "a=0"], code: .dataError, message: "log is undefined at 0"),
        BadRun(arguments: ["--expr", "sqrt(a)", "--at", "a=-4"], code: .dataError, message: "sqrt is undefined at -4"),
        BadRun(arguments: ["--expr", "sqrt(a)", "--at", "a=0"], code: .dataError, message: "the derivative of '√a' is undefined"),
        BadRun(arguments: ["--expr", "a", "--at", "a=1", "--layers", "3"], code: .usage, message: "'--layers' cannot be combined with '--expr'"),
        BadRun(arguments: ["--expr", "a", "--at", "a=1", "--network", "n.json"], code: .usage, message: "'--network' cannot be combined with '--expr'"),
        BadRun(arguments: ["--at", "a=1"], code: .usage, message: "'--at' needs '--expr <expression>'"),
        BadRun(arguments: ["--wrt", "a"], code: .usage, message: "'--wrt' needs '--expr <expression>'"),
        BadRun(arguments: ["--format", "dot"], code: .usage, message: "'--format dot' draws the computational graph of '--expr <expression>'"),
        BadRun(arguments: ["--expr", "a", "--at", "a=1", "--mode", "forward"], code: .usage, message: "'--mode forward' needs '--wrt <variable>'"),
        BadRun(arguments: ["--expr", "a", "--at", "a=1", "--wrt", "a"], code: .usage, message: "'--wrt' is for '--mode forward'"),
        BadRun(arguments: ["--expr", "a", "--at", "a=1", "--mode", "forward", "--wrt", "z"], code: .usage,
               message: "The value 'z' is invalid for '--wrt <variable>': the expression has no variable 'z'"),
        BadRun(arguments: ["--expr", "a", "--at", "a=1", "--mode", "sideways"], code: .usage, message: "'sideways' is invalid for '--mode <mode>'"),
    ]

    @Test(arguments: badRuns)
    func badInputIsRefusedWithOneLine(_ bad: BadRun) {
        let run = deriveInProcess(bad.arguments)
        #expect(run.code == bad.code)
        #expect(run.stdout.isEmpty)
        let first = run.errorLines.first ?? ""
        #expect(first.hasPrefix("Error: "))
        #expect(first.contains(bad.message), "'\(first)' should contain '\(bad.message)'")
        #expect(run.errorLines.count == (bad.code == .usage ? 3 : 1), "\(run.stderr)")
    }

    @Test func reluAtZeroHasDerivativeZero() throws {
        let run = deriveInProcess(["--expr", "relu(a)", "--at", "a=0", "--format", "json"])
        #expect(run.code == .success)
        #expect((try Self.json(run.stdout)["gradients"] as? [String: NSNumber])?.mapValues(\.doubleValue) == ["a": 0])
    }

    @Test func aParseErrorInTextModeShowsACaretUnderItsColumn() {
        let run = deriveInProcess(["--expr", "(a+b)*)", "--at", "a=2,b=1", "--format", "text"])
        #expect(run.code == .dataError)
        #expect(run.stderr == """
            Error: expected a number, a variable or '(' but found ')' at column 7
              (a+b)*)
                    ^

            """)
    }

    @Test func theCaretOfALongExpressionPointsIntoAnExcerpt() throws {
        let source = String(repeating: "a+", count: 100) + ")" + String(repeating: "+a", count: 100)
        let run = deriveInProcess(["--expr", source, "--at", "a=1", "--format", "text"])
        #expect(run.code == .dataError)
        let lines = run.errorLines
        #expect(lines.count == 3)
        #expect(lines.first == "Error: expected a number, a variable or '(' but found ')' at column 201")
        let excerpt = try #require(lines.dropFirst().first), caret = try #require(lines.last)
        #expect(excerpt.count <= ExpressionCommand.excerptWidth + 4)
        let caretOffset = caret.count - 1
        #expect(Array(excerpt)[caretOffset] == ")")
    }

    // MARK: - Long and deep expressions

    @Test func aHundredThousandTermsAreRefusedQuickly() {
        let source = Array(repeating: "a", count: 100_000).joined(separator: "+")
        let start = Date()
        let run = deriveInProcess(["--expr", source, "--at", "a=1", "--format", "json"])
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(run.code == .usage)
        #expect(run.errorLines.first == "Error: The expression has more than \(ExpressionCommand.operationLimit) operations; pass '--allow-large' to derive it anyway")
    }

    @Test func tenThousandParenthesesAroundAVariableWork() throws {
        let source = String(repeating: "(", count: 10_000) + "a" + String(repeating: ")", count: 10_000)
        let start = Date()
        let run = deriveInProcess(["--expr", source, "--at", "a=3", "--format", "json"])
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(run.code == .success, "\(run.stderr)")
        #expect((try Self.json(run.stdout)["gradients"] as? [String: NSNumber])?.mapValues(\.doubleValue) == ["a": 1])
    }

    @Test func tenThousandNestedOperationsAreRefusedWithTheirColumn() {
        let source = String(repeating: "(1+", count: 10_000) + "a" + String(repeating: ")", count: 10_000)
        let start = Date()
        let run = deriveInProcess(["--expr", source, "--at", "a=1"])
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(run.code == .dataError)
        let column = 3 * (10_000 - ExpressionParser.maximumDepth - 1) + 3
        #expect(run.errorLines == ["Error: the expression nests operations more than \(ExpressionParser.maximumDepth) deep at column \(column)"])
    }

    @Test func aLongSumWithinTheLimitIsDerived() throws {
        let source = Array(repeating: "a", count: 2_000).joined(separator: "+")
        let run = deriveInProcess(["--expr", source, "--at", "a=0.5", "--format", "json"])
        #expect(run.code == .success, "\(run.stderr)")
        #expect((try Self.json(run.stdout)["gradients"] as? [String: NSNumber])?.mapValues(\.doubleValue) == ["a": 2_000])
    }

    // MARK: - The built executable

    @Test(arguments: [
        (["--expr", "(a+b)*)", "--at", "a=2,b=1", "--format", "text"], Int32(65), 3, "at column 7"),
        (["--expr", "sin(a) + cosh(b)", "--at", "a=1,b=2"], Int32(65), 1, "unknown function 'cosh' at column 10"),
        (["--expr", "a*b", "--at", "a=1"], Int32(64), 3, "gives no value for the variable 'b'"),
        (["--expr", "log(a-b)", "--at", "a=1,b=1"], Int32(65), 1, "'log(a − b)' is undefined at this point: log is undefined at 0"),
        (["--format", "dot"], Int32(64), 3, "'--format dot'"),
    ])
    func theExecutableRefusesBadInput(_ arguments: [String], _ status: Int32, _ lineCount: Int, _ message: String) throws {
        let directory = try TemporaryDirectory()
        let run = try DeriveExecutable.run(arguments, in: directory.url)
        #expect(!run.timedOut)
        #expect(run.status == status, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(run.errorLines.count == lineCount, "\(run.stderr)")
        #expect(run.errorLines.first?.hasPrefix("Error: ") == true)
        #expect(run.errorLines.first?.contains(message) == true, "\(run.stderr)")
        #expect(try directory.entries().isEmpty)
    }

    @Test func theExecutableWritesTheSameAsInProcess() throws {
        let directory = try TemporaryDirectory()
        let run = try DeriveExecutable.run(Self.post + ["--format", "text"], in: directory.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(run.stdoutText == deriveInProcess(Self.post + ["--format", "text"]).stdout)
    }
}
