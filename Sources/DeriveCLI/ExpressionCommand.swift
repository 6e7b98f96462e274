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
            throw .data(.expression(failure, source: source, showsCaret: options.format == .text))
        }
        let graph = try makeGraph(expression, options)
        let point = try point(options, graph)
        let mode = try mode(options, graph)
        let derivation: GraphDerivation
        do {
            derivation = try GraphDerivation(expression: expression, forward: GraphForwardPass(graph: graph, at: point), mode: mode)
        } catch let failure {
            throw .data(.graph(failure))
        }
        let template = try options.templatePath.map(DeriveCommand.loadTemplate)
        let command = DeriveCommand.commandLine(arguments)
        var info = HandoutInfo(title: options.title ?? HandoutProse.graphTitle(of: derivation),
                               command: command.count <= longestQuotedCommand ? command : nil)
        info.generator = DeriveCommand.generator
        if let author = options.author { info.author = author }
        let style = HandoutFile.Style(format: options.format, notation: GraphNotation(), numbers: NumberFormat(significantDigits: options.digits),
                                      info: info, template: template)
        if let path = options.outputPath {
            let (file, folder) = DeriveCommand.handoutPath(path, format: options.format)
            try OutputFile.write(try DeriveCommand.files(HandoutFile.graph(derivation, style: style, path: file, drawsPictures: !OutputFile.isStream(file))),
                                 creating: folder)
        } else {
            ProgressLine.write(try DeriveCommand.files(HandoutFile.graph(derivation, style: style, path: "-", drawsPictures: false))[0], to: &output)
        }
    }

    // MARK: - Steps

    private static func makeGraph(_ expression: Expression, _ options: Options) throws(DeriveError) -> ComputationGraph {
        do {
            return try ComputationGraph(expression: expression, maximumOperations: options.allowsLargeOutput ? .max : operationLimit)
        } catch let failure {
            if case .tooLarge(let limit) = failure {
                throw .usage(.expressionTooLarge(limit: limit))
            }
            throw .data(.graph(failure))
        }
    }

    /// The point of `--at`, which must name exactly the variables of the expression.
    private static func point(_ options: Options, _ graph: ComputationGraph) throws(DeriveError) -> [String: Double] {
        let variables = graph.inputs.map { graph.nodes[$0].name }
        guard let point = options.point else {
            throw .usage(.missingPoint(variables: variables))
        }
        let missing = variables.filter { point[$0] == nil }
        if !missing.isEmpty { throw .usage(.missingValues(missing)) }
        let unused = point.keys.filter { graph.input(named: $0) == nil }.sorted()
        if !unused.isEmpty { throw .usage(.unusedValues(unused, variables: variables)) }
        return point
    }

    /// The mode of `--mode` with the variable of `--wrt`, which forward mode needs and reverse mode refuses.
    private static func mode(_ options: Options, _ graph: ComputationGraph) throws(DeriveError) -> GraphDerivation.Mode {
        switch (options.mode, options.variable) {
        case (.reverse, nil):
            return .reverse
        case (.reverse, _?):
            throw .usage(.variableInReverseMode)
        case (.forward, nil):
            throw .usage(.forwardModeWithoutVariable)
        case (.forward, let name?):
            guard graph.input(named: name) != nil else {
                throw Options.invalid(name, .wrt, .variable(of: graph.inputs.map { graph.nodes[$0].name }))
            }
            return .forward(withRespectTo: name)
        }
    }
}
