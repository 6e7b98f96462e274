import BackpropKit

extension String {
    /// The ASCII characters LaTeX treats specially in text.
    fileprivate static let latexSpecials = Set("\\{}$%#_&~^<>|".utf8)

    /// Characters of mathematics that LaTeX's text fonts lack, with the math-mode command that prints them.
    fileprivate static let mathCharacters: [Character: String] = [
        "−": "-", "·": "\\cdot", "×": "\\times", "⊙": "\\odot", "∂": "\\partial", "δ": "\\delta", "σ": "\\sigma",
        "η": "\\eta", "∇": "\\nabla", "≈": "\\approx", "≤": "\\le", "≥": "\\ge", "→": "\\to", "′": "'",
        "⁰": "^0", "¹": "^1", "²": "^2", "³": "^3", "⁴": "^4", "⁵": "^5", "⁶": "^6", "⁷": "^7", "⁸": "^8", "⁹": "^9", "⁻": "^-",
        "✓": "\\checkmark", "✗": "\\times",
    ]

    /// Letters and symbols outside LaTeX's default text fonts (OT1 with the kernel's UTF-8 input), with the
    /// math-mode command that prints them: Greek, and the mathematics a title may quote.
    fileprivate static let mathSymbols: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [
            "≠": "\\neq", "∞": "\\infty", "≡": "\\equiv", "∈": "\\in", "∉": "\\notin", "∑": "\\sum", "∏": "\\prod",
            "√": "\\surd", "∫": "\\int", "∀": "\\forall", "∃": "\\exists", "∅": "\\emptyset", "∪": "\\cup", "∩": "\\cap",
            "⊂": "\\subset", "⊆": "\\subseteq", "⊃": "\\supset", "⊇": "\\supseteq", "∧": "\\wedge", "∨": "\\vee",
            "←": "\\leftarrow", "↔": "\\leftrightarrow", "⇒": "\\Rightarrow", "⇐": "\\Leftarrow", "⇔": "\\Leftrightarrow",
            "↦": "\\mapsto", "∼": "\\sim", "≅": "\\cong", "∝": "\\propto", "∘": "\\circ", "∗": "\\ast", "⋅": "\\cdot",
            "⟨": "\\langle", "⟩": "\\rangle", "‖": "\\|", "≪": "\\ll", "≫": "\\gg", "∓": "\\mp", "÷": "\\div",
            "ℝ": "\\mathbb{R}", "ℕ": "\\mathbb{N}", "ℤ": "\\mathbb{Z}", "ℚ": "\\mathbb{Q}", "ℂ": "\\mathbb{C}",
            "ℓ": "\\ell", "ℏ": "\\hbar", "∆": "\\Delta", "Ω": "\\Omega", "µ": "\\mu",
        ]
        // Greek: the letters TeX has commands for, and the capitals that look like Latin ones in upright type.
        let lower = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu",
                     "xi", "o", "pi", "rho", "varsigma", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega"]
        let upper = ["A", "B", "\\Gamma", "\\Delta", "E", "Z", "H", "\\Theta", "I", "K", "\\Lambda", "M", "N", "\\Xi", "O", "\\Pi",
                     "P", "", "\\Sigma", "T", "\\Upsilon", "\\Phi", "X", "\\Psi", "\\Omega"]
        for (offset, name) in lower.enumerated() {
            guard let scalar = Unicode.Scalar(0x3B1 + UInt32(offset)) else { continue }
            table[scalar] = name == "o" ? "o" : "\\" + name
        }
        for (offset, command) in upper.enumerated() where !command.isEmpty {
            guard let scalar = Unicode.Scalar(0x391 + UInt32(offset)) else { continue }
            table[scalar] = command.hasPrefix("\\") ? command : "\\mathrm{" + command + "}"
        }
        table["ϑ"] = "\\vartheta"
        table["ϕ"] = "\\phi"
        table["ϖ"] = "\\varpi"
        table["ϱ"] = "\\varrho"
        table["ϵ"] = "\\epsilon"
        return table
    }()

    /// The non-ASCII scalars LaTeX's default text fonts print as they are, found by compiling each with
    /// pdflatex: Latin-1 and most of Latin Extended-A, dashes, quotes, daggers, bullets and a few symbols.
    fileprivate static let textScalars: [ClosedRange<UInt32>] = [
        0x00A0...0x00AA, 0x00AC...0x00BA, 0x00BC...0x00CF, 0x00D1...0x00DD, 0x00DF...0x00EF, 0x00F1...0x00FD, 0x00FF...0x0103,
        0x0106...0x010F, 0x0112...0x0117, 0x011A...0x0125, 0x0128...0x012D, 0x0130...0x0137, 0x0139...0x013E, 0x0141...0x0148,
        0x014C...0x0165, 0x0168...0x0171, 0x0174...0x017E, 0x0192...0x0192, 0x01C4...0x01D4, 0x01E2...0x01E3, 0x01E6...0x01E9,
        0x01F0...0x01F0, 0x01F4...0x01F5, 0x0218...0x021B, 0x0232...0x0233, 0x0237...0x0237, 0x2010...0x2016, 0x2018...0x2019,
        0x201C...0x201D, 0x2020...0x2022, 0x2026...0x2026, 0x2030...0x2031, 0x203B...0x203B, 0x203D...0x203D, 0x2044...0x2044,
        0x204E...0x204E, 0x20AC...0x20AC, 0x2122...0x2122, 0x2190...0x2190, 0x2192...0x2192,
    ]

    /// How LaTeX writes one character of text: `nil` when its default fonts cannot print it.
    fileprivate static func latex(_ character: Character) -> String? {
        switch character {
        case "\\": return "\\textbackslash{}"
        case "{", "}", "$", "%", "#", "_", "&": return "\\" + String(character)
        case "~": return "\\textasciitilde{}"
        case "^": return "\\textasciicircum{}"
        case "<": return "\\textless{}"
        case ">": return "\\textgreater{}"
        case "|": return "\\textbar{}"
        default: break
        }
        if character.isASCII && !character.isNewline && character != "\t" {
            return character.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true ? "" : String(character)
        }
        if let math = mathCharacters[character] { return "\\ensuremath{" + math + "}" }
        // Line breaks and other spaces are a space (two line breaks would end the paragraph); other
        // control and format characters print nothing.
        if character.isWhitespace { return " " }
        var result = ""
        for scalar in character.unicodeScalars {
            if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format { continue }
            if textScalars.contains(where: { $0.contains(scalar.value) }) {
                result.unicodeScalars.append(scalar)
            } else if let math = mathSymbols[scalar] {
                result += "\\ensuremath{" + math + "}"
            } else {
                return nil
            }
        }
        return result
    }

    /// The first character LaTeX's default text fonts cannot print (Cyrillic, Chinese, an emoji), or `nil`
    /// when ``latexEscaped`` prints every one.
    package var latexUnprintableCharacter: Character? {
        first { !$0.isASCII && Self.latex($0) == nil }
    }

    /// The text with LaTeX's special characters written so they print literally: Greek and mathematical
    /// symbols in math mode, line breaks as spaces, control characters left out, and a character the
    /// default fonts lack (see ``latexUnprintableCharacter``) as `?`.
    package var latexEscaped: String {
        if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && !Self.latexSpecials.contains($0) }) { return self }
        var result = ""
        result.reserveCapacity(count)
        for character in self {
            result += Self.latex(character) ?? "?"
        }
        return result
    }

    /// ``latexEscaped`` on lines of about `width` characters, for a title that may be long: TeX reads a
    /// line into a buffer of limited size. A line breaks at a space, or, in a run without spaces, after a
    /// `%` that makes the line break print nothing.
    package func latexEscaped(lineWidth width: Int) -> String {
        var result = ""
        var lineLength = 0
        for character in self {
            let piece = Self.latex(character) ?? "?"
            if piece == " " && lineLength >= width {
                result += "\n"
                lineLength = 0
                continue
            }
            if lineLength >= 2 * width && piece != " " && !result.hasSuffix(" ") {
                result += "%\n"
                lineLength = 0
            }
            result += piece
            lineLength += piece.count
        }
        return result
    }
}
