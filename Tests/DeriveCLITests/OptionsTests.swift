import BackpropKit
@testable import DeriveCLI
import Foundation
import Testing

/// Parsing of every flag, in both `--flag value` and `--flag=value` forms, and the defaults.
@Suite struct OptionsTests {
    /// One flag, the value given to it, and the options it should produce.
    struct FlagCase: Sendable, CustomTestStringConvertible {
        let flag: String
        let value: String
        /// Arguments the flag needs beside it, such as `--exercise` for `--blanks`.
        var prefix: [String] = []
        let expected: @Sendable (inout Options) -> Void
        var testDescription: String { "\(flag) \(value)" }
    }

    static let defaults: Options = {
        do { return try Options(arguments: []) } catch { fatalError("no arguments must parse: \(error)") }
    }()

    static let flagCases: [FlagCase] = [
        FlagCase(flag: "--layers", value: "4") { $0.layers = 4 },
        FlagCase(flag: "--widths", value: "3,5,1") { $0.widths = [3, 5, 1] },
        FlagCase(flag: "--widths", value: "3, 5 ,1") { $0.widths = [3, 5, 1] },
        FlagCase(flag: "--activation", value: "relu") { $0.activations = [.relu] },
        FlagCase(flag: "--activation", value: "tanh,leaky-relu,softmax") { $0.activations = [.tanh, .leakyRelu, .softmax] },
        FlagCase(flag: "--activation", value: "linear") { $0.activations = [.identity] },
        FlagCase(flag: "--activation", value: "softplus,linear,identity") { $0.activations = [.softplus, .identity, .identity] },
        FlagCase(flag: "--loss", value: "half-squared") { $0.loss = .halfSquared },
        FlagCase(flag: "--loss", value: "categorical-cross-entropy") { $0.loss = .categoricalCrossEntropy },
        FlagCase(flag: "--input", value: "0.5,-1,2e-3") { $0.input = [0.5, -1, 0.002] },
        FlagCase(flag: "--target", value: "1") { $0.target = [1] },
        FlagCase(flag: "--seed", value: "42") { $0.seed = 42 },
        FlagCase(flag: "--seed", value: "18446744073709551615") { $0.seed = .max },
        FlagCase(flag: "--network", value: "net.json") { $0.networkPath = "net.json" },
        FlagCase(flag: "--learning-rate", value: "0.25") { $0.learningRate = 0.25 },
        FlagCase(flag: "--steps", value: "3", prefix: ["--learning-rate", "0.5"]) { $0.trainingSteps = 3 },
        FlagCase(flag: "--focus", value: "1,3,2,1") { $0.focus = [1, 3, 2, 1] },
        FlagCase(flag: "--indices", value: "absolute") { $0.indexing = .absolute },
        FlagCase(flag: "--indices", value: "note") { $0.indexing = .note },
        FlagCase(flag: "--format", value: "markdown") { $0.format = .markdown },
        FlagCase(flag: "--format", value: "text") { $0.format = .text },
        FlagCase(flag: "--format", value: "json") { $0.format = .json },
        FlagCase(flag: "--output", value: "out/handout.tex") { $0.outputPath = "out/handout.tex" },
        FlagCase(flag: "--digits", value: "3") { $0.digits = 3 },
        FlagCase(flag: "--digits", value: "17") { $0.digits = 17 },
        FlagCase(flag: "--template", value: "mine.tex") { $0.templatePath = "mine.tex" },
        FlagCase(flag: "--notation", value: "textbook") { $0.notation = .textbook },
        FlagCase(flag: "--notation", value: "diagrams") { $0.notation = .diagrams },
        FlagCase(flag: "--students", value: "30", prefix: ["--exercise", "--output", "class/"]) { $0.students = 30 },
        FlagCase(flag: "--blanks", value: "numeric", prefix: ["--exercise"]) { $0.exercise = .numeric },
        FlagCase(flag: "--expr", value: "(a+b)*(b+1)") { $0.expression = "(a+b)*(b+1)" },
        FlagCase(flag: "--at", value: "a=2, b=-1e-3", prefix: ["--expr", "a*b"]) { $0.point = ["a": 2, "b": -0.001] },
        FlagCase(flag: "--mode", value: "forward", prefix: ["--expr", "a"]) { $0.mode = .forward },
        FlagCase(flag: "--wrt", value: "a", prefix: ["--expr", "a"]) { $0.variable = "a" },
        FlagCase(flag: "--title", value: "Backprop, by hand") { $0.title = "Backprop, by hand" },
        FlagCase(flag: "--author", value: "A. Student") { $0.author = "A. Student" },
        FlagCase(flag: "--generate-completion-script", value: "zsh") { $0.completionShell = .zsh },
    ]

    @Test func noArgumentsGiveTheDefaults() {
        let options = Self.defaults
        #expect(options.layers == nil)
        #expect(options.widths == nil)
        #expect(options.activations == nil)
        #expect(options.loss == nil)
        #expect(!options.hasBiases)
        #expect(options.seed == nil)
        #expect(options.networkPath == nil)
        #expect(options.learningRate == nil)
        #expect(options.indexing == .note)
        #expect(options.format == .latex)
        #expect(options.outputPath == nil)
        #expect(options.digits == nil)
        #expect(!options.allowsLargeOutput)
        #expect(!options.showsHelp)
    }

    @Test(arguments: flagCases)
    func flagWithSeparateValue(_ flagCase: FlagCase) throws {
        var expected = try Options(arguments: flagCase.prefix)
        flagCase.expected(&expected)
        #expect(try Options(arguments: flagCase.prefix + [flagCase.flag, flagCase.value]) == expected)
    }

    @Test(arguments: flagCases)
    func flagWithEqualsValue(_ flagCase: FlagCase) throws {
        var expected = try Options(arguments: flagCase.prefix)
        flagCase.expected(&expected)
        #expect(try Options(arguments: flagCase.prefix + ["\(flagCase.flag)=\(flagCase.value)"]) == expected)
    }

    @Test func valueMayContainAnEqualsSign() throws {
        #expect(try Options(arguments: ["--title=a=b"]).title == "a=b")
    }

    @Test(arguments: ["-1", "-0.5", "-1,2"])
    func negativeNumberIsAValueNotAFlag(_ value: String) throws {
        let options = try Options(arguments: ["--input", value])
        #expect(options.input?.first.map { $0 < 0 } == true)
    }

    @Test func switches() throws {
        #expect(try Options(arguments: ["--bias"]).hasBiases)
        #expect(try Options(arguments: ["--allow-large"]).allowsLargeOutput)
        #expect(try Options(arguments: ["--check"]).checksGradients)
        #expect(try Options(arguments: ["--vectorized"]).isVectorized)
        #expect(try Options(arguments: ["--format", "json", "--json-steps"]).jsonSteps)
        #expect(try Options(arguments: ["--digits", "4", "--hand"]).computesByHand)
        let exercise = try Options(arguments: ["--exercise"])
        #expect(exercise.exercise == .both && exercise.digits == 4 && exercise.computesByHand)
        #expect(try Options(arguments: ["--exercise", "--answers"]).writesAnswers)
        #expect(try Options(arguments: ["--help"]).showsHelp)
        #expect(try Options(arguments: ["-h"]).showsHelp)
    }

    /// `--focus` alone takes the default path, even before another option.
    @Test func focusWithoutAValue() throws {
        #expect(try Options(arguments: ["--focus"]).focus == [])
        #expect(try Options(arguments: ["--focus", "--format", "text"]).focus == [])
        #expect(try Options(arguments: ["--focus", "--format", "text"]).format == .text)
    }

    @Test func laterValueWins() throws {
        #expect(try Options(arguments: ["--layers", "2", "--layers=5"]).layers == 5)
    }

    @Test func everyOptionIsCovered() {
        let covered = Set(Self.flagCases.map(\.flag) + ["--bias", "--allow-large", "--check", "--hand", "--exercise", "--answers", "--vectorized", "--json-steps", "--version", "--help"])
        #expect(Set(Option.allCases.map(\.flag)) == covered)
    }

    @Test(arguments: [["--layers", "3"], ["--layers=3"], []])
    func threeLayersHaveWidthsTwoTwoTwoOne(_ arguments: [String]) throws {
        let run = deriveInProcess(arguments + ["--format", "json"])
        #expect(run.code == .success)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((json["gradInput"] as? [Any])?.count == 2)
        let layers = try #require(json["layers"] as? [[String: Any]])
        let shapes = layers.map { layer -> [Int] in
            let rows = layer["gradWeights"] as? [[Any]] ?? []
            return [rows.count, rows.first?.count ?? 0]
        }
        #expect(shapes == [[2, 2], [2, 2], [2, 1]])
    }

    @Test func oneActivationAppliesToEveryLayer() throws {
        let one = deriveInProcess(["--activation", "tanh", "--format", "json"])
        let many = deriveInProcess(["--activation", "tanh,tanh,tanh", "--format", "json"])
        #expect(one.code == .success)
        #expect(one.stdout == many.stdout)
    }

    @Test func linearIsAnAliasOfIdentity() {
        let linear = deriveInProcess(["--activation", "linear", "--format", "json"])
        let identity = deriveInProcess(["--activation", "identity", "--format", "json"])
        #expect(linear.code == .success)
        #expect(linear.stdout == identity.stdout)
    }

    @Test(arguments: [["--help"], ["-h"], ["--layers", "2", "--help"], ["--help", "--format", "json"]])
    func helpPrintsOverviewUsageAndOptions(_ arguments: [String]) {
        let run = deriveInProcess(arguments)
        #expect(run.code == .success)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("OVERVIEW:"))
        for heading in ["OVERVIEW:", "USAGE:", "OPTIONS:"] {
            #expect(run.stdout.contains(heading), "help lacks \(heading)")
        }
        for option in Option.allCases {
            #expect(run.stdout.contains(option.flag), "help lacks \(option.flag)")
        }
    }

}
