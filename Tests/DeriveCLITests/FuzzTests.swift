@testable import DeriveCLI
import Foundation
import TestSupport
import Testing

/// Seeded fuzzing of the whole command: random argument vectors, mutated network files and mutated expressions.
/// Every run must end in success or in a clean error — one `Error:` line (three for usage errors),
/// a documented exit code, nothing on standard output — never a trap or a hang.
@Suite struct FuzzTests {
    /// Runs per kind of input and CI run.
    static let runs = 10_000

    @Test func randomArgumentVectors() async throws {
        let directory = try TemporaryDirectory()
        let folder = directory.url.path
        let network = folder + "/net.json"
        try Self.validNetworks[0].write(toFile: network, atomically: true, encoding: .utf8)
        try await Self.fuzz(seed: 1) { random in
            Self.argumentVector(&random, networkPath: network, directory: folder)
        }
    }

    @Test func mutatedNetworkFiles() async throws {
        let directory = try TemporaryDirectory()
        let folder = directory.url.path
        try await Self.fuzz(seed: 2) { random in
            var text = Self.validNetworks[Int(random.next() % UInt64(Self.validNetworks.count))]
            for _ in 0..<(1 + random.next() % 4) { text = Self.mutate(text, &random) }
            let path = folder + "/net-\(random.next() % 64).json"
            try? text.write(toFile: path, atomically: false, encoding: .utf8)
            return ["--network", path, "--format", random.next() % 4 == 0 ? "text" : "json"]
        }
    }

    @Test func mutatedExpressions() async throws {
        try await Self.fuzz(seed: 3) { random in
            var text = Self.validExpressions[Int(random.next() % UInt64(Self.validExpressions.count))]
            for _ in 0..<(random.next() % 4) { text = Self.mutate(text, &random) }
            var names = Self.identifiers(in: text)
            if random.next() % 8 == 0, !names.isEmpty { names.removeLast() }
            if random.next() % 8 == 0 { names.append("unused") }
            let point = names.map { "\($0)=\(Self.values[Int(random.next() % UInt64(Self.values.count))])" }.joined(separator: ",")
            let formats = ["text", "json", "dot", "markdown", "latex"]
            var arguments = ["--expr", text, "--at", point, "--format", formats[Int(random.next() % UInt64(formats.count))]]
            if random.next() % 4 == 0, let input = names.first { arguments += ["--mode", "forward", "--wrt", input] }
            return arguments
        }
    }

    static let validExpressions = [
        "(a+b)*(b+1)", "sigmoid(w*x+b)", "log(1+exp(-y*z))", "x^2^3 - -x", "sqrt(abs(a-b))/c", "tanh(x*y) + x*x/sqrt(y)",
        "relu(a) * softplus(b) - sin(c)^2 + cos(c)^2", "1e-3 * (a + 2.5e2) / (b - 1)",
    ]

    /// The identifiers of an expression that are not function names, each once.
    static func identifiers(in text: String) -> [String] {
        let functions: Set<String> = ["exp", "log", "sqrt", "sin", "cos", "tanh", "sigmoid", "relu", "softplus", "abs", "e"]
        var names: [String] = []
        var current = ""
        for character in text + " " {
            if character.isLetter || (!current.isEmpty && (character.isNumber || character == "_")) {
                current.append(character)
            } else {
                if !current.isEmpty, !functions.contains(current), !names.contains(current) { names.append(current) }
                current = ""
            }
        }
        return names
    }

    // MARK: - Running

    /// Runs `runs` generated argument vectors on two tasks and checks every outcome.
    private static func fuzz(seed: UInt64, _ generate: @escaping @Sendable (inout SplitMix64) -> [String]) async throws {
        let failures = await withTaskGroup(of: [String].self) { group in
            for part in 0..<2 {
                group.addTask {
                    var random = SplitMix64(seed: seed &* 1000 &+ UInt64(part))
                    var failures: [String] = []
                    for _ in 0..<(runs / 2) {
                        let arguments = generate(&random)
                        if let problem = check(arguments) { failures.append(problem) }
                    }
                    return failures
                }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
        #expect(failures.isEmpty, "\(failures.count) bad outcomes, e.g.:\n\(failures.prefix(5).joined(separator: "\n"))")
    }

    /// What is wrong with the outcome of one run, or `nil`.
    private static func check(_ arguments: [String]) -> String? {
        let run = deriveInProcess(arguments)
        let described = arguments.map { "'\($0)'" }.joined(separator: " ")
        switch run.code {
        case .success:
            if run.stdout.isEmpty && !arguments.contains("--output") { return "\(described): success without output" }
            if !run.stderr.isEmpty { return "\(described): success with stderr \(run.stderr)" }
        case .usage, .dataError, .noInput, .cannotCreate:
            let lines = run.errorLines
            if !run.stdout.isEmpty { return "\(described): failure with output on stdout" }
            guard let first = lines.first, first.hasPrefix("Error: ") else { return "\(described): stderr \(run.stderr)" }
            // A parse error in text mode shows the expression and a caret under the column.
            let caret = lines.count == 3 && lines[2].trimmingCharacters(in: .whitespaces).hasPrefix("^")
            if lines.count > (run.code == .usage || caret ? 3 : 1) { return "\(described): \(lines.count) error lines" }
        default:
            return "\(described): undocumented exit code \(run.code)"
        }
        if run.code == .success, !run.stdout.isEmpty {
            if run.stdout.hasPrefix("{") {
                if (try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) == nil { return "\(described): invalid JSON" }
            } else if !arguments.contains("--title") && !arguments.contains("--author"),
                      run.stdout.range(of: #"(?<![A-Za-z])(nan|inf)(?![A-Za-z])"#, options: .regularExpression) != nil {
                return "\(described): non-finite number printed"
            }
        }
        return nil
    }

    // MARK: - Argument vectors

    private static let flags = Option.allCases.map(\.flag).filter { $0 != "--help" && $0 != "--allow-large" }
        + ["--bogus", "-x", "--", "--layers=", "--format=json"]
    private static let values = [
        "0", "1", "2", "3", "-1", "1.5", "x", "", " ", "100001", "1e9", "2,3", "2,2,1", "3,2,2,1", "1,,1", "0.5,0.5",
        "nan", "inf", "-inf", "1e999", "0x1p3", "sigmoid", "relu,tanh", "softmax", "tanh,softmax", "linear", "latex",
        "markdown", "text", "json", "note", "absolute", "squared", "cross-entropy", "categorical-cross-entropy",
        "half-squared", "0.01", "17", "18", "'", "\\", "%$#", "é", "-0", "+1", "2,3,4,5,6", "1e-300", "1e300",
        // Hostile titles and values: a code span's backtick, a blank line, a terminal escape, text LaTeX cannot print.
        "a`b", "``x``", "line\n\nbreak", "\u{1B}[31mred", "Привет", "δ ≠ ∂", "🙂", String(repeating: "x", count: 300),
    ]

    private static func argumentVector(_ random: inout SplitMix64, networkPath: String, directory: String) -> [String] {
        var arguments: [String] = []
        for _ in 0..<(random.next() % 7) {
            let flag = flags[Int(random.next() % UInt64(flags.count))]
            arguments.append(flag)
            switch flag {
            case "--network": arguments.append(random.next() % 3 == 0 ? directory + "/missing.json" : networkPath)
            case "--output": arguments.append(random.next() % 2 == 0 ? directory + "/out.txt" : directory + "/no/out.txt")
            default: if random.next() % 8 != 0 { arguments.append(values[Int(random.next() % UInt64(values.count))]) }
            }
        }
        if random.next() % 2 == 0 { arguments += ["--format", "json"] }
        return arguments
    }

    // MARK: - Network files

    static let validNetworks = [
        #"{"input": [0.05, 0.1], "target": [0.01, 0.99], "loss": "half-squared", "learningRate": 0.5, "layers": [{"activation": "sigmoid", "weights": [[0.15, 0.25], [0.2, 0.3]], "biases": [0.35, 0.35]}, {"activation": "sigmoid", "weights": [[0.4, 0.5], [0.45, 0.55]], "biases": [0.6, 0.6]}]}"#,
        #"{"input": [1, -2, 0.5], "target": [0, 1, 0], "loss": "categorical-cross-entropy", "layers": [{"activation": "relu", "weights": [[0.1, -0.2], [0.3, 0.4], [-0.5, 0.6]]}, {"activation": "softmax", "weights": [[0.7, -0.8, 0.9], [1, -1.1, 1.2]], "biases": [0, 0.1, -0.1]}]}"#,
        #"{"input": [0.3], "target": [1], "loss": "cross-entropy", "layers": [{"activation": "tanh", "weights": [[2]]}, {"activation": "leaky-relu", "weights": [[-1]]}, {"activation": "sigmoid", "weights": [[3]]}]}"#,
    ]

    private static let fragments = ["[", "]", "{", "}", ",", ":", "\"", "-", "1e999", "null", "true", "\"softmax\"", "[[1]]", "0", "1e308", "-1e308", "\"weights\"", "\"layers\"", "[]", "{}",
                                    // What once crashed or was misread: 512 levels of brackets, trailing commas, underflow, a lone surrogate.
                                    String(repeating: "[", count: 513), ",]", ",}", "1e-400", "\"\\ud800\"", "01"]

    /// `text` with one random edit: a character deleted, replaced or duplicated, a fragment inserted, or a span dropped.
    static func mutate(_ text: String, _ random: inout SplitMix64) -> String {
        var characters = Array(text)
        guard !characters.isEmpty else { return fragments[Int(random.next() % UInt64(fragments.count))] }
        let index = Int(random.next() % UInt64(characters.count))
        switch random.next() % 5 {
        case 0: characters.remove(at: index)
        case 1: characters[index] = Array("0123456789.,:-[]{}\"e ")[Int(random.next() % 21)]
        case 2: characters.insert(contentsOf: fragments[Int(random.next() % UInt64(fragments.count))], at: index)
        case 3: characters.insert(characters[index], at: index)
        default:
            let end = min(characters.count, index + 1 + Int(random.next() % 12))
            characters.removeSubrange(index..<end)
        }
        return String(characters)
    }
}
