import BackpropKit
import BackpropRendering

/// The `derive` command: parses the command line, builds the network, derives it and writes it.
public enum DeriveCommand {
    /// Output beyond this many bytes is refused unless `--allow-large` is given.
    static let largeOutput = 1 << 30

    /// Runs `derive` with `arguments` (without the program name), writing the document to `output`
    /// (unless `--output` names a file) and any error to `error`.
    /// - Returns: The exit code; on failure nothing was written to `output` and no file was created.
    public static func run(arguments: [String], output: inout some TextOutputStream, error: inout some TextOutputStream) -> ExitCode {
        do throws(DeriveError) {
            let options = try Options(arguments: arguments)
            if options.showsHelp {
                output.write(HelpText.full)
                return .success
            }
            if options.showsVersion {
                output.write(DeriveVersion.current + "\n")
                return .success
            }
            if let shell = options.completionShell {
                output.write(CompletionScript(shell: shell).text)
                return .success
            }
            if options.expression != nil {
                try ExpressionCommand.run(options, arguments: arguments, output: &output)
                return .success
            }
            if let count = options.students {
                try writeClassSet(of: count, options, arguments: arguments)
                return .success
            }
            let (network, provenance) = try makeNetwork(options)
            if options.trainingSteps != nil && network.learningRate == nil { throw .usage(.stepsWithoutLearningRate) }
            try checkSize(of: network, options)
            if options.checksGradients && network.parameterCount > GradientCheck.parameterLimit {
                throw .usage(.gradientCheckTooLarge(limit: GradientCheck.parameterLimit, parameters: network.parameterCount))
            }
            let template = try options.templatePath.map(loadTemplate)
            let focus = try options.focus.map { neurons throws(DeriveError) -> NeuronPath in try path(neurons, through: network) }
            let derivation: Derivation
            do {
                derivation = try Derivation(network: network, rounding: options.rounding,
                                            checksGradients: options.checksGradients, exercise: options.exercise,
                                            vectorized: options.isVectorized, trainingSteps: options.trainingSteps, focus: focus)
            } catch let failure {
                throw .data(.network(failure, source: options.networkPath.map(DataError.NetworkSource.file)))
            }
            let style = try style(options, arguments: arguments, network: network, provenance: provenance, template: template)
            if let path = options.outputPath {
                let (file, folder) = handoutPath(path, format: options.format)
                // A device or FIFO gets the document alone, as standard output does.
                let isStream = OutputFile.isStream(file)
                var written = options.writesAnswers ? [] : try files(HandoutFile.network(derivation, style: style, path: file, drawsPictures: !isStream))
                if options.writesAnswers || (derivation.exercise != nil && !isStream) {
                    let keyFile = options.writesAnswers ? file : HandoutFile.keyPath(beside: file, format: options.format)
                    written.append(try files([HandoutFile.answerKey(derivation, heading: HandoutProse.answersHeading, style: keyStyle(style), path: keyFile)])[0])
                }
                try OutputFile.write(written, creating: folder)
            } else if options.writesAnswers {
                ProgressLine.write(try files([HandoutFile.answerKey(derivation, heading: HandoutProse.answersHeading, style: keyStyle(style), path: "-")])[0],
                                   to: &output)
            } else {
                ProgressLine.write(try files(HandoutFile.network(derivation, style: style, path: "-", drawsPictures: false))[0], to: &output)
            }
            return .success
        } catch let failure {
            report(failure, to: &error)
            return failure.exitCode
        }
    }

    /// Writes `failure` to `error` in the shape of Swift command-line tools: "Error: " and the message, and
    /// after a usage error the usage line and where to find help.
    static func report(_ failure: DeriveError, to error: inout some TextOutputStream) {
        error.write("Error: " + ErrorMessage.text(failure) + "\n")
        if case .usage = failure {
            error.write(HelpText.usage + "\n  See 'derive --help' for more information.\n")
        }
    }

    /// Runs `derive` with the process's arguments and exits.
    ///
    /// Signals and failed writes end the run early and cleanly: SIGINT, SIGTERM, SIGHUP and SIGQUIT remove the
    /// temporary files and the directories the run created; the first failed write to a file or to standard
    /// output stops the run (a reader that left the pipe ends it quietly, as the rest could not be read).
    public static func main() -> Never {
        Platform.keepFreedMemory()
        Platform.installSignalHandlers()
        OutputFile.failureHandler = { failure in exit(withError: failure) }
        var output = FileDescriptorStream(descriptor: 1) { code in
            if code == Platform.brokenPipe {
                Platform.removeRegistered()
                Platform.terminate(ExitCode.success.rawValue)
            }
            exit(withError: .cannotWrite(.standardOutput(code: code)))
        }
        var error = FileDescriptorStream(descriptor: 2)
        if Platform.isTerminal(2) {
            let delay = Platform.environment("DERIVE_PROGRESS_DELAY").flatMap(Double.init) ?? 1
            ProgressLine.current = ProgressLine(delay: delay)
        }
        let code = run(arguments: Array(CommandLine.arguments.dropFirst()), output: &output, error: &error)
        output.finish()
        error.finish()
        Platform.terminate(code.rawValue)
    }

    /// Removes what the run created, reports `failure` on standard error and exits with its code.
    private static func exit(withError failure: DeriveError) -> Never {
        Platform.removeRegistered()
        var error = FileDescriptorStream(descriptor: 2)
        report(failure, to: &error)
        error.finish()
        Platform.terminate(failure.exitCode.rawValue)
    }

    // MARK: - Steps

    private static func makeNetwork(_ options: Options) throws(DeriveError) -> (Network, String) {
        if let path = options.networkPath {
            let bytes: [UInt8]
            switch InputFile.read(path) {
            case .success(let read): bytes = read
            case .failure(let problem): throw .noInput(.network(path: path, problem: problem))
            }
            var file: NetworkFile
            do {
                file = try NetworkFile.decode(bytes)
            } catch let failure {
                throw .data(.network(failure, source: .file(path)))
            }
            if let input = options.input {
                if let width = file.layers.first?.weights.count, input.count != width {
                    throw Options.invalid(input.map { NumberFormat.roundTrip.string($0) }.joined(separator: ","), .input,
                                          .valueCount(width: width, layer: .input, file: path, found: input.count))
                }
                file.input = input
            }
            if let target = options.target {
                if let width = file.layers.last?.weights.first?.count, target.count != width {
                    throw Options.invalid(target.map { NumberFormat.roundTrip.string($0) }.joined(separator: ","), .target,
                                          .valueCount(width: width, layer: .output, file: path, found: target.count))
                }
                file.target = target
            }
            if let loss = options.loss { file.loss = loss.rawValue }
            if let rate = options.learningRate { file.learningRate = rate }
            do {
                return (try file.network(), HandoutProse.provenance(ofFile: path))
            } catch let failure {
                throw .data(.network(failure, source: .file(path)))
            }
        }
        let blueprint = try blueprint(options)
        // Check the size before drawing the weights: a huge blueprint would otherwise exhaust memory first.
        try checkSize(widths: blueprint.widths, parameterCount: parameterCount(blueprint), options)
        do {
            return (try blueprint.network(), HandoutProse.provenance(of: blueprint))
        } catch let failure {
            throw .usage(.invalidNetwork(failure))
        }
    }

    /// The path of `--focus` through `network`: the 1-based `neurons`, one per layer from the input to the output,
    /// or the first neuron of every layer when none are given.
    /// - Throws: ``DeriveError/usage(_:)`` when the count or a neuron does not fit the network.
    private static func path(_ neurons: [Int], through network: Network) throws(DeriveError) -> NeuronPath {
        let chosen = neurons.isEmpty ? Array(repeating: 1, count: network.widths.count) : neurons
        guard let path = NeuronPath(neurons: chosen.map { $0 - 1 }, widths: network.widths) else {
            throw Options.invalid(neurons.map(String.init).joined(separator: ","), .focus, .neuronPath(widths: network.widths))
        }
        return path
    }

    private static func blueprint(_ options: Options) throws(DeriveError) -> NetworkBlueprint {
        let widths: [Int]
        if let given = options.widths {
            guard given.count >= 2 else {
                throw Options.invalid(given.map(String.init).joined(separator: ","), .widths, .twoWidths)
            }
            if let layers = options.layers, given.count != layers + 1 {
                throw Options.invalid(given.map(String.init).joined(separator: ","), .widths, .widthCount(layers: layers, found: given.count))
            }
            widths = given
        } else {
            let layers = options.layers ?? 3
            widths = [options.input?.count ?? 2] + Array(repeating: 2, count: layers - 1) + [options.target?.count ?? 1]
        }
        if let input = options.input, input.count != widths[0] {
            throw Options.invalid(input.map { NumberFormat.roundTrip.string($0) }.joined(separator: ","), .input,
                                  .valueCount(width: widths[0], layer: .input, file: nil, found: input.count))
        }
        if let target = options.target, let outputs = widths.last, target.count != outputs {
            throw Options.invalid(target.map { NumberFormat.roundTrip.string($0) }.joined(separator: ","), .target,
                                  .valueCount(width: outputs, layer: .output, file: nil, found: target.count))
        }
        let depth = widths.count - 1
        let activations: [Activation]
        switch options.activations {
        case nil: activations = Array(repeating: .sigmoid, count: depth)
        case let given? where given.count == 1: activations = Array(repeating: given[0], count: depth)
        case let given? where given.count == depth: activations = given
        case let given?:
            throw Options.invalid(given.map(\.rawValue).joined(separator: ","), .activation,
                                  .activationCount(depth: depth, found: given.count))
        }
        if let index = activations.dropLast().firstIndex(of: .softmax) {
            throw Options.invalid(activations.map(\.rawValue).joined(separator: ","), .activation, .softmaxBeforeOutput(index: index))
        }
        return NetworkBlueprint(widths: widths, activations: activations, loss: options.loss ?? .squared,
                                hasBiases: options.hasBiases, seed: options.seed ?? 1, input: options.input,
                                target: options.target, learningRate: options.learningRate)
    }

    private static func checkSize(of network: Network, _ options: Options) throws(DeriveError) {
        try checkSize(widths: network.widths, parameterCount: network.parameterCount, options)
    }

    private static func checkSize(widths: [Int], parameterCount: Int, copies: Int = 1, _ options: Options) throws(DeriveError) {
        let estimate = estimatedSize(widths: widths, parameterCount: parameterCount, copies: copies, options)
        guard estimate <= largeOutput || options.allowsLargeOutput else { throw .usage(.outputTooLarge(bytes: estimate)) }
    }

    /// An upper bound of the bytes a request writes, saturating at `Int.max`: `copies` derivations of a
    /// network of `widths`, each a number of bytes for every weight, bias and neuron.
    ///
    /// Measured on networks from 9 × 9 to 1 × 3,000 × 1 (`HostileInputTests` checks the bound across formats
    /// and options): at most about 44 bytes a unit in JSON, 2,700 in JSON steps and 1,900 in the handouts,
    /// 8,000 in a web page (MathML and its `alttext`), twice that in an exercise page (each answer waits
    /// beside its blanks), plus up to some 50 KB for the preamble and prose.
    /// Each option that adds steps or digits adds its share, and every further digit of a neuron's index
    /// lengthens each symbol.
    static func estimatedSize(widths: [Int], parameterCount: Int, copies: Int = 1, _ options: Options) -> Int {
        let neurons = widths.reduce(0) { $0 &+ $1 }
        var percent = 100
        if options.exercise != nil { percent += options.format == .html ? 160 : 60 }
        if (options.digits ?? 0) > 6 { percent += 30 }
        if options.checksGradients { percent += 30 }
        if options.hasBiases { percent += 10 }
        if options.isVectorized { percent += 10 }
        if options.notation != .note { percent += 15 }
        let base: Int
        switch options.format {
        case .json where !options.jsonSteps: base = 64
        case .json: base = 2_400
        case .html: base = 9_000
        default: base = 1_000
        }
        let indexDigits = String(widths.max() ?? 1).count
        let perUnit = base * percent / 100 * (10 + 3 * (indexDigits - 1)) / 10
        let (units, unitOverflow) = parameterCount.addingReportingOverflow(neurons)
        // The preamble, headings and prose of a handout, whatever its size.
        let fixed = 64 << 10
        let (unitBytes, copyOverflow) = units.multipliedReportingOverflow(by: perUnit)
        let perCopy = unitBytes &+ fixed
        let (total, totalOverflow) = perCopy.multipliedReportingOverflow(by: max(1, copies))
        return unitOverflow || copyOverflow || totalOverflow ? .max : total
    }

    /// The number of weights and biases a blueprint draws, saturating at `Int.max`.
    private static func parameterCount(_ blueprint: NetworkBlueprint) -> Int {
        var count = 0
        for (from, to) in zip(blueprint.widths, blueprint.widths.dropFirst()) {
            let (weights, overflow) = from.multipliedReportingOverflow(by: to)
            guard !overflow, weights <= Int.max - count - to else { return .max }
            count += weights + (blueprint.hasBiases ? to : 0)
        }
        return count
    }

    // MARK: - Exercises and directories

    /// Writes `count` exercise sheets, student k's network drawn with seed s + k − 1, and one combined key.
    private static func writeClassSet(of count: Int, _ options: Options, arguments: [String]) throws(DeriveError) {
        let base = try blueprint(options)
        var blueprints: [NetworkBlueprint] = []
        for student in 0..<count {
            var blueprint = base
            let (seed, overflow) = base.seed.addingReportingOverflow(UInt64(student))
            guard !overflow else { throw Options.invalid(String(base.seed), .seed, .roomForSeeds(students: count)) }
            blueprint.seed = seed
            blueprints.append(blueprint)
        }
        let widths = base.widths
        // Each sheet, and its solution again in the key.
        try checkSize(widths: widths, parameterCount: parameterCount(base), copies: 2 * count, options)
        let template = try options.templatePath.map(loadTemplate)
        var sheets: [HandoutFile.Sheet] = []
        for (student, blueprint) in blueprints.enumerated() {
            let derivation: Derivation
            do {
                derivation = try Derivation(network: try blueprint.network(),
                                            rounding: options.rounding,
                                            exercise: options.exercise, trainingSteps: options.trainingSteps)
            } catch let failure {
                throw .data(.network(failure, source: .sheet(index: student)))
            }
            let sheet = HandoutProse.sheet(student + 1, seed: blueprint.seed, title: options.title)
            var info = try style(options, arguments: arguments, network: derivation.network, provenance: sheet.provenance, template: template).info
            info.title = sheet.title
            sheets.append(HandoutFile.Sheet(info: info, keyHeading: sheet.keyHeading, derivation: derivation))
        }
        let folder = directory(options.outputPath ?? ".")
        var style = try style(options, arguments: arguments, network: sheets[0].derivation.network, provenance: "", template: template)
        style.info.title = HandoutProse.answerKeyTitle(options.title)
        try OutputFile.write(try files(HandoutFile.classSet(sheets, style: style, folder: folder)), creating: folder)
    }

    /// The style of an exercise sheet's answer key: the sheet's, titled as its key.
    private static func keyStyle(_ sheet: HandoutFile.Style) -> HandoutFile.Style {
        var style = sheet
        style.info.title = HandoutProse.answerKeyTitle(sheet.info.title)
        return style
    }

    /// Whether `path` names a directory to write into: an existing one, or a path ending in `/`.
    static func isDirectory(_ path: String) -> Bool {
        if path.hasSuffix("/") { return true }
        guard case .success(let status) = Platform.status(of: path, followingLinks: true) else { return false }
        return status.kind == .directory
    }

    /// `path` without a trailing `/`. ``OutputFile`` creates it when the files are written.
    static func directory(_ path: String) -> String {
        path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// The file a handout goes to for `--output path`, and the directory to create for it: `path/handout.<ext>`
    /// in `path` when `path` names a directory, else `path` itself.
    static func handoutPath(_ path: String, format: OutputFormat) -> (file: String, directory: String?) {
        guard isDirectory(path) else { return (path, nil) }
        let folder = directory(path)
        return (folder + "/handout." + format.fileExtension, folder)
    }

    /// The user's template, which must mark where the derivation goes.
    static func loadTemplate(_ path: String) throws(DeriveError) -> Template {
        let text: String
        switch InputFile.readText(path) {
        case .success(let read): text = read
        case .failure(let problem): throw .noInput(.template(path: path, problem: problem))
        }
        let template = Template(text: text)
        guard template.placeholders.contains("body") else {
            throw .data(.templateWithoutBody(path: path))
        }
        return template
    }

    private static func style(_ options: Options, arguments: [String], network: Network, provenance: String,
                              template: Template?) throws(DeriveError) -> HandoutFile.Style {
        let notation = options.notation.notation(depth: network.depth, indexing: options.indexing)
        var info = HandoutInfo(provenance: provenance, command: options.networkPath == nil ? commandLine(arguments) : nil)
        info.generator = generator
        if let title = options.title { info.title = title }
        if let author = options.author { info.author = author }
        return HandoutFile.Style(format: options.format, notation: notation, numbers: options.numbers,
                                 info: info, template: template, jsonShape: options.jsonSteps ? .steps : .numbers)
    }

    /// The files of a request, as ``OutputFile`` writes them.
    /// - Throws: ``DeriveError/usage(_:)`` for a format the request cannot be written in.
    static func files(_ make: @autoclosure () throws(HandoutFile.Unsupported) -> [HandoutFile]) throws(DeriveError) -> [HandoutFile] {
        do {
            return try make()
        } catch {
            throw .usage(.formatNeedsExpression(error.format))
        }
    }

    /// What handouts and JSON name as their writer: derive and its version.
    static let generator = "derive " + DeriveVersion.current

    /// The command line without `--output`, quoted for a shell.
    static func commandLine(_ arguments: [String]) -> String {
        var words = ["derive"]
        var skipNext = false
        for argument in arguments {
            if skipNext { skipNext = false; continue }
            if argument == Option.output.flag { skipNext = true; continue }
            if argument.hasPrefix(Option.output.flag + "=") { continue }
            let plain = argument.allSatisfy { $0.isLetter || $0.isNumber || "-_.,=/+".contains($0) }
            if plain {
                words.append(argument)
            } else if argument.unicodeScalars.contains(where: \.isEchoedEscaped) {
                words.append(ansiQuoted(argument))
            } else {
                words.append("'" + argument.replacing("'", with: "'\\''") + "'")
            }
        }
        return words.joined(separator: " ")
    }

    /// `argument` in the shell's `$'…'` quotes, its control characters as escapes: a command on one line
    /// that a shell reads back as the same argument.
    private static func ansiQuoted(_ argument: String) -> String {
        let escaped = argument.replacingScalars(["\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\", "'": "\\'"]) { scalar in
            scalar.isEchoedEscaped ? "\\u" + scalar.hexadecimal(uppercase: true) : nil
        }
        return "$'" + escaped + "'"
    }
}
