/// The text of `derive --help` and the usage line of usage errors, in the shape of Swift command-line tools.
enum HelpText {
    /// The one-line usage.
    static let usage = "Usage: derive [--layers <n>] [--widths <w0,...,wN>] [--activation <g>] [--loss <loss>] [--bias] [--network <file.json>] [--expr <expression> --at <name=value,...>] [--format <format>] [--output <path>]"

    /// Labels longer than this stand on a line of their own, so one long flag does not narrow every help text.
    static let longestInlineLabel = 24

    /// The full help.
    static var full: String {
        let labelWidth = (Option.allCases.map(\.synopsis.count).filter { $0 <= longestInlineLabel }.max() ?? 0) + 2
        var text = """
            OVERVIEW: Write the layer-by-layer backpropagation derivation of a neural
            network, every partial derivative with its general form, its concrete form
            and its value; or, with --expr, the forward pass, local derivatives and
            reverse or forward mode on the computational graph of an expression.

            USAGE: derive [<options>]

            OPTIONS:

            """
        let indent = String(repeating: " ", count: labelWidth + 2)
        for option in Option.allCases {
            let label = option.synopsis
            let lines = option.help.wrapped(toWidth: 80 - indent.count)
            // A label too long for the column stands on its own line, its help below, as swift-argument-parser sets it.
            let lead = label.count <= longestInlineLabel ? label + String(repeating: " ", count: labelWidth - label.count) : label + "\n" + indent
            text += "  " + lead + lines.joined(separator: "\n" + indent) + "\n"
        }
        text += """

            EXAMPLES:
              derive --layers 3 --format latex --output handout.tex
              derive --widths 2,3,3,1 --activation relu,relu,sigmoid --bias
              derive --network network.json --format json
              derive --expr '(a+b)*(b+1)' --at a=2,b=1 --format text
              derive --exercise --students 30 --format html --output class/

            """
        return text
    }
}
