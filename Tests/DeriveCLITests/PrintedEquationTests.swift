@testable import DeriveCLI
import Foundation
import Testing

/// Every equation a handout prints between numbers holds for a student with a calculator: evaluated from its
/// printed operands in decimal and rounded to the handout's digits, half away from zero, it gives the printed
/// result; with `--digits exact`, double arithmetic on the printed operands gives the printed double. The
/// pictures' formulas (TikZ in LaTeX) are read with the text, and the HTML's formulas, the matrix form's
/// among them, from their `alttext`.
@Suite struct PrintedEquationTests {
    /// A handout request and the digits its equations are rounded to (`nil`: exact double arithmetic).
    struct Request: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let digits: Int?
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let networks: [[String]] = [
        ["--layers", "3"],
        ["--widths", "2,3,3", "--activation", "tanh,softmax", "--loss", "categorical-cross-entropy", "--bias", "--seed", "3", "--learning-rate", "0.5"],
        ["--widths", "3,2,2", "--activation", "relu,sigmoid", "--loss", "cross-entropy", "--bias", "--seed", "5", "--check"],
        ["--widths", "2,3,1", "--activation", "leaky-relu,tanh", "--loss", "half-squared", "--seed", "11", "--input", "0.123456,-0.98765"],
        ["--widths", "2,2,1", "--activation", "softplus,identity", "--bias", "--seed", "2", "--vectorized"],
        // At two digits its softmax errors are an exact decimal tie: (0.15)(−5.3) = −0.795 prints as −0.80.
        ["--widths", "3,4,4,2", "--activation", "relu,sigmoid,softmax", "--loss", "categorical-cross-entropy", "--bias", "--seed", "6", "--vectorized"],
        ["--expr", "sigmoid(w1*x1+w2*x2+b)", "--at", "w1=0.5,x1=1,w2=-0.3,x2=2,b=0.1"],
        ["--expr", "(a+b)*(b+1)", "--at", "a=2,b=1"],
        ["--expr", "exp(a)/b-log(a)^2+sqrt(b)*tanh(a)", "--at", "a=0.7,b=1.33333", "--mode", "forward", "--wrt", "a"],
    ]

    static let requests: [Request] = networks.flatMap { network in
        [Request(arguments: network, digits: 4), Request(arguments: network + ["--digits", "2"], digits: 2),
         Request(arguments: network + ["--digits", "exact"], digits: nil)]
    }

    @Test(arguments: requests, ["text", "latex", "markdown", "html"])
    func everyPrintedEquationHolds(_ request: Request, _ format: String) throws {
        let run = deriveInProcess(request.arguments + ["--format", format])
        #expect(run.code == .success, "\(run.stderr)")
        let printed = PrintedEquations(run.stdout, format: format)
        #expect(printed.unreadable.isEmpty, "forms the check cannot read: \(printed.unreadable.prefix(5))")
        let least = request.arguments.first == "--expr" ? 7 : 30
        #expect(printed.equations.count >= least, "only \(printed.equations.count) equations found")
        let wrong = printed.falseEquations(digits: request.digits)
        #expect(wrong.isEmpty, "\(wrong.count) of \(printed.equations.count) equations are false: \(wrong.prefix(5))")
    }

    /// The exact decimal tie of Mazur's worked example: 0.15 · 0.05 + 0.2 · 0.1 + 0.35 = 0.3775 rounds to 0.378
    /// at three digits, where the binary double 0.37749999… would give 0.377.
    @Test func decimalTiesRoundAwayFromZero() throws {
        let directory = try TemporaryDirectory()
        let file = directory.path("mazur.json")
        try #"{"input": [0.05, 0.1], "target": [0.01, 0.99], "loss": "half-squared", "layers": [{"activation": "sigmoid", "weights": [[0.15, 0.25], [0.2, 0.3]], "biases": [0.35, 0.35]}, {"activation": "sigmoid", "weights": [[0.4, 0.5], [0.45, 0.55]], "biases": [0.6, 0.6]}]}"#
            .write(toFile: file, atomically: true, encoding: .utf8)
        let run = deriveInProcess(["--network", file, "--digits", "3", "--format", "text"])
        #expect(run.stdout.contains("0.15 · 0.05 + 0.2 · 0.1 + 0.35 = 0.378"), "\(run.stdout.prefix(2_000))")
        #expect(run.stdout.contains("0.25 · 0.05 + 0.3 · 0.1 + 0.35 = 0.393"))
        let printed = PrintedEquations(run.stdout, format: "text")
        #expect(printed.falseEquations(digits: 3).isEmpty)
    }
}

extension PrintedEquationTests {
    /// The check itself finds a false equation in each format, and reads the pictures' formulas.
    @Test(arguments: ["text", "latex", "markdown", "html"])
    func aFalseEquationIsCaught(_ format: String) throws {
        let run = deriveInProcess(["--layers", "3", "--format", format])
        let tampered = run.stdout.replacingOccurrences(of: "0.6315", with: "0.6316")
        #expect(PrintedEquations(tampered, format: format).falseEquations(digits: 4).count >= 1)
        #expect(PrintedEquations(run.stdout, format: format).equations.count >= 40)
    }

    /// The matrix form's equations are read, drawn over several lines in text and from the HTML's `alttext`, and a
    /// false entry is caught.
    @Test(arguments: ["text", "html"])
    func aFalseMatrixEntryIsCaught(_ format: String) throws {
        let run = deriveInProcess(["--widths", "2,3,2", "--bias", "--seed", "2", "--vectorized", "--format", format])
        let printed = PrintedEquations(run.stdout, format: format)
        #expect(printed.unreadable.isEmpty, "\(printed.unreadable.prefix(3))")
        #expect(printed.falseEquations(digits: 4).isEmpty, "\(printed.falseEquations(digits: 4).prefix(3))")
        let matrixEquations = printed.equations.filter { $0.result.hasPrefix("[") }
        #expect(matrixEquations.count >= 4, "\(matrixEquations)")
        let tampered = run.stdout.replacingOccurrences(of: "0.02932", with: "0.02933")
        #expect(tampered != run.stdout)
        #expect(PrintedEquations(tampered, format: format).falseEquations(digits: 4).count >= 1)
    }
}
