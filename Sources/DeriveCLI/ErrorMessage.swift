import BackpropKit
import BackpropRendering

/// The one place errors become the text `derive` prints, without the "Error: " label, which
/// ``DeriveCommand`` writes once in front of it. A subexpression in an error is written as in a text
/// handout, in Unicode with the names typed (``GraphNotation``).
enum ErrorMessage {
    /// The message for `error`.
    ///
    /// Input a message repeats is at most 200 characters, cut with "…", with its control characters written
    /// visibly (``Swift/String/echoed``), so every line of a message is one line on the terminal.
    static func text(_ error: DeriveError) -> String {
        switch error {
        case .usage(let error): return text(error)
        case .data(let error): return text(error)
        case .noInput(let error): return text(error)
        case .cannotWrite(let error): return text(error)
        }
    }

    // MARK: - Usage

    /// The message for a malformed command line.
    static func text(_ error: UsageError) -> String {
        switch error {
        case .unexpectedArgument(let argument):
            return "Unexpected argument '\(argument.echoed)'"
        case .unknownOption(let flag):
            return "Unknown option '\(flag.echoed)'"
        case .valueForSwitch(let option):
            return "'\(option.flag)' does not take a value"
        case .missingValue(let option):
            return "Missing value for '\(option.synopsis)'"
        case .invalidValue(let value, let option, let expectation):
            return "The value '\(value.echoed)' is invalid for '\(option.synopsis)': \(text(expectation, value: value))"
        case .blanksWithoutExercise:
            return "'\(Option.blanks.flag)' needs '\(Option.exercise.flag)'"
        case .studentsWithoutExercise:
            return "'\(Option.students.flag)' needs '\(Option.exercise.flag)'"
        case .focusInExercise:
            return "'\(Option.focus.flag)' gives every value in tables, which would fill in an exercise sheet; it cannot be combined with '\(Option.exercise.flag)'"
        case .answersWithoutExercise:
            return "'\(Option.answers.flag)' writes the answer key of an exercise sheet and needs '\(Option.exercise.flag)'"
        case .answersWithStudents:
            return "'\(Option.answers.flag)' cannot be combined with '\(Option.students.flag)', which writes the combined key beside the sheets"
        case .studentsWithoutOutput:
            return "'\(Option.students.flag)' writes one file per student and needs '\(Option.output.flag) <directory>'"
        case .studentsWithNetwork:
            return "'\(Option.students.flag)' draws a network per student from the seed; it cannot be combined with '\(Option.network.flag)'"
        case .stepsWithoutLearningRate:
            return "'\(Option.steps.flag)' runs gradient descent and needs '\(Option.learningRate.synopsis)' (or a learningRate in the network file)"
        case .exerciseInJSON:
            return "'\(Option.exercise.flag)' applies to the latex, markdown, html and text formats, not '\(OutputFormat.json.rawValue)'"
        case .jsonStepsInFormat(let format):
            return "'\(Option.jsonSteps.flag)' applies to the json format, not '\(format.rawValue)'"
        case .handWithoutDigits:
            return "'\(Option.hand.flag)' needs '\(Option.digits.synopsis)': the number of digits every step is rounded to"
        case .templateInFormat(let format):
            return "'\(Option.template.flag)' applies to the latex, markdown and html formats, not '\(format.rawValue)'"
        case .combinedWithNetwork(let option):
            return "'\(option.flag)' cannot be combined with '\(Option.network.flag)': the file describes the network"
        case .combinedWithExpression(let option):
            return "'\(option.flag)' cannot be combined with '\(Option.expr.flag)': it describes a network, not an expression"
        case .needsExpression(let option):
            return "'\(option.flag)' needs '\(Option.expr.synopsis)'"
        case .formatNeedsExpression(let format):
            return "'\(Option.format.flag) \(format.rawValue)' draws the computational graph of '\(Option.expr.synopsis)'; a network has none"
        case .gradientCheckTooLarge(let limit, let parameters):
            return "'\(Option.check.flag)' covers at most \(limit) weights and biases; this network has \(parameters)"
        case .outputTooLarge(let bytes):
            let gigabytes = (Double(bytes) / Double(1 << 30) * 10).rounded() / 10
            return "The output would be about \(gigabytes) GB; pass '\(Option.allowLarge.flag)' to write it anyway"
        case .expressionTooLarge(let limit):
            return "The expression has more than \(limit) operations; pass '\(Option.allowLarge.flag)' to derive it anyway"
        case .invalidNetwork(let error):
            return text(error)
        case .missingPoint(let variables):
            return "Missing '\(Option.at.synopsis)': the expression's variables \(quoted(variables)) need values"
        case .missingValues(let names):
            let noun = names.count == 1 ? "the variable" : "the variables"
            return "'\(Option.at.synopsis)' gives no value for \(noun) \(quoted(names)) of the expression"
        case .unusedValues(let names, let variables):
            let what = names.count == 1 ? "a value for \(quoted(names)), not a variable" : "values for \(quoted(names)), not variables"
            return "'\(Option.at.synopsis)' gives \(what) of the expression (its variables: \(quoted(variables)))"
        case .variableInReverseMode:
            return "'\(Option.wrt.flag)' is for '\(Option.mode.flag) \(DifferentiationMode.forward.rawValue)'; reverse mode differentiates with respect to every variable at once"
        case .forwardModeWithoutVariable:
            return "'\(Option.mode.flag) \(DifferentiationMode.forward.rawValue)' needs '\(Option.wrt.synopsis)': the variable to differentiate with respect to"
        }
    }

    /// What an option's `value` should have been.
    private static func text(_ expectation: UsageError.Expectation, value: String) -> String {
        switch expectation {
        case .positiveInteger: return "expected a positive integer"
        case .nonNegativeInteger: return "expected a non-negative integer"
        case .atMost(let limit): return "expected at most \(limit)"
        case .integer(let range): return "expected an integer from \(range.lowerBound) to \(range.upperBound)"
        case .positiveNumber: return "expected a positive number"
        case .finiteNumber: return "expected a finite number"
        case .filePath: return "expected a file path"
        case .oneOf(let names): return "expected one of " + names.joined(separator: ", ")
        case .commaSeparatedList: return "expected a comma-separated list"
        case .listWithoutEmptyItems: return "expected a comma-separated list without empty items"
        case .namedValues: return "expected name=value pairs such as a=2,b=1"
        case .givenTwice(let name): return "'\(name.echoed)' is given twice"
        case .finiteNumberFor(let name, let found): return "expected a finite number for '\(name.echoed)', found '\(found.echoed)'"
        case .valueCount(let width, let layer, let file, let found):
            let end = layer == .input ? "input" : "output"
            return "expected \(width) values (the \(end) width\(file.map { " of '\($0.echoed)'" } ?? "")), found \(found)"
        case .twoWidths: return "expected at least two widths (the input and the output)"
        case .widthCount(let layers, let found): return "expected \(layers + 1) widths for \(layers) layers, found \(found)"
        case .activationCount(let depth, let found): return "expected 1 or \(depth) activations, found \(found)"
        case .softmaxBeforeOutput(let index): return "softmax is allowed on the output layer only, not on layer \(index + 1)"
        case .roomForSeeds(let students): return "leaves no room for \(students) students' seeds"
        case .neuronPath(let widths):
            return "expected \(widths.count) neurons, one per layer from the input to the output, each from 1 to its layer's width ("
                + widths.map(String.init).joined(separator: ", ") + ")"
        case .latexCharacter(let character):
            let code = character.unicodeScalars.map { "U+" + String(repeating: "0", count: max(0, 4 - String($0.value, radix: 16).count)) + String($0.value, radix: 16, uppercase: true) }
            return "LaTeX's default fonts cannot print '\(String(character).echoed)' (\(code.joined(separator: " "))); use '\(Option.format.flag) markdown' or '\(Option.format.flag) text' for this text"
        case .variable(let variables): return "the expression has no variable '\(value.echoed)' (its variables: \(quoted(variables)))"
        }
    }

    // MARK: - Data

    /// The message for a network, expression or template that cannot be used.
    static func text(_ error: DataError) -> String {
        switch error {
        case .network(let error, let source):
            switch source {
            case .file(let path)?: return "'\(path.echoed)': " + text(error)
            case .sheet(let index)?: return "sheet \(index + 1): " + text(error)
            case nil: return text(error)
            }
        case .expression(let error, let source, let showsCaret):
            return text(error, in: source, showingCaret: showsCaret)
        case .graph(let error):
            return text(error)
        case .templateWithoutBody(let path):
            return "template '\(path.echoed)' has no {{body}} placeholder for the derivation"
        }
    }

    /// The message for a network that cannot be built or derived: the layer, neuron or JSON path, and the reason.
    static func text(_ error: NetworkError) -> String {
        switch error {
        case .invalid(let path, let reason): return "\(path): \(reason)"
        case .notComputable(let reason): return reason
        }
    }

    /// The parse error as one line naming the problem and its column, and with `showingCaret` the expression
    /// with a caret under that column: at most three lines.
    static func text(_ error: ExpressionParseError, in source: String, showingCaret: Bool) -> String {
        let line = error.description
        guard showingCaret, error.reason != .empty else { return line }
        let width = ExpressionCommand.excerptWidth
        let characters = Array(source).map { character -> Character in
            if character.isNewline || character == "\t" { return " " }
            // A control character as its one-column picture (␛ for ESC), so the caret stays under its column.
            guard character.unicodeScalars.contains(where: \.isEchoedEscaped) else { return character }
            guard let scalar = character.unicodeScalars.first, scalar.value < 0x20 || scalar.value == 0x7F else { return "?" }
            return Character(Unicode.Scalar(scalar.value == 0x7F ? 0x2421 : 0x2400 + scalar.value) ?? "?")
        }
        let index = error.column - 1
        let start = max(0, min(index - width / 2, characters.count - width))
        let end = min(characters.count, start + width)
        let prefix = start > 0 ? "…" : ""
        let suffix = end < characters.count ? "…" : ""
        let excerpt = prefix + String(characters[start..<end]) + suffix
        let caret = String(repeating: " ", count: prefix.count + index - start) + "^"
        return line + "\n  " + excerpt + "\n  " + caret
    }

    /// The message for an expression with no graph, or a graph with no value or derivative at the point.
    static func text(_ error: GraphError) -> String {
        switch error {
        case .undefinedConstant(let expression, let reason):
            return "'\(text(expression).echoed)' is undefined: \(reason)"
        case .undefinedValue(let expression, let reason):
            return "'\(text(expression).echoed)' is undefined at this point: \(reason)"
        case .undefinedDerivative(let expression, let reason):
            return "the derivative of '\(text(expression).echoed)' is undefined at this point: \(reason)"
        case .missingValues(let names): return GraphError.missingValues(echoed(names)).description
        case .unusedValues(let names): return GraphError.unusedValues(echoed(names)).description
        case .notAnInput(let name): return GraphError.notAnInput(name.echoed).description
        case .derivativeOverflows(let name): return GraphError.derivativeOverflows(name.echoed).description
        case .unsupported(let what): return GraphError.unsupported(what.echoed).description
        case .noVariables, .tooLarge:
            return error.description
        }
    }

    // MARK: - Files

    /// The message for an input file that cannot be read.
    static func text(_ error: InputError) -> String {
        switch error {
        case .network(let path, let problem):
            return "cannot read '\(path.echoed)': " + InputFile.reason(problem)
        case .template(let path, let problem):
            return "cannot read template '\(path.echoed)': " + InputFile.reason(problem)
        }
    }

    /// The message for an output that cannot be written.
    static func text(_ error: OutputError) -> String {
        switch error {
        case .directory(let path): return "cannot create directory '\(path.echoed)'"
        case .file(let path, let code): return "cannot write '\(path.echoed)': \(Platform.message(for: code))"
        case .standardOutput(let code): return "cannot write to standard output: \(Platform.message(for: code))"
        case .notRegularFile(let path): return "cannot write '\(path)': it is not a regular file, and a set of files is replaced as a whole"
        }
    }

    // MARK: - Pieces

    /// `expression` in Unicode text with the graph notation.
    private static func text(_ expression: Expression) -> String {
        MathPrinter(UnicodeMath(), notation: GraphNotation()).string(expression)
    }

    /// `'a', 'b'`, each name as ``Swift/String/echoed`` and at most ``listLimit`` of them.
    private static func quoted(_ names: [String]) -> String {
        echoed(names).map { $0.hasPrefix("and ") ? $0 : "'\($0)'" }.joined(separator: ", ")
    }

    /// The most names of a user's a message lists.
    static let listLimit = 10

    /// `names` as ``Swift/String/echoed``, the first ``listLimit`` of them and "and 5 more".
    private static func echoed(_ names: [String]) -> [String] {
        let shown = names.prefix(listLimit).map(\.echoed)
        return names.count > listLimit ? shown + ["and \(names.count - listLimit) more"] : shown
    }
}

extension DeriveError: CustomStringConvertible {
    /// The message, without the "Error: " label.
    var description: String { ErrorMessage.text(self) }
}
