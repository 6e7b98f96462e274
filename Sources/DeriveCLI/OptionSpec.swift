/// One command-line option: its flag, the name of its value, and its help sentence.
struct OptionSpec: Sendable {
    /// The long flag, e.g. `--layers`.
    let flag: String
    /// The value's name in help and errors, e.g. `n`; `nil` for a switch.
    let value: String?
    /// The help sentence.
    let help: String

    /// `--layers <n>`, as written in usage lines and error messages.
    var synopsis: String { value.map { "\(flag) <\($0)>" } ?? flag }

    static let layers = OptionSpec(flag: "--layers", value: "n", help: "The number of weight layers N. (default: 3)")
    static let widths = OptionSpec(flag: "--widths", value: "w0,...,wN",
                                   help: "The widths of all N+1 layers, input first. (default: 2 for the input and hidden layers, 1 for the output)")
    static let activation = OptionSpec(flag: "--activation", value: "g",
                                       help: "One activation for every layer, or one per layer from the first to the output. (values: \(Activation.allCases.map(\.rawValue).joined(separator: ", ")), linear; default: sigmoid)")
    static let loss = OptionSpec(flag: "--loss", value: "loss",
                                 help: "The loss of each output. (values: \(Loss.allCases.map(\.rawValue).joined(separator: ", ")); default: squared)")
    static let bias = OptionSpec(flag: "--bias", value: nil, help: "Give every layer biases b_{k,j}.")
    static let input = OptionSpec(flag: "--input", value: "x1,...", help: "The input values. (default: drawn from the seed)")
    static let target = OptionSpec(flag: "--target", value: "t1,...", help: "The target values. (default: drawn from the seed)")
    static let seed = OptionSpec(flag: "--seed", value: "s", help: "The seed the weights and default values are drawn from. (default: 1)")
    static let network = OptionSpec(flag: "--network", value: "file.json", help: "Read the whole network and its values from a JSON file.")
    static let expr = OptionSpec(flag: "--expr", value: "expression",
                                 help: "Differentiate an expression such as '(a+b)*(b+1)' on its computational graph instead of a network; --format dot draws the graph.")
    static let at = OptionSpec(flag: "--at", value: "name=value,...", help: "The value of every variable of --expr, e.g. a=2,b=1.")
    static let mode = OptionSpec(flag: "--mode", value: "mode",
                                 help: "Reverse mode, one backward pass for every variable's derivative, or forward mode, one pass for the variable --wrt. (values: reverse, forward; default: reverse)")
    static let wrt = OptionSpec(flag: "--wrt", value: "variable", help: "The variable forward mode differentiates with respect to.")
    static let learningRate = OptionSpec(flag: "--learning-rate", value: "eta", help: "Add the gradient-descent update w⁺ = w − η ∂δ/∂w.")
    static let indices = OptionSpec(flag: "--indices", value: "style",
                                    help: "Label layers back from the output as in the note, or 0 to N. (values: note, absolute; default: note)")
    static let format = OptionSpec(flag: "--format", value: "format",
                                   help: "The output format. (values: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")); default: latex)")
    static let jsonSteps = OptionSpec(flag: "--json-steps", value: nil,
                                      help: "With --format json, add every step of the derivation, each form as LaTeX and as text (schema derive.steps/1).")
    static let output = OptionSpec(flag: "--output", value: "path", help: "Write to a file, or into a directory (an existing one, or a path ending in /), atomically, instead of standard output.")
    static let digits = OptionSpec(flag: "--digits", value: "d", help: "Print values to d significant digits. (default: the shortest exact form)")
    static let notation = OptionSpec(flag: "--notation", value: "style",
                                     help: "The names of the quantities: the source note's f, o, w; the four-diagrams I, L, A, O, W; or the textbook's z, a, w. (values: note, diagrams, textbook; default: note)")
    static let vectorized = OptionSpec(flag: "--vectorized", value: nil,
                                       help: "Add the derivation in matrix form, with its vectors and matrices.")
    static let hand = OptionSpec(flag: "--hand", value: nil,
                                 help: "With --digits, compute every step from the rounded values printed before it, as by hand.")
    static let check = OptionSpec(flag: "--check", value: nil,
                                  help: "Add a gradient check: every weight and bias derivative beside its finite-difference estimate.")
    static let template = OptionSpec(flag: "--template", value: "file",
                                     help: "Use your own LaTeX or Markdown skeleton with {{title}}, {{author}}, {{date}} and {{body}} placeholders.")
    static let exercise = OptionSpec(flag: "--exercise", value: nil,
                                     help: "Write an exercise sheet: the derivation with blanks to fill in, computed by hand to --digits (default: 4), and its answer key.")
    static let blanks = OptionSpec(flag: "--blanks", value: "kind",
                                   help: "What an exercise leaves blank. (values: symbolic, numeric, both; default: both)")
    static let students = OptionSpec(flag: "--students", value: "n",
                                     help: "Write n exercise sheets, each with its own network drawn from seed s, s+1, ..., and one combined answer key into the --output directory.")
    static let title = OptionSpec(flag: "--title", value: "text", help: "The handout's title.")
    static let author = OptionSpec(flag: "--author", value: "text", help: "The handout's author.")
    static let allowLarge = OptionSpec(flag: "--allow-large", value: nil, help: "Allow an output estimated beyond 1 GB.")
    static let help = OptionSpec(flag: "--help", value: nil, help: "Show help information.")

    /// Every option, in the order help lists them.
    static let all: [OptionSpec] = [
        .layers, .widths, .activation, .loss, .bias, .input, .target, .seed, .network, .learningRate,
        .expr, .at, .mode, .wrt,
        .indices, .notation, .vectorized, .format, .jsonSteps, .output, .digits, .hand, .check, .template, .exercise, .blanks, .students, .title, .author, .allowLarge, .help,
    ]
}

import BackpropKit
import BackpropRendering
