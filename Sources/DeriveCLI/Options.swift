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
    var indexing: LayerIndexing = .note
    var notation: NotationStyle = .note
    var isVectorized = false
    var format: OutputFormat = .latex
    var jsonSteps = false
    var outputPath: String?
    var digits: Int?
    var computesByHand = false
    var checksGradients = false
    var templatePath: String?
    var exercise: ExerciseBlanks?
    var students: Int?
    var title: String?
    var author: String?
    var allowsLargeOutput = false
    var showsHelp = false

    /// The largest number of layers or neurons a layer a command line may ask for.
    static let sizeLimit = 100_000
    /// The digits an exercise sheet rounds to unless `--digits` says otherwise: a student computes by hand.
    static let exerciseDigits = 4
    /// The largest class a command line may ask sheets for.
    static let studentLimit = 1_000

    /// Parses `arguments` (without the program name).
    /// - Throws: ``DeriveError/usage(_:)`` naming the first malformed argument.
    init(arguments: [String]) throws(DeriveError) {
        var scanner = ArgumentScanner(arguments: arguments)
        var blanksGiven = false
        var exerciseGiven = false
        var given: [OptionSpec] = []
        while let (option, value) = try scanner.next() {
            given.append(option)
            switch option.flag {
            case OptionSpec.layers.flag: layers = try Self.positiveInteger(value, option)
            case OptionSpec.widths.flag: widths = try Self.list(value, option) { (item: String) throws(DeriveError) in try Self.positiveInteger(item, option) }
            case OptionSpec.activation.flag:
                activations = try Self.list(value, option) { name throws(DeriveError) in
                    guard let activation = Activation(name: name) else { throw Self.invalid(name, option, Self.choices(Activation.allCases.map(\.rawValue) + ["linear"])) }
                    return activation
                }
            case OptionSpec.loss.flag: loss = try Self.choice(value, option, Loss.init(rawValue:), Loss.allCases.map(\.rawValue))
            case OptionSpec.bias.flag: hasBiases = true
            case OptionSpec.input.flag: input = try Self.list(value, option) { (item: String) throws(DeriveError) in try Self.finiteNumber(item, option) }
            case OptionSpec.target.flag: target = try Self.list(value, option) { (item: String) throws(DeriveError) in try Self.finiteNumber(item, option) }
            case OptionSpec.seed.flag:
                guard let text = value, let seed = UInt64(text) else {
                    throw Self.invalid(value ?? "", option, "expected a non-negative integer")
                }
                self.seed = seed
            case OptionSpec.network.flag: networkPath = value
            case OptionSpec.expr.flag: expression = value
            case OptionSpec.at.flag: point = try Self.point(value, option)
            case OptionSpec.mode.flag:
                mode = try Self.choice(value, option, DifferentiationMode.init(rawValue:), DifferentiationMode.allCases.map(\.rawValue))
            case OptionSpec.wrt.flag: variable = value
            case OptionSpec.learningRate.flag:
                let rate = try Self.finiteNumber(value ?? "", option)
                guard rate > 0 else { throw Self.invalid(value ?? "", option, "expected a positive number") }
                learningRate = rate
            case OptionSpec.indices.flag:
                indexing = try Self.choice(value, option, LayerIndexing.init(rawValue:), LayerIndexing.allCases.map(\.rawValue))
            case OptionSpec.notation.flag:
                notation = try Self.choice(value, option, NotationStyle.init(rawValue:), NotationStyle.allCases.map(\.rawValue))
            case OptionSpec.vectorized.flag: isVectorized = true
            case OptionSpec.format.flag:
                format = try Self.choice(value, option, OutputFormat.init(rawValue:), OutputFormat.allCases.map(\.rawValue))
            case OptionSpec.output.flag:
                guard let path = value, !path.isEmpty else { throw Self.invalid("", option, "expected a file path") }
                outputPath = path
            case OptionSpec.digits.flag:
                let digits = try Self.positiveInteger(value, option)
                guard digits <= 17 else { throw Self.invalid(value ?? "", option, "expected an integer from 1 to 17") }
                self.digits = digits
            case OptionSpec.hand.flag: computesByHand = true
            case OptionSpec.jsonSteps.flag: jsonSteps = true
            case OptionSpec.check.flag: checksGradients = true
            case OptionSpec.template.flag:
                guard let path = value, !path.isEmpty else { throw Self.invalid("", option, "expected a file path") }
                templatePath = path
            case OptionSpec.exercise.flag:
                exercise = exercise ?? .both
                exerciseGiven = true
            case OptionSpec.blanks.flag:
                exercise = try Self.choice(value, option, ExerciseBlanks.init(rawValue:), ExerciseBlanks.allCases.map(\.rawValue))
                blanksGiven = true
            case OptionSpec.students.flag:
                let count = try Self.positiveInteger(value, option)
                guard count <= Self.studentLimit else { throw Self.invalid(value ?? "", option, "expected at most \(Self.studentLimit)") }
                students = count
            case OptionSpec.title.flag: title = value
            case OptionSpec.author.flag: author = value
            case OptionSpec.allowLarge.flag: allowsLargeOutput = true
            default: showsHelp = true
            }
        }
        try Self.checkExpressionFlags(given, expression: expression)
        if blanksGiven && !exerciseGiven { throw .usage("Error: '--blanks' needs '--exercise'") }
        if students != nil && exercise == nil { throw .usage("Error: '--students' needs '--exercise'") }
        if students != nil && outputPath == nil {
            throw .usage("Error: '--students' writes one file per student and needs '--output <directory>'")
        }
        if students != nil && networkPath != nil {
            throw .usage("Error: '--students' draws a network per student from the seed; it cannot be combined with '--network'")
        }
        if jsonSteps && format != .json { throw .usage("Error: '--json-steps' applies to the json format, not '\(format.rawValue)'") }
        if exercise != nil && format == .json { throw .usage("Error: '--exercise' applies to the latex, markdown and text formats, not 'json'") }
        if exercise != nil {
            digits = digits ?? Self.exerciseDigits
            computesByHand = true
        }
        if computesByHand && digits == nil {
            throw .usage("Error: '--hand' needs '--digits <d>': the number of digits every step is rounded to")
        }
        if templatePath != nil && (format == .text || format == .json) {
            throw .usage("Error: '--template' applies to the latex and markdown formats, not '\(format.rawValue)'")
        }
        if networkPath != nil {
            for (given, spec) in [(layers != nil, OptionSpec.layers), (widths != nil, .widths), (activations != nil, .activation),
                                  (hasBiases, .bias), (seed != nil, .seed)] where given {
                throw .usage("Error: '\(spec.flag)' cannot be combined with '--network': the file describes the network")
            }
        }
    }

    // MARK: - Values

    private static func positiveInteger(_ value: String?, _ option: OptionSpec) throws(DeriveError) -> Int {
        guard let text = value, let number = Int(text), number > 0 else {
            throw invalid(value ?? "", option, "expected a positive integer")
        }
        guard number <= sizeLimit else { throw invalid(text, option, "expected at most \(sizeLimit)") }
        return number
    }

    static func finiteNumber(_ text: String, _ option: OptionSpec) throws(DeriveError) -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true,
              !trimmed.lowercased().contains("x"), let number = Double(trimmed), number.isFinite
        else {
            throw invalid(text, option, "expected a finite number")
        }
        return number
    }

    private static func list<T>(_ value: String?, _ option: OptionSpec, _ element: (String) throws(DeriveError) -> T) throws(DeriveError) -> [T] {
        guard let text = value, !text.isEmpty else { throw invalid("", option, "expected a comma-separated list") }
        var result: [T] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = item.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { throw invalid(text, option, "expected a comma-separated list without empty items") }
            result.append(try element(trimmed))
        }
        return result
    }

    static func choice<T>(_ value: String?, _ option: OptionSpec, _ make: (String) -> T?, _ names: [String]) throws(DeriveError) -> T {
        guard let text = value, let chosen = make(text) else { throw invalid(value ?? "", option, choices(names)) }
        return chosen
    }

    private static func choices(_ names: [String]) -> String { "expected one of " + names.joined(separator: ", ") }

    static func invalid(_ value: String, _ option: OptionSpec, _ reason: String) -> DeriveError {
        .usage("Error: The value '\(value)' is invalid for '\(option.synopsis)': \(reason)")
    }
}

import Foundation
