/// The text of `derive --help` and the usage line of usage errors, in the shape of Swift command-line tools.
enum HelpText {
    /// The one-line usage.
    static let usage = "Usage: derive [--layers <n>] [--widths <w0,...,wN>] [--activation <g>] [--loss <loss>] [--bias] [--network <file.json>] [--expr <expression> --at <name=value,...>] [--format <format>] [--output <path>]"

    /// The full help.
    static var full: String {
        let labelWidth = (Option.allCases.map { $0.synopsis.count }.max() ?? 0) + 2
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
            text += "  " + label + String(repeating: " ", count: labelWidth - label.count) + lines.joined(separator: "\n" + indent) + "\n"
        }
        text += """

            EXAMPLES:
              derive --layers 3 --format latex --output handout.tex
              derive --widths 2,3,3,1 --activation relu,relu,sigmoid --bias
              derive --network network.json --format json
              derive --expr '(a+b)*(b+1)' --at a=2,b=1 --format text

            """
        return text
    }
}
