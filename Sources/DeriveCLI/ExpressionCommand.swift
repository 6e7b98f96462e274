import BackpropKit
import BackpropRendering

/// `derive --expr`: parses the expression, builds its computational graph, evaluates it at the point of
/// `--at`, differentiates it in reverse or forward mode and writes the derivation.
enum ExpressionCommand {
    /// Graphs with more operations than this are refused unless `--allow-large` is given: a derivation
    /// of more is too long to read, and slow to write.
    static let operationLimit = 10_000
    /// The widest excerpt of the expression shown above the caret of a parse error.
    static let excerptWidth = 72
    /// Commands longer than this are not quoted in the handout.
    static let longestQuotedCommand = 200

    /// Writes the derivation of `options.expression` to `output`, or to the file of `--output`.
    /// - Throws: ``DeriveError/data(_:)`` for an expression that cannot be parsed or a point where a value or
    ///   derivative is undefined; ``DeriveError/usage(_:)`` for values of `--at`, `--mode` and `--wrt` that do
    ///   not fit the expression; ``DeriveError/cannotWrite(_:)`` when the file cannot be written.
    static func run(_ options: Options, arguments: [String], output: inout some TextOutputStream) throws(DeriveError) {
        let source = options.expression ?? ""
        let expression: Expression
        do {
            expression = try ExpressionParser.parse(source)
        } catch let failure {
            throw .data(message(for: failure, in: source, showingCaret: options.format == .text))
        }
        let graph = try makeGraph(expression, options)
        let point = try point(options, graph)
        let mode = try mode(options, graph)
        let derivation: GraphDerivation
        do {
            derivation = try GraphDerivation(expression: expression, forward: GraphForwardPass(graph: graph, at: point), mode: mode)
        } catch let failure {
            throw .data("Error: \(ErrorMessage.text(failure))")
        }
        let template = try options.templatePath.map(DeriveCommand.loadTemplate)
        let command = DeriveCommand.commandLine(arguments)
        var info = HandoutInfo(title: options.title ?? "Backpropagation on a computational graph",
                               command: command.count <= longestQuotedCommand ? command : nil)
        if let author = options.author { info.author = author }
        let style = HandoutFile.Style(format: options.format, notation: GraphNotation(), numbers: NumberFormat(significantDigits: options.digits),
                                      info: info, template: template)
        if let path = options.outputPath {
            let file = try DeriveCommand.isDirectory(path) ? try DeriveCommand.directory(path) + "/handout." + options.format.fileExtension : path
            try OutputFile.write(try DeriveCommand.files([HandoutFile.graph(derivation, style: style, path: file)]))
        } else {
            try DeriveCommand.files([HandoutFile.graph(derivation, style: style, path: "-")])[0].write(to: &output)
        }
    }

    // MARK: - Steps

    private static func makeGraph(_ expression: Expression, _ options: Options) throws(DeriveError) -> ComputationGraph {
        do {
            return try ComputationGraph(expression: expression, maximumOperations: options.allowsLargeOutput ? .max : operationLimit)
        } catch let failure {
            if case .tooLarge(let limit) = failure {
                throw .usage("Error: The expression has more than \(limit) operations; pass '--allow-large' to derive it anyway")
            }
            throw .data("Error: \(ErrorMessage.text(failure))")
        }
    }

    /// The point of `--at`, which must name exactly the variables of the expression.
    private static func point(_ options: Options, _ graph: ComputationGraph) throws(DeriveError) -> [String: Double] {
        let variables = graph.inputs.map { graph.nodes[$0].name }
        guard let point = options.point else {
            throw .usage("Error: Missing '\(OptionSpec.at.synopsis)': the expression's variables \(quoted(variables)) need values")
        }
        let missing = variables.filter { point[$0] == nil }
        if !missing.isEmpty {
            let noun = missing.count == 1 ? "the variable" : "the variables"
            throw .usage("Error: '\(OptionSpec.at.synopsis)' gives no value for \(noun) \(quoted(missing)) of the expression")
        }
        let unused = point.keys.filter { graph.input(named: $0) == nil }.sorted()
        if !unused.isEmpty {
            let what = unused.count == 1 ? "a value for \(quoted(unused)), not a variable" : "values for \(quoted(unused)), not variables"
            throw .usage("Error: '\(OptionSpec.at.synopsis)' gives \(what) of the expression (its variables: \(quoted(variables)))")
        }
        return point
    }

    /// The mode of `--mode` with the variable of `--wrt`, which forward mode needs and reverse mode refuses.
    private static func mode(_ options: Options, _ graph: ComputationGraph) throws(DeriveError) -> GraphDerivation.Mode {
        switch (options.mode, options.variable) {
        case (.reverse, nil):
            return .reverse
        case (.reverse, _?):
            throw .usage("Error: '--wrt' is for '--mode forward'; reverse mode differentiates with respect to every variable at once")
        case (.forward, nil):
            throw .usage("Error: '--mode forward' needs '\(OptionSpec.wrt.synopsis)': the variable to differentiate with respect to")
        case (.forward, let name?):
            guard graph.input(named: name) != nil else {
                let variables = quoted(graph.inputs.map { graph.nodes[$0].name })
                throw Options.invalid(name, .wrt, "the expression has no variable '\(name)' (its variables: \(variables))")
            }
            return .forward(withRespectTo: name)
        }
    }

    // MARK: - Messages

    /// The parse error as one line naming the problem and its column, and in text mode the expression with a
    /// caret under that column: at most three lines.
    static func message(for failure: ExpressionParseError, in source: String, showingCaret: Bool) -> String {
        let line = "Error: \(failure)"
        guard showingCaret, failure.reason != .empty else { return line }
        let characters = Array(source).map { $0.isNewline || $0 == "\t" ? " " : $0 }
        let index = failure.column - 1
        let start = max(0, min(index - excerptWidth / 2, characters.count - excerptWidth))
        let end = min(characters.count, start + excerptWidth)
        let prefix = start > 0 ? "…" : ""
        let suffix = end < characters.count ? "…" : ""
        let excerpt = prefix + String(characters[start..<end]) + suffix
        let caret = String(repeating: " ", count: prefix.count + index - start) + "^"
        return line + "\n  " + excerpt + "\n  " + caret
    }

    private static func quoted(_ names: [String]) -> String {
        names.map { "'\($0)'" }.joined(separator: ", ")
    }
}
