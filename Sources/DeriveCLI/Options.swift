import BackpropKit
import BackpropRendering

/// The parsed command line of `derive`.
struct Options: Equatable {
    var layers: Int?
    var widths: [Int]?
    var activations: [Activation]?
    var loss: Loss?
    var hasBiases = false
    var input: [Double]?
    var target: [Double]?
    var seed: UInt64?
    var networkPath: String?
    var expression: String?
    var point: [String: Double]?
    var mode: DifferentiationMode = .reverse
    var variable: String?
    var learningRate: Double?
    var trainingSteps: Int?
    var indexing: LayerIndexing = .note
    var notation: NotationStyle = .note
    var isVectorized = false
    /// The neurons of `--focus`, 1-based from the input to the output; empty for the default path.
    var focus: [Int]?
    var format: OutputFormat = .latex
    var jsonSteps = false
    var outputPath: String?
    var digits: Int?
    var computesByHand = false
    var checksGradients = false
    var templatePath: String?
    var exercise: ExerciseBlanks?
    var writesAnswers = false
    var students: Int?
    var title: String?
    var author: String?
    var allowsLargeOutput = false
    var showsHelp = false
    var showsVersion = false
    var completionShell: Shell?

    /// The largest number of layers or neurons a layer a command line may ask for.
    static let sizeLimit = 100_000
    /// The digits an exercise sheet rounds to unless `--digits` says otherwise: a student computes by hand.
    static let exerciseDigits = 4
    /// The largest class a command line may ask sheets for.
    static let studentLimit = 1_000
    /// The significant digits `--digits` accepts: a double has no more.
    static let digitRange = 1...17

    /// Parses `arguments` (without the program name).
    /// - Throws: ``DeriveError/usage(_:)`` naming the first malformed argument.
    init(arguments: [String]) throws(DeriveError) {
        var scanner = ArgumentScanner(arguments: arguments)
        var blanksGiven = false
        var exerciseGiven = false
        var given: [Option] = []
        while let (option, value) = try scanner.next() {
            given.append(option)
            switch option {
            case .layers: layers = try Self.positiveInteger(value, option)
            case .widths: widths = try Self.list(value, option) { (item: String) throws(DeriveError) in try Self.positiveInteger(item, option) }
            case .activation:
                activations = try Self.list(value, option) { name throws(DeriveError) in
                    guard let activation = Activation(name: name) else {
                        throw Self.invalid(name, option, .oneOf(Activation.allCases.map(\.rawValue) + ["linear"]))
                    }
                    return activation
                }
            case .loss: loss = try Self.choice(value, option, Loss.init(rawValue:), Loss.allCases.map(\.rawValue))
            case .bias: hasBiases = true
            case .input: input = try Self.list(value, option) { (item: String) throws(DeriveError) in try Self.finiteNumber(item, option) }
            case .target: target = try Self.list(value, option) { (item: String) throws(DeriveError) in try Self.finiteNumber(item, option) }
            case .seed:
                guard let text = value, let seed = UInt64(text) else { throw Self.invalid(value ?? "", option, .nonNegativeInteger) }
                self.seed = seed
            case .network: networkPath = value
            case .expr: expression = value
            case .at: point = try Self.point(value, option)
            case .mode:
                mode = try Self.choice(value, option, DifferentiationMode.init(rawValue:), DifferentiationMode.allCases.map(\.rawValue))
            case .wrt: variable = value
            case .learningRate:
                let rate = try Self.finiteNumber(value ?? "", option)
                guard rate > 0 else { throw Self.invalid(value ?? "", option, .positiveNumber) }
                learningRate = rate
            case .steps:
                let count = try Self.positiveInteger(value, option)
                guard count <= TrainingRun.stepLimit else { throw Self.invalid(value ?? "", option, .atMost(TrainingRun.stepLimit)) }
                trainingSteps = count
            case .indices:
                indexing = try Self.choice(value, option, LayerIndexing.init(rawValue:), LayerIndexing.allCases.map(\.rawValue))
            case .notation:
                notation = try Self.choice(value, option, NotationStyle.init(rawValue:), NotationStyle.allCases.map(\.rawValue))
            case .vectorized: isVectorized = true
            case .focus:
                focus = try value.map { text throws(DeriveError) in
                    try Self.list(text, option) { (item: String) throws(DeriveError) in try Self.positiveInteger(item, option) }
                } ?? []
            case .format:
                format = try Self.choice(value, option, OutputFormat.init(rawValue:), OutputFormat.allCases.map(\.rawValue))
            case .output:
                guard let path = value, !path.isEmpty else { throw Self.invalid("", option, .filePath) }
                outputPath = path
            case .digits:
                let digits = try Self.positiveInteger(value, option)
                guard Self.digitRange.contains(digits) else { throw Self.invalid(value ?? "", option, .integer(Self.digitRange)) }
                self.digits = digits
            case .hand: computesByHand = true
            case .jsonSteps: jsonSteps = true
            case .check: checksGradients = true
            case .template:
                guard let path = value, !path.isEmpty else { throw Self.invalid("", option, .filePath) }
                templatePath = path
            case .exercise:
                exercise = exercise ?? .both
                exerciseGiven = true
            case .blanks:
                exercise = try Self.choice(value, option, ExerciseBlanks.init(rawValue:), ExerciseBlanks.allCases.map(\.rawValue))
                blanksGiven = true
            case .answers: writesAnswers = true
            case .students:
                let count = try Self.positiveInteger(value, option)
                guard count <= Self.studentLimit else { throw Self.invalid(value ?? "", option, .atMost(Self.studentLimit)) }
                students = count
            case .title: title = value
            case .author: author = value
            case .allowLarge: allowsLargeOutput = true
            case .version: showsVersion = true
            case .generateCompletionScript:
                completionShell = try Self.choice(value, option, Shell.init(rawValue:), Shell.allCases.map(\.rawValue))
            case .help: showsHelp = true
            }
        }
        try Self.checkExpressionFlags(given, expression: expression)
        if blanksGiven && !exerciseGiven { throw .usage(.blanksWithoutExercise) }
        if students != nil && exercise == nil { throw .usage(.studentsWithoutExercise) }
        if writesAnswers && exercise == nil { throw .usage(.answersWithoutExercise) }
        if focus != nil && exercise != nil { throw .usage(.focusInExercise) }
        if writesAnswers && students != nil { throw .usage(.answersWithStudents) }
        if students != nil && outputPath == nil { throw .usage(.studentsWithoutOutput) }
        if students != nil && networkPath != nil { throw .usage(.studentsWithNetwork) }
        if trainingSteps != nil && learningRate == nil && networkPath == nil { throw .usage(.stepsWithoutLearningRate) }
        if jsonSteps && format != .json { throw .usage(.jsonStepsInFormat(format)) }
        if exercise != nil && format == .json { throw .usage(.exerciseInJSON) }
        if exercise != nil {
            digits = digits ?? Self.exerciseDigits
            computesByHand = true
        }
        if computesByHand && digits == nil { throw .usage(.handWithoutDigits) }
        if templatePath != nil && (format == .text || format == .json) { throw .usage(.templateInFormat(format)) }
        if format == .latex {
            for (option, text) in [(Option.title, title), (Option.author, author)] {
                if let text, let character = text.latexUnprintableCharacter { throw Self.invalid(text, option, .latexCharacter(character)) }
            }
        }
        if networkPath != nil {
            for (given, option) in [(layers != nil, Option.layers), (widths != nil, .widths), (activations != nil, .activation),
                                    (hasBiases, .bias), (seed != nil, .seed)] where given {
                throw .usage(.combinedWithNetwork(option))
            }
        }
    }

    // MARK: - Values

    private static func positiveInteger(_ value: String?, _ option: Option) throws(DeriveError) -> Int {
        guard let text = value, let number = Int(text), number > 0 else {
            throw invalid(value ?? "", option, .positiveInteger)
        }
        guard number <= sizeLimit else { throw invalid(text, option, .atMost(sizeLimit)) }
        return number
    }

    static func finiteNumber(_ text: String, _ option: Option) throws(DeriveError) -> Double {
        let trimmed = text.trimmingSpaces()
        guard trimmed.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true,
              !trimmed.lowercased().contains("x"), let number = Double(trimmed), number.isFinite
        else {
            throw invalid(text, option, .finiteNumber)
        }
        return number
    }

    private static func list<T>(_ value: String?, _ option: Option, _ element: (String) throws(DeriveError) -> T) throws(DeriveError) -> [T] {
        guard let text = value, !text.isEmpty else { throw invalid("", option, .commaSeparatedList) }
        var result: [T] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = item.trimmingSpaces()
            guard !trimmed.isEmpty else { throw invalid(text, option, .listWithoutEmptyItems) }
            result.append(try element(trimmed))
        }
        return result
    }

    static func choice<T>(_ value: String?, _ option: Option, _ make: (String) -> T?, _ names: [String]) throws(DeriveError) -> T {
        guard let text = value, let chosen = make(text) else { throw invalid(value ?? "", option, .oneOf(names)) }
        return chosen
    }

    /// The usage error for a `value` of `option` that is not what it expected.
    static func invalid(_ value: String, _ option: Option, _ expectation: UsageError.Expectation) -> DeriveError {
        .usage(.invalidValue(value, for: option, expectation))
    }
}
