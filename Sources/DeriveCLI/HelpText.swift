/// The text of `derive --help` and the usage line of usage errors, in the shape of Swift command-line tools.
enum HelpText {
    /// The one-line usage.
    static let usage = "Usage: derive [--layers <n>] [--widths <w0,...,wN>] [--activation <g>] [--loss <loss>] [--bias] [--network <file.json>] [--format <format>] [--output <path>]"

    /// The full help.
    static var full: String {
        let labelWidth = (OptionSpec.all.map { $0.synopsis.count }.max() ?? 0) + 2
        var text = """
            OVERVIEW: Write the layer-by-layer backpropagation derivation of a neural network,
            every partial derivative with its symbolic form, its concrete form and its value.

            USAGE: derive [<options>]

            OPTIONS:

            """
        for option in OptionSpec.all {
            let label = option.synopsis
            text += "  " + label + String(repeating: " ", count: labelWidth - label.count) + option.help + "\n"
        }
        text += """

            EXAMPLES:
              derive --layers 3 --format latex --output handout.tex
              derive --widths 2,3,3,1 --activation relu,relu,sigmoid --bias --format markdown
              derive --network network.json --format json

            """
        return text
    }
}
