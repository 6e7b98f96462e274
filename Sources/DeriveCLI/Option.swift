import BackpropKit
import BackpropRendering

/// One command-line option, its flag the raw value; the cases are in the order help lists them.
enum Option: String, CaseIterable, Sendable {
    case layers = "--layers"
    case widths = "--widths"
    case activation = "--activation"
    case loss = "--loss"
    case bias = "--bias"
    case input = "--input"
    case target = "--target"
    case seed = "--seed"
    case network = "--network"
    case learningRate = "--learning-rate"
    case steps = "--steps"
    case expr = "--expr"
    case at = "--at"
    case mode = "--mode"
    case wrt = "--wrt"
    case indices = "--indices"
    case notation = "--notation"
    case vectorized = "--vectorized"
    case focus = "--focus"
    case format = "--format"
    case jsonSteps = "--json-steps"
    case output = "--output"
    case digits = "--digits"
    case hand = "--hand"
    case check = "--check"
    case template = "--template"
    case exercise = "--exercise"
    case blanks = "--blanks"
    case answers = "--answers"
    case students = "--students"
    case title = "--title"
    case author = "--author"
    case allowLarge = "--allow-large"
    case version = "--version"
    case generateCompletionScript = "--generate-completion-script"
    case help = "--help"

    /// The long flag, e.g. `--layers`.
    var flag: String { rawValue }

    /// `--layers <n>`, as written in usage lines and error messages; `--focus [<path>]` for a value that may be left out.
    var synopsis: String { valueName.map { hasOptionalValue ? "\(flag) [<\($0)>]" : "\(flag) <\($0)>" } ?? flag }

    /// Whether the option may be given without its value, which it then takes as a default.
    var hasOptionalValue: Bool { self == .focus }

    /// The value's name in help and errors, e.g. `n`; `nil` for a switch.
    var valueName: String? {
        switch self {
        case .layers: return "n"
        case .widths: return "w0,...,wN"
        case .activation: return "g"
        case .loss: return "loss"
        case .input: return "x1,..."
        case .target: return "t1,..."
        case .seed: return "s"
        case .network: return "file.json"
        case .learningRate: return "eta"
        case .steps: return "k"
        case .expr: return "expression"
        case .at: return "name=value,..."
        case .mode: return "mode"
        case .wrt: return "variable"
        case .indices, .notation: return "style"
        case .format: return "format"
        case .output: return "path"
        case .digits: return "d"
        case .template: return "file"
        case .blanks: return "kind"
        case .students: return "n"
        case .focus: return "path"
        case .title, .author: return "text"
        case .generateCompletionScript: return "shell"
        case .bias, .vectorized, .jsonSteps, .hand, .check, .exercise, .answers, .allowLarge, .version, .help: return nil
        }
    }

    /// The help sentence.
    var help: String {
        switch self {
        case .layers:
            return "The number of weight layers N. (default: 3)"
        case .widths:
            return "The widths of all N+1 layers, input first. (default: 2 for the input and hidden layers, 1 for the output)"
        case .activation:
            return "One activation for every layer, or one per layer from the first to the output. "
                + Self.values(Activation.allCases.map(\.rawValue) + ["linear"], default: Activation.sigmoid.rawValue)
        case .loss:
            return "The loss of each output. " + Self.values(Loss.allCases.map(\.rawValue), default: Loss.squared.rawValue)
        case .bias:
            return "Give every layer biases b_{k,j}."
        case .input:
            return "The input values. (default: drawn from the seed)"
        case .target:
            return "The target values. (default: drawn from the seed)"
        case .seed:
            return "The seed the weights and default values are drawn from. (default: 1)"
        case .network:
            return "Read the whole network and its values from a JSON file."
        case .learningRate:
            return "After the backward pass, update every weight, w⁺ = w − η ∂δ/∂w, and run the forward pass again for the new loss."
        case .steps:
            return "With a learning rate, run k gradient-descent steps, the first derived in full, and end with the loss of every step in a table and a plot. (at most \(TrainingRun.stepLimit))"
        case .expr:
            return "Differentiate an expression such as '(a+b)*(b+1)' on its computational graph instead of a network; --format dot draws the graph."
        case .at:
            return "The value of every variable of --expr, e.g. a=2,b=1."
        case .mode:
            return "Reverse mode, one backward pass for every variable's derivative, or forward mode, one pass for the variable --wrt. "
                + Self.values(DifferentiationMode.allCases.map(\.rawValue), default: DifferentiationMode.reverse.rawValue)
        case .wrt:
            return "The variable forward mode differentiates with respect to."
        case .indices:
            return "Label layers back from the output as in the note, or 0 to N. "
                + Self.values(LayerIndexing.allCases.map(\.rawValue), default: LayerIndexing.note.rawValue)
        case .notation:
            return "The names of the quantities: the source note's f, o, w; the four-diagrams I, L, A, O, W; or the textbook's z, a, w. "
                + Self.values(NotationStyle.allCases.map(\.rawValue), default: NotationStyle.note.rawValue)
        case .vectorized:
            return "Add the derivation in matrix form, with its vectors and matrices."
        case .focus:
            return "Write a short handout for a big network: derive one path in full, a neuron per layer from the input to the output, such as 1,3,2,1, and give every other value and derivative in compact tables. (default: neuron 1 of every layer)"
        case .format:
            return "The output format. " + Self.values(OutputFormat.allCases.map(\.rawValue), default: OutputFormat.latex.rawValue)
        case .jsonSteps:
            return "With --format json, add every step of the derivation, each form as LaTeX and as text (schema derive.steps/1)."
        case .output:
            return "Write to a file, or into a directory (an existing one, or a path ending in /), instead of standard output; files are replaced all together or not at all, a device or pipe is written through."
        case .digits:
            return "Print values to d significant digits. (default: the shortest exact form)"
        case .hand:
            return "With --digits, compute every step from the rounded values printed before it, as by hand."
        case .check:
            return "Add a gradient check: every weight and bias derivative beside its finite-difference estimate."
        case .template:
            return "Use your own LaTeX, Markdown or HTML skeleton with {{title}}, {{author}}, {{date}} and {{body}} placeholders."
        case .exercise:
            return "Write an exercise sheet: the network with its picture and every weight, and the derivation with blanks to fill in, computed by hand to --digits (default: 4). With --output FILE, its answer key goes beside it as FILE-key."
        case .answers:
            return "With --exercise, write the sheet's answer key instead of the sheet."
        case .blanks:
            return "What an exercise leaves blank. " + Self.values(ExerciseBlanks.allCases.map(\.rawValue), default: ExerciseBlanks.both.rawValue)
        case .students:
            return "Write n exercise sheets, each with its own network drawn from seed s, s+1, ..., and one combined answer key into the --output directory."
        case .title:
            return "The handout's title."
        case .author:
            return "The handout's author."
        case .allowLarge:
            return "Allow an output estimated beyond 1 GB."
        case .version:
            return "Show the version."
        case .generateCompletionScript:
            return "Write a completion script for a shell. " + Self.values(Shell.allCases.map(\.rawValue), default: nil)
        case .help:
            return "Show help information."
        }
    }

    /// "(values: a, b, c; default: a)", the end of the help of an option with a fixed set of values.
    private static func values(_ names: [String], default value: String?) -> String {
        "(values: \(names.joined(separator: ", "))" + (value.map { "; default: \($0)" } ?? "") + ")"
    }

    /// The values an option takes from a fixed set, for shell completion; `nil` for free values and switches.
    var choices: [String]? {
        switch self {
        case .activation: return Activation.allCases.map(\.rawValue) + ["linear"]
        case .loss: return Loss.allCases.map(\.rawValue)
        case .mode: return DifferentiationMode.allCases.map(\.rawValue)
        case .indices: return LayerIndexing.allCases.map(\.rawValue)
        case .notation: return NotationStyle.allCases.map(\.rawValue)
        case .format: return OutputFormat.allCases.map(\.rawValue)
        case .blanks: return ExerciseBlanks.allCases.map(\.rawValue)
        case .generateCompletionScript: return Shell.allCases.map(\.rawValue)
        default: return nil
        }
    }

    /// Whether the option's value is a path, which shells complete from the file system.
    var takesPath: Bool { [.network, .output, .template].contains(self) }

    /// The first sentence of the help, for shells that show one line per option.
    var summary: String {
        let text = help
        guard let end = text.firstRange(of: ". ")?.lowerBound ?? text.lastIndex(of: ".") else { return text }
        return String(text[..<end])
    }
}
