import BackpropKit

/// The manual page `derive.1`, in roff with the man macros, written from the option table like `--help`,
/// so the two cannot drift. `man/derive.1` in the repository is this text; a test keeps it current.
enum ManPage {
    /// The page.
    static var text: String {
        var page = """
            .TH DERIVE 1 "" "derive \(DeriveVersion.current)" "User Commands"
            .SH NAME
            derive \\- write backpropagation as a step-by-step derivation
            .SH SYNOPSIS
            .B derive
            .RI [ options ]
            .SH DESCRIPTION
            .B derive
            writes the layer-by-layer backpropagation derivation of a fully connected neural network, every partial
            derivative with its general form, its concrete form and its value, as a LaTeX, Markdown, HTML or plain-text handout,
            or its numbers as JSON. With
            .BR \\-\\-expr ,
            it writes the forward pass, the local derivatives and reverse or forward mode on the computational graph of an
            expression instead.
            .SH OPTIONS

            """
        for option in Option.allCases {
            page += ".TP\n.B " + escaped(option.flag)
            if let value = option.valueName { page += " \\fI" + escaped(value) + "\\fR" }
            page += "\n" + escaped(option.help) + "\n"
        }
        page += """
            .SH EXIT STATUS
            .TP
            .B 0
            The handout was written.
            .TP
            .B 64
            The command line is malformed.
            .TP
            .B 65
            The network, expression or template cannot be used.
            .TP
            .B 66
            An input file cannot be read.
            .TP
            .B 73
            An output cannot be written.
            .SH EXAMPLES
            .nf
            derive \\-\\-layers 3 \\-\\-format latex \\-\\-output handout.tex
            derive \\-\\-widths 2,3,3,1 \\-\\-activation relu,relu,sigmoid \\-\\-bias
            derive \\-\\-network network.json \\-\\-format json
            derive \\-\\-expr '(a+b)*(b+1)' \\-\\-at a=2,b=1 \\-\\-format text
            derive \\-\\-exercise \\-\\-students 30 \\-\\-format html \\-\\-output class/
            .fi

            """
        return page
    }

    /// Text safe in roff: backslashes and hyphens escaped, every non-ASCII character as a `\[uXXXX]` glyph
    /// (so groff needs no input encoding), and no line starting with a control character.
    private static func escaped(_ text: String) -> String {
        let body = text.replacingScalars(["\\": "\\e", "-": "\\-"]) { $0.isASCII ? nil : "\\[u" + $0.hexadecimal(uppercase: true) + "]" }
        return body.hasPrefix(".") || body.hasPrefix("'") ? "\\&" + body : body
    }
}
