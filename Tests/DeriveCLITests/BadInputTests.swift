import Foundation
import Testing

/// A battery of malformed command lines and network files, run through the real `derive` executable.
///
/// Every case must fail with its exit code, print nothing on standard output, print one to three lines
/// on standard error (the first starting with "Error: " and naming the problem), and leave the working
/// directory exactly as it was.
@Suite struct BadInputTests {
    /// One malformed input and how `derive` must reject it.
    struct BadInput: Sendable, CustomTestStringConvertible {
        let name: String
        let arguments: [String]
        let code: Int32
        let message: String
        /// The contents of `net.json` in the working directory, if any.
        var network: String?
        /// Empty directories created in the working directory before the run.
        var directories: [String] = []

        var testDescription: String { name }
    }

    static func usage(_ name: String, _ arguments: [String], _ message: String, network: String? = nil) -> BadInput {
        BadInput(name: name, arguments: arguments, code: 64, message: message, network: network)
    }

    /// A network file that `derive --network net.json` must reject with exit code 65.
    static func file(_ name: String, _ contents: String, _ message: String) -> BadInput {
        BadInput(name: "file: " + name, arguments: ["--network", "net.json"], code: 65, message: message, network: contents)
    }

    /// A valid network file: 2 inputs, a hidden layer of 2 and 1 output.
    static let validNetwork = """
        { "input": [0.5, 1], "target": [1],
          "layers": [ { "activation": "tanh", "weights": [[0.1, 0.2], [0.3, 0.4]], "biases": [0, 0.5] },
                      { "weights": [[1], [-1]] } ] }
        """

    static let cases: [BadInput] = [
        // The command line.
        usage("unknown option", ["--frobnicate"], "Unknown option '--frobnicate'"),
        usage("unknown option with a value", ["--layer=3"], "Unknown option '--layer'"),
        usage("single-dash option", ["-x"], "'-x'"),
        usage("missing value at the end", ["--format", "json", "--layers"], "Missing value for '--layers <n>'"),
        usage("flag instead of a value", ["--layers", "--bias"], "Missing value for '--layers <n>'"),
        usage("non-number layers", ["--layers", "three"], "'three' is invalid for '--layers <n>'"),
        usage("zero layers", ["--layers", "0"], "'0' is invalid for '--layers <n>': expected a positive integer"),
        usage("negative layers", ["--layers", "-2"], "'-2' is invalid for '--layers <n>'"),
        usage("fractional layers", ["--layers", "1.5"], "'1.5' is invalid for '--layers <n>'"),
        usage("empty layers", ["--layers="], "'' is invalid for '--layers <n>'"),
        usage("layers beyond the limit", ["--layers", "100001"], "expected at most 100000"),
        usage("layers beyond Int", ["--layers", "99999999999999999999"], "'99999999999999999999' is invalid for '--layers <n>'"),
        usage("non-number width", ["--widths", "2,x,1"], "'x' is invalid for '--widths"),
        usage("widths for another depth", ["--layers", "2", "--widths", "2,3,3,1"], "expected 3 widths for 2 layers, found 4"),
        usage("a single width", ["--widths", "2"], "expected at least two widths"),
        usage("empty width item", ["--widths", "2,,1"], "without empty items"),
        usage("zero width", ["--widths", "2,0,1"], "'0' is invalid for '--widths"),
        usage("width beyond the limit", ["--widths", "2,100001,1"], "expected at most 100000"),
        usage("output too large", ["--widths", "100000,100000"], "--allow-large"),
        usage("unknown activation", ["--activation", "swish"], "'swish' is invalid for '--activation <g>'"),
        usage("wrong number of activations", ["--layers", "3", "--activation", "relu,relu"], "expected 1 or 3 activations, found 2"),
        usage("softmax on a hidden layer", ["--activation", "softmax,sigmoid,sigmoid"], "softmax is allowed on the output layer only"),
        usage("steps without a learning rate", ["--steps", "3"], "'--steps' runs gradient descent and needs '--learning-rate <eta>'"),
        usage("steps without a learning rate in the file", ["--network", "net.json", "--steps", "2"], "needs '--learning-rate <eta>'",
              network: validNetwork),
        usage("zero steps", ["--learning-rate", "0.5", "--steps", "0"], "'0' is invalid for '--steps <k>': expected a positive integer"),
        usage("steps beyond the limit", ["--learning-rate", "0.5", "--steps", "101"], "'101' is invalid for '--steps <k>': expected at most 100"),
        usage("steps with an expression", ["--expr", "a*b", "--at", "a=1,b=2", "--steps", "2"], "--steps"),
        usage("focus path too short", ["--widths", "4,12,3", "--focus", "1,2"],
              "'1,2' is invalid for '--focus [<path>]': expected 3 neurons, one per layer from the input to the output, each from 1 to its layer's width (4, 12, 3)"),
        usage("focus neuron beyond its layer", ["--widths", "4,12,3", "--focus", "5,1,1"], "expected 3 neurons, one per layer"),
        usage("focus neuron zero", ["--focus", "0,1,1,1"], "'0' is invalid for '--focus [<path>]': expected a positive integer"),
        usage("focus on an exercise sheet", ["--exercise", "--focus"], "'--focus' gives every value in tables, which would fill in an exercise sheet"),
        usage("answers without an exercise", ["--answers"], "'--answers' writes the answer key of an exercise sheet and needs '--exercise'"),
        usage("answers for a class set", ["--exercise", "--answers", "--students", "2", "--output", "class/"], "cannot be combined with '--students'"),
        usage("unknown loss", ["--loss", "hinge"], "'hinge' is invalid for '--loss <loss>'"),
        usage("unknown format", ["--format", "pdf"], "'pdf' is invalid for '--format <format>'"),
        usage("unknown indices", ["--indices", "reverse"], "'reverse' is invalid for '--indices <style>'"),
        usage("NaN input", ["--input", "nan,1"], "'nan' is invalid for '--input <x1,...>': expected a finite number"),
        usage("inf input", ["--input", "1,inf"], "'inf' is invalid for '--input <x1,...>'"),
        usage("-infinity input", ["--input", "-infinity,1"], "'-infinity' is invalid for '--input"),
        usage("1e999 input", ["--input", "1e999,1"], "'1e999' is invalid for '--input"),
        usage("hexadecimal input", ["--input", "0x1p3,1"], "'0x1p3' is invalid for '--input"),
        usage("NaN target", ["--target", "NaN"], "'NaN' is invalid for '--target <t1,...>': expected a finite number"),
        usage("inf target", ["--target", "inf"], "'inf' is invalid for '--target"),
        usage("1e999 target", ["--target", "1e999"], "'1e999' is invalid for '--target"),
        usage("hexadecimal target", ["--target", "0x1p3"], "'0x1p3' is invalid for '--target"),
        usage("input of the wrong length", ["--widths", "2,2,1", "--input", "1,2,3"], "expected 2 values (the input width), found 3"),
        usage("target of the wrong length", ["--widths", "2,2,1", "--target", "1,0"], "expected 1 values (the output width), found 2"),
        usage("zero learning rate", ["--learning-rate", "0"], "'0' is invalid for '--learning-rate <eta>': expected a positive number"),
        usage("negative learning rate", ["--learning-rate", "-0.1"], "'-0.1' is invalid for '--learning-rate"),
        usage("NaN learning rate", ["--learning-rate", "nan"], "'nan' is invalid for '--learning-rate"),
        usage("zero digits", ["--digits", "0"], "'0' is invalid for '--digits <d>'"),
        usage("18 digits", ["--digits", "18"], "expected an integer from 1 to 17"),
        usage("negative seed", ["--seed", "-1"], "'-1' is invalid for '--seed <s>': expected a non-negative integer"),
        usage("non-number seed", ["--seed", "abc"], "'abc' is invalid for '--seed <s>'"),
        usage("seed beyond UInt64", ["--seed", "18446744073709551616"], "is invalid for '--seed <s>'"),
        usage("stray positional argument", ["--layers", "2", "stray"], "Unexpected argument 'stray'"),
        usage("a value for a switch", ["--bias=yes"], "'--bias' does not take a value"),
        usage("empty output path", ["--output="], "is invalid for '--output <path>': expected a file path"),
        usage("control characters in a value", ["--layers", "1\n\n2\r\u{1B}[2J"], "The value '1\\n\\n2\\r\\u{1B}[2J' is invalid for '--layers <n>'"),
        usage("a 100,000-character value", ["--seed", String(repeating: "9", count: 100_000)], String(repeating: "9", count: 200) + "…' is invalid"),
        usage("a Cyrillic title in LaTeX", ["--title", "Привет"], "'--title <text>': LaTeX's default fonts cannot print 'П' (U+041F)"),
        usage("an emoji author in LaTeX", ["--author", "🙂"], "'--author <text>': LaTeX's default fonts cannot print '🙂' (U+1F642)"),
        usage("network with --layers", ["--network", "net.json", "--layers", "3"], "'--layers' cannot be combined with '--network'",
              network: validNetwork),
        usage("network with --seed", ["--seed", "2", "--network", "net.json"], "'--seed' cannot be combined with '--network'",
              network: validNetwork),
        usage("input of the wrong length for a network file", ["--network", "net.json", "--input", "1,2,3"],
              "expected 2 values (the input width of 'net.json'), found 3", network: validNetwork),
        usage("target of the wrong length for a network file", ["--network", "net.json", "--target", "1,0"],
              "expected 1 values (the output width of 'net.json'), found 2", network: validNetwork),

        // Files that cannot be read.
        BadInput(name: "missing network file", arguments: ["--network", "missing.json"], code: 66,
                 message: "cannot read 'missing.json': no such file"),
        BadInput(name: "network file is a directory", arguments: ["--network", "adir"], code: 66,
                 message: "cannot read 'adir': it is a directory", directories: ["adir"]),
        BadInput(name: "template is a directory", arguments: ["--template", "adir"], code: 66,
                 message: "cannot read template 'adir': it is a directory", directories: ["adir"]),

        // Network files that cannot be used.
        file("an array instead of an object", "[1, 2]", "'net.json': $: expected an object"),
        file("layers an object", #"{"input": [1], "target": [1], "layers": {}}"#, "'net.json': layers: expected an array"),
        file("weights a number", #"{"input": [1], "target": [1], "layers": [{"weights": 0.5}]}"#, "layers[0].weights: expected an array"),
        file("weights a vector", #"{"input": [1], "target": [1], "layers": [{"weights": [1]}]}"#, "layers[0].weights[0]: expected an array"),
        file("a number beyond a double", #"{"input": [1e999], "target": [1], "layers": [{"weights": [[1]]}]}"#,
             "'net.json': input[0]: the number 1e999 is beyond the range of a double (line 1, column 12)"),
        file("513 open brackets", #"{"input":"# + String(repeating: "[", count: 512), "input[0]: expected a number, found an array"),
        file("100,000 open brackets", #"{"x":"# + String(repeating: "[", count: 100_000), "$: not valid JSON: the text ends where a value was expected"),
        file("a trailing comma in an array", #"{"input": [1,], "target": [1], "layers": [{"weights": [[1]]}]}"#,
             "'net.json': $: not valid JSON: expected a value but found ']' at line 1, column 14"),
        file("a trailing comma in an object", #"{"input": [1], "target": [1], "layers": [{"weights": [[1]]}],}"#,
             "not valid JSON: expected a member name in '\"' but found '}' at line 1, column 62"),
        file("text after the object", #"{"input": [1], "target": [1], "layers": [{"weights": [[1]]}]} x"#,
             "not valid JSON: unexpected 'x' after the JSON value at line 1, column 63"),
        file("a name given twice", #"{"input": [1], "target": [1], "target": [1], "layers": [{"weights": [[1]]}]}"#,
             "$: the name 'target' is given twice (line 1, column 31)"),
        file("a long unknown activation", #"{"input": [1], "target": [1], "layers": [{"activation": ""# + String(repeating: "q", count: 10_000) + #"", "weights": [[1]]}]}"#,
             String(repeating: "q", count: 200) + "…' (expected"),
        file("not JSON", "layers: 3", "'net.json': $: not valid JSON"),
        file("empty file", "", "'net.json': $: not valid JSON"),
        file("truncated JSON", #"{"input": [1], "target": [1], "layers": [{"weights": [[1]]"#, "not valid JSON"),
        file("missing layers", #"{"input": [1], "target": [1]}"#, "'net.json': layers: missing"),
        file("missing input", #"{"target": [1], "layers": [{"weights": [[1]]}]}"#, "'net.json': input: missing"),
        file("missing target", #"{"input": [1], "layers": [{"weights": [[1]]}]}"#, "'net.json': target: missing"),
        file("missing weights", #"{"input": [1], "target": [1], "layers": [{"activation": "relu"}]}"#, "layers[0].weights: missing"),
        file("ragged weight rows", #"{"input": [1, 2], "target": [1], "layers": [{"weights": [[1, 2], [3]]}]}"#,
             "layers[0].weights[1]: expected 2 weights, found 1"),
        file("wrong row count", #"{"input": [1, 2], "target": [1], "layers": [{"weights": [[1]]}]}"#,
             "layers[0].weights: expected 2 rows"),
        file("no neurons", #"{"input": [1], "target": [], "layers": [{"weights": [[]]}]}"#, "layers[0].weights: a layer needs at least one neuron"),
        file("wrong bias count", #"{"input": [1], "target": [1], "layers": [{"weights": [[1]], "biases": [0, 1]}]}"#,
             "layers[0].biases: expected 1 biases, found 2"),
        file("a string for a number", #"{"input": [1], "target": [1], "layers": [{"weights": [["1"]]}]}"#,
             "layers[0].weights[0][0]: expected a number"),
        file("null for a number", #"{"input": [1, null], "target": [1], "layers": [{"weights": [[1], [1]]}]}"#,
             "input[1]: expected a number, found null"),
        file("a number for a string", #"{"input": [1], "target": [1], "loss": 2, "layers": [{"weights": [[1]]}]}"#,
             "loss: expected a string"),
        file("unknown activation", #"{"input": [1], "target": [1], "layers": [{"activation": "swish", "weights": [[1]]}]}"#,
             "layers[0].activation: unknown activation 'swish'"),
        file("softmax on a hidden layer",
             #"{"input": [1], "target": [1], "layers": [{"activation": "softmax", "weights": [[1]]}, {"weights": [[1]]}]}"#,
             "layers[0].activation: softmax is allowed on the output layer only"),
        file("unknown loss", #"{"input": [1], "target": [1], "loss": "hinge", "layers": [{"weights": [[1]]}]}"#, "loss: unknown loss 'hinge'"),
        file("no layers", #"{"input": [1], "target": [1], "layers": []}"#, "layers: a network needs at least one layer"),
        file("empty input", #"{"input": [], "target": [1], "layers": [{"weights": []}]}"#, "input: the input is empty"),
        file("target of the wrong length", #"{"input": [1], "target": [1, 0], "layers": [{"weights": [[1]]}]}"#,
             "target: expected 1 values (one per output neuron), found 2"),
        file("zero learningRate", #"{"input": [1], "target": [1], "learningRate": 0, "layers": [{"weights": [[1]]}]}"#,
             "learningRate: expected a positive number"),
        file("negative learningRate", #"{"input": [1], "target": [1], "learningRate": -0.5, "layers": [{"weights": [[1]]}]}"#,
             "learningRate: expected a positive number"),
        file("cross-entropy of an output above 1",
             #"{"input": [2], "target": [1], "loss": "cross-entropy", "layers": [{"activation": "identity", "weights": [[1]]}]}"#,
             "'net.json': the cross-entropy loss of output 1 is undefined at output 2"),
        file("cross-entropy of a negative output",
             #"{"input": [-0.5], "target": [0], "loss": "cross-entropy", "layers": [{"activation": "identity", "weights": [[1]]}]}"#,
             "the cross-entropy loss of output 1 is undefined"),
        file("overflowing pre-activation",
             #"{"input": [1e300], "target": [1], "layers": [{"activation": "identity", "weights": [[1e300]]}]}"#,
             "'net.json': the pre-activation of neuron 1 in layer 1 overflows"),

        // Outputs that cannot be written.
        BadInput(name: "output into a missing directory", arguments: ["--output", "nodir/out.tex"], code: 73,
                 message: "cannot write 'nodir/out.tex'"),
        BadInput(name: "output inside a directory path that is a file", arguments: ["--output", "net.json/out.tex"], code: 73,
                 message: "cannot write 'net.json/out.tex'", network: validNetwork),
    ]

    /// Every file and directory under `root`, with the contents of the files.
    static func snapshot(of root: URL) throws -> [String: Data?] {
        var result: [String: Data?] = [:]
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: root.path) else { return result }
        while let relative = enumerator.nextObject() as? String {
            let path = root.appendingPathComponent(relative).path
            var isDirectory: ObjCBool = false
            _ = manager.fileExists(atPath: path, isDirectory: &isDirectory)
            result[relative] = isDirectory.boolValue ? .some(nil) : manager.contents(atPath: path)
        }
        return result
    }

    /// Runs `input` in a fresh working directory holding its files plus `extraFiles`, and checks the rejection.
    static func expectRejection(_ input: BadInput, extraArguments: [String] = [], extraFiles: [String: String] = [:]) throws {
        let directory = try TemporaryDirectory()
        if let network = input.network { try directory.write(network, to: "net.json") }
        for name in input.directories {
            try FileManager.default.createDirectory(atPath: directory.path(name), withIntermediateDirectories: false)
        }
        for (name, contents) in extraFiles { try directory.write(contents, to: name) }
        let before = try snapshot(of: directory.url)

        let run = try DeriveExecutable.run(extraArguments + input.arguments, in: directory.url)

        #expect(!run.timedOut, "derive did not finish within \(DeriveExecutable.timeout) s")
        #expect(run.status == input.code, "exit status; stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty, "standard output: \(run.stdoutText)")
        let lines = run.errorLines
        #expect((1...3).contains(lines.count), "standard error should be 1 to 3 lines: \(run.stderr)")
        #expect(run.stderr.hasSuffix("\n"))
        let first = lines.first ?? ""
        #expect(first.hasPrefix("Error: "), "first line: \(first)")
        #expect(first.contains(input.message), "'\(first)' should contain '\(input.message)'")
        if input.code == 64 && lines.count > 1 {
            #expect(lines[1].hasPrefix("Usage: derive"))
            #expect(lines.dropFirst(2).allSatisfy { $0 == "  See 'derive --help' for more information." })
        } else if input.code != 64 {
            #expect(lines.count == 1, "only usage errors add lines: \(run.stderr)")
        }
        #expect(try snapshot(of: directory.url) == before, "the working directory changed")
    }

    @Test func batteryIsLargeAndNamesAreUnique() {
        #expect(Self.cases.count >= 40)
        #expect(Set(Self.cases.map(\.name)).count == Self.cases.count)
        #expect(Set(Self.cases.map(\.code)) == [64, 65, 66, 73])
    }

    @Test(arguments: cases)
    func rejects(_ input: BadInput) throws {
        try Self.expectRejection(input)
    }

    /// The same failures with `--output keep.tex` given first: the existing file keeps every byte.
    @Test(arguments: cases)
    func leavesAnExistingOutputFileUntouched(_ input: BadInput) throws {
        try Self.expectRejection(input, extraArguments: ["--output", "keep.tex"],
                                 extraFiles: ["keep.tex": "\\documentclass{article} % a handout written earlier\n"])
    }
}
