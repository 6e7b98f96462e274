import BackpropKit
import BackpropRendering
import BackpropRendering
@testable import DeriveCLI
import Foundation
import Testing

/// Successful and failing runs of `DeriveCommand` inside the test process.
@Suite struct DeriveCommandTests {
    /// A 1-layer identity network with half-squared loss: f = Σ w_i x_i = 0.5 − 2 + 6 = 4.5, f − t = 3.5.
    static let identityNetwork = """
        {
          "input": [1, 2, 3],
          "target": [1],
          "loss": "half-squared",
          "layers": [ { "activation": "identity", "weights": [[0.5], [-1], [2]] } ]
        }
        """

    /// Cross-entropy of an identity output o = 2: log(1 − o) is undefined.
    static let undefinedLossNetwork = """
        { "input": [2], "target": [1], "loss": "cross-entropy", "layers": [ { "activation": "identity", "weights": [[1]] } ] }
        """

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func numbers(_ value: Any?) -> [Double]? { (value as? [NSNumber])?.map(\.doubleValue) }

    static func matrix(_ value: Any?) -> [[Double]]? {
        guard let rows = value as? [Any] else { return nil }
        let parsed = rows.compactMap(numbers)
        return parsed.count == rows.count ? parsed : nil
    }

    @Test func defaultRunPrintsALaTeXDocument() {
        let run = deriveInProcess([])
        #expect(run.code == .success)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("\\documentclass"))
        #expect(run.stdout.contains("\\end{document}"))
    }

    @Test func latexFormat() {
        let run = deriveInProcess(["--format", "latex"])
        #expect(run.code == .success)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("\\documentclass"))
        #expect(run.stdout.contains("\\begin{document}"))
    }

    @Test func markdownFormat() {
        let run = deriveInProcess(["--format", "markdown"])
        #expect(run.code == .success)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("# "))
        #expect(!run.stdout.contains("\\documentclass"))
    }

    @Test func textFormat() {
        let run = deriveInProcess(["--format", "text"])
        #expect(run.code == .success)
        #expect(run.stderr.isEmpty)
        #expect(!run.stdout.isEmpty)
        #expect(!run.stdout.hasPrefix("\\documentclass"))
        #expect(!run.stdout.hasPrefix("# "))
        #expect(!run.stdout.hasPrefix("{"))
        #expect(!run.stdout.contains("\\frac"))
    }

    @Test func jsonFormatHasLossGradientsAndLayers() throws {
        let run = deriveInProcess(["--format", "json"])
        #expect(run.code == .success)
        #expect(run.stderr.isEmpty)
        let json = try Self.json(run.stdout)
        #expect(Set(json.keys) == ["generator", "loss", "gradInput", "layers"])
        #expect(json["generator"] as? String == "derive " + DeriveVersion.current)
        #expect(json["loss"] is NSNumber)
        #expect(Self.numbers(json["gradInput"])?.count == 2)
        let layers = try #require(json["layers"] as? [[String: Any]])
        #expect(layers.count == 3)
        for layer in layers {
            #expect(Set(layer.keys) == ["preactivation", "output", "gradWeights", "gradOutput", "gradPreactivation"])
            #expect(Self.matrix(layer["gradWeights"]) != nil)
        }
    }

    @Test func gradBiasesOnlyWithBias() throws {
        let json = try Self.json(deriveInProcess(["--format", "json", "--bias"]).stdout)
        let layers = try #require(json["layers"] as? [[String: Any]])
        #expect(layers.count == 3)
        for layer in layers {
            #expect(Self.numbers(layer["gradBiases"]) != nil)
            #expect(layer["updatedWeights"] == nil)
            #expect(layer["updatedBiases"] == nil)
        }
    }

    @Test func updatesOnlyWithLearningRate() throws {
        let json = try Self.json(deriveInProcess(["--format", "json", "--learning-rate", "0.5"]).stdout)
        let layers = try #require(json["layers"] as? [[String: Any]])
        for layer in layers {
            #expect(Self.matrix(layer["updatedWeights"]) != nil)
            #expect(layer["updatedBiases"] == nil)
            #expect(layer["gradBiases"] == nil)
        }
        let both = try Self.json(deriveInProcess(["--format", "json", "--learning-rate", "0.5", "--bias"]).stdout)
        for layer in try #require(both["layers"] as? [[String: Any]]) {
            #expect(Self.matrix(layer["updatedWeights"]) != nil)
            #expect(Self.numbers(layer["updatedBiases"]) != nil)
            #expect(Self.numbers(layer["gradBiases"]) != nil)
        }
    }

    @Test func networkFileGradientsMatchTheHandComputedValues() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(Self.identityNetwork, to: "identity.json")
        let run = deriveInProcess(["--network", path, "--format", "json"])
        #expect(run.code == .success, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        let json = try Self.json(run.stdout)
        // δ = (f − t)²/2 = 3.5²/2; ∂δ/∂w_i = (f − t)·x_i; ∂δ/∂x_i = (f − t)·w_i.
        #expect((json["loss"] as? NSNumber)?.doubleValue == 6.125)
        #expect(Self.numbers(json["gradInput"]) == [1.75, -3.5, 7])
        let layers = try #require(json["layers"] as? [[String: Any]])
        try #require(layers.count == 1)
        #expect(Self.numbers(layers[0]["preactivation"]) == [4.5])
        #expect(Self.numbers(layers[0]["output"]) == [4.5])
        #expect(Self.matrix(layers[0]["gradWeights"]) == [[3.5], [7], [10.5]])
        #expect(Self.numbers(layers[0]["gradOutput"]) == [3.5])
        #expect(Self.numbers(layers[0]["gradPreactivation"]) == [3.5])
    }

    @Test func networkFileWithLearningRateUpdatesTheWeights() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(Self.identityNetwork, to: "identity.json")
        let run = deriveInProcess(["--network", path, "--format", "json", "--learning-rate", "0.5"])
        #expect(run.code == .success, "\(run.stderr)")
        let layers = try #require(try Self.json(run.stdout)["layers"] as? [[String: Any]])
        // w⁺ = w − η ∂δ/∂w = [0.5, −1, 2] − 0.5·[3.5, 7, 10.5].
        #expect(Self.matrix(layers.first?["updatedWeights"]) == [[-1.25], [-4.5], [-3.25]])
    }

    @Test(arguments: OutputFormat.allCases.filter { $0 != .dot })
    func outputWritesTheFileAndNothingToStandardOutput(_ format: OutputFormat) throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("handout.out")
        let run = deriveInProcess(["--format", format.rawValue, "--output", path])
        #expect(run.code == .success, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.isEmpty)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        let pictures = format == .markdown ? DiagramKind.allCases.filter { $0 != .lossPerStep }.map { "handout.out-\($0.rawValue).svg" } : []
        if format == .markdown {
            #expect(written.contains("![The network](handout.out-network.svg)"), "Markdown links the pictures written beside it")
        } else {
            #expect(written == deriveInProcess(["--format", format.rawValue]).stdout)
        }
        #expect(try directory.entries() == (["handout.out"] + pictures).sorted(), "no temporary file is left behind")
    }

    @Test func outputReplacesAnExistingFile() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("old contents\n", to: "handout.md")
        let run = deriveInProcess(["--format", "markdown", "--output=\(path)"])
        #expect(run.code == .success)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("# "))
        #expect(try directory.entries() == (["handout.md"] + DiagramKind.allCases.filter { $0 != .lossPerStep }.map { "handout-\($0.rawValue).svg" }).sorted())
    }

    /// Failing runs that must leave an existing `--output` file exactly as it was.
    static let failingArguments: [(label: String, arguments: [String], code: ExitCode)] = [
        ("a bad --layers value", ["--layers", "zero"], .usage),
        ("an unknown option", ["--frobnicate"], .usage),
        ("a missing network file", ["--network", "/nonexistent/derive/net.json"], .noInput),
    ]

    @Test func failedRunLeavesAnExistingOutputFileUnchanged() throws {
        let original = Data("precious handout \u{1F4DA}\n".utf8)
        for (label, arguments, code) in Self.failingArguments {
            let directory = try TemporaryDirectory()
            let path = directory.path("handout.tex")
            try original.write(to: URL(fileURLWithPath: path))
            let run = deriveInProcess(["--output", path] + arguments)
            #expect(run.code == code, "\(label)")
            #expect(run.stdout.isEmpty, "\(label)")
            #expect(run.stderr.hasPrefix("Error: "), "\(label)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original, "\(label)")
            #expect(try directory.entries() == ["handout.tex"], "\(label)")
        }
    }

    @Test func undefinedLossLeavesAnExistingOutputFileUnchanged() throws {
        let directory = try TemporaryDirectory()
        let network = try directory.write(Self.undefinedLossNetwork, to: "net.json")
        let original = Data("precious handout\n".utf8)
        let path = directory.path("handout.tex")
        try original.write(to: URL(fileURLWithPath: path))
        let run = deriveInProcess(["--network", network, "--output", path])
        #expect(run.code == .dataError)
        #expect(run.stdout.isEmpty)
        #expect(run.errorLines.count == 1)
        #expect(run.stderr.hasPrefix("Error: "))
        #expect(run.stderr.contains("net.json"))
        #expect(run.stderr.contains("cross-entropy"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original)
        #expect(try directory.entries() == ["handout.tex", "net.json"])
    }

    @Test func overflowingGeneratedNetworkIsADataError() {
        let run = deriveInProcess(["--widths", "2,1", "--activation", "identity", "--input", "1e308,1e308", "--format", "json"])
        #expect(run.code == .dataError)
        #expect(run.stdout.isEmpty)
        #expect(run.errorLines.count == 1)
        #expect(run.stderr.hasPrefix("Error: "))
        #expect(run.stderr.contains("overflow"))
    }

    @Test(arguments: OutputFormat.allCases.filter { $0 != .dot })
    func sameSeedGivesTheSameOutput(_ format: OutputFormat) {
        let first = deriveInProcess(["--seed", "7", "--format", format.rawValue])
        let second = deriveInProcess(["--seed", "7", "--format", format.rawValue])
        #expect(first.code == .success)
        #expect(!first.stdout.isEmpty)
        #expect(first.stdout == second.stdout)
    }

    @Test func defaultSeedIsOne() {
        #expect(deriveInProcess(["--format", "json"]).stdout == deriveInProcess(["--format", "json", "--seed=1"]).stdout)
    }

    @Test func differentSeedGivesDifferentValues() {
        let one = deriveInProcess(["--seed", "1", "--format", "json"])
        let two = deriveInProcess(["--seed", "2", "--format", "json"])
        #expect(one.code == .success)
        #expect(two.code == .success)
        #expect(one.stdout != two.stdout)
    }

    @Test func digitsShortenTheNumbers() {
        let full = deriveInProcess(["--format", "text"])
        let short = deriveInProcess(["--format", "text", "--digits", "2"])
        #expect(short.code == .success)
        #expect(short.stdout != full.stdout)
        #expect(short.stdout.count < full.stdout.count)
    }

    @Test func titleAndAuthorAppearInTheHandout() {
        let run = deriveInProcess(["--format", "markdown", "--title", "Gradients by hand", "--author", "Ada Lovelace"])
        #expect(run.code == .success)
        #expect(run.stdout.contains("Gradients by hand"))
        #expect(run.stdout.contains("Ada Lovelace"))
    }

    @Test func absoluteIndicesChangeTheLabels() {
        let note = deriveInProcess(["--format", "text"])
        let absolute = deriveInProcess(["--format", "text", "--indices", "absolute"])
        #expect(absolute.code == .success)
        #expect(absolute.stdout != note.stdout)
    }

    @Test func inputAndTargetOverrideTheNetworkFile() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(Self.identityNetwork, to: "identity.json")
        let run = deriveInProcess(["--network", path, "--format", "json", "--input", "2,0,0", "--target", "0"])
        #expect(run.code == .success, "\(run.stderr)")
        let json = try Self.json(run.stdout)
        // f = 0.5·2 = 1, f − t = 1: ∂δ/∂w = x.
        let layers = try #require(json["layers"] as? [[String: Any]])
        #expect(Self.matrix(layers.first?["gradWeights"]) == [[2], [0], [0]])
    }

    @Test func largeOutputIsRefusedBeforeTheNetworkIsBuilt() {
        let clock = ContinuousClock()
        var run: InProcessRun?
        let elapsed = clock.measure { run = deriveInProcess(["--widths", "100000,100000"]) }
        #expect(run?.code == .usage)
        #expect(run?.stdout.isEmpty == true)
        #expect(run?.stderr.contains("--allow-large") == true)
        #expect(elapsed < .seconds(5))
    }
}
