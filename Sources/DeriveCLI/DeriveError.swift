import BackpropKit
import BackpropRendering

/// Everything that stops `derive`: what went wrong, as data, grouped by exit code.
///
/// The text of every error is written in ``ErrorMessage``; ``DeriveCommand`` prints it after the one
/// "Error: " label.
enum DeriveError: Error, Equatable {
    /// A malformed command line.
    case usage(UsageError)
    /// A network, expression or template that cannot be derived or used.
    case data(DataError)
    /// An input file that cannot be read.
    case noInput(InputError)
    /// An output that cannot be written.
    case cannotWrite(OutputError)

    /// The exit code for the error.
    var exitCode: ExitCode {
        switch self {
        case .usage: return .usage
        case .data: return .dataError
        case .noInput: return .noInput
        case .cannotWrite: return .cannotCreate
        }
    }
}

/// A malformed command line: exit code 64, and the usage line after the message.
enum UsageError: Equatable, Sendable {
    // MARK: The arguments

    /// An argument that is not an option, such as `stray` or `-x`.
    case unexpectedArgument(String)
    /// A `--flag` that is not an option.
    case unknownOption(String)
    /// `--bias=yes`: a value given to a switch.
    case valueForSwitch(Option)
    /// An option without its value.
    case missingValue(Option)
    /// A value the option does not accept, and what it expected.
    case invalidValue(String, for: Option, Expectation)

    // MARK: Options that need or exclude others

    /// `--blanks` without `--exercise`.
    case blanksWithoutExercise
    /// `--students` without `--exercise`.
    case studentsWithoutExercise
    /// `--focus` with `--exercise`: a short handout's tables would give the answers away.
    case focusInExercise
    /// `--answers` without `--exercise`.
    case answersWithoutExercise
    /// `--answers` with `--students`, which writes the combined key anyway.
    case answersWithStudents
    /// `--students` without `--output`.
    case studentsWithoutOutput
    /// `--students` with `--network`.
    case studentsWithNetwork
    /// `--steps` for a network without a learning rate.
    case stepsWithoutLearningRate
    /// `--exercise` with `--format json`.
    case exerciseInJSON
    /// `--json-steps` with a format other than JSON.
    case jsonStepsInFormat(OutputFormat)
    /// `--hand` without `--digits`.
    case handWithoutDigits
    /// `--template` with a format that has no template.
    case templateInFormat(OutputFormat)
    /// An option describing the network given with `--network`, whose file describes it.
    case combinedWithNetwork(Option)
    /// An option describing a network given with `--expr`.
    case combinedWithExpression(Option)
    /// An option of `--expr` given without it.
    case needsExpression(Option)
    /// A format that draws a computational graph, asked of a network.
    case formatNeedsExpression(OutputFormat)

    // MARK: Requests too large, or that describe no network

    /// `--check` on more weights and biases than `limit`.
    case gradientCheckTooLarge(limit: Int, parameters: Int)
    /// An output estimated at `bytes`, beyond the limit, without `--allow-large`.
    case outputTooLarge(bytes: Int)
    /// An expression with more than `limit` operations, without `--allow-large`.
    case expressionTooLarge(limit: Int)
    /// Options that describe no network.
    case invalidNetwork(NetworkError)

    // MARK: The point and mode of --expr

    /// No `--at`; `variables` are the expression's.
    case missingPoint(variables: [String])
    /// `--at` without values for `variables`.
    case missingValues([String])
    /// `--at` with values for `names`, which are not among the expression's `variables`.
    case unusedValues([String], variables: [String])
    /// `--wrt` in reverse mode.
    case variableInReverseMode
    /// Forward mode without `--wrt`.
    case forwardModeWithoutVariable

    /// What an option's value should have been.
    enum Expectation: Equatable, Sendable {
        case positiveInteger
        case nonNegativeInteger
        /// An integer no larger than the limit.
        case atMost(Int)
        /// An integer in `range`.
        case integer(ClosedRange<Int>)
        case positiveNumber
        case finiteNumber
        case filePath
        /// One of `names`.
        case oneOf([String])
        case commaSeparatedList
        case listWithoutEmptyItems
        /// `name=value` pairs.
        case namedValues
        /// A `name=value` pair whose name appeared before.
        case givenTwice(name: String)
        /// A `name=value` pair whose value `found` is not a finite number.
        case finiteNumberFor(name: String, found: String)
        /// As many values as the input or output layer of the network, read from `file` if any, has neurons.
        case valueCount(width: Int, layer: End, file: String?, found: Int)
        /// At least two widths.
        case twoWidths
        /// `layers + 1` widths.
        case widthCount(layers: Int, found: Int)
        /// One activation, or one for each of `depth` layers.
        case activationCount(depth: Int, found: Int)
        /// Softmax on the layer of 0-based `index`, which is not the output layer.
        case softmaxBeforeOutput(index: Int)
        /// A seed with no room after it for `students` seeds.
        case roomForSeeds(students: Int)
        /// One neuron per layer, each within its layer's width, for `--focus`.
        case neuronPath(widths: [Int])
        /// A variable of the expression, whose variables are `variables`.
        case variable(of: [String])
        /// Text for a LaTeX handout with a character LaTeX's default fonts cannot print.
        case latexCharacter(Character)
    }

    /// The two ends of a network.
    enum End: Equatable, Sendable {
        case input, output
    }
}

/// A network, expression or template that cannot be derived or used: exit code 65.
enum DataError: Equatable, Sendable {
    /// A network that cannot be built or derived, read from `source` if not from the command line.
    case network(NetworkError, source: NetworkSource?)
    /// An expression that cannot be parsed; `showsCaret` adds the expression with a caret under the column.
    case expression(ExpressionParseError, source: String, showsCaret: Bool)
    /// An expression with no graph, or a graph with no value or derivative at the point.
    case graph(GraphError)
    /// A template without the `{{body}}` placeholder.
    case templateWithoutBody(path: String)

    /// Where a network came from.
    enum NetworkSource: Equatable, Sendable {
        /// A `--network` file.
        case file(String)
        /// The exercise sheet of the 0-based `index`.
        case sheet(index: Int)
    }
}

/// An input file that cannot be read: exit code 66.
enum InputError: Equatable, Sendable {
    /// The `--network` file, and why it cannot be read.
    case network(path: String, problem: InputFile.Problem)
    /// The `--template` file, and why it cannot be read.
    case template(path: String, problem: InputFile.Problem)
}

/// An output that cannot be written: exit code 73.
enum OutputError: Equatable, Sendable {
    /// A directory that cannot be created.
    case directory(path: String)
    /// A file that cannot be created, written or renamed, with the `errno`.
    case file(path: String, code: Int32)
    /// Standard output, with the `errno`.
    case standardOutput(code: Int32)
    /// A device, FIFO or socket among the files of a set, which is replaced as a whole.
    case notRegularFile(path: String)
}
