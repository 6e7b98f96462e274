import BackpropKit

/// MathML Core, for web pages that browsers lay out natively: `<mfrac>`, `<msub>`, `<msup>`, `<mi>`, `<mn>`,
/// `<mo>`, stretchy parentheses in an `<mrow>` of their own, and colour as a class on an `<mrow>`.
///
/// What it writes goes inside a `<math>` element; every piece is well-formed XML, so a page of it also
/// reads as XHTML.
public struct MathMLMath: MathSpelling {
    /// MathML Core.
    public init() {}

    /// True: `<mfrac>` stacks fractions and partials.
    public var stacksFractions: Bool { true }
    /// `−` (a prefix before a number or a negation, infix between terms), `·` before a number, an invisible
    /// times between factors set side by side, `+`, `=` and `,` as operators.
    public var signs: MathSigns {
        MathSigns(minus: "<mo form=\"prefix\">−</mo>", times: "<mo>·</mo>", adjacentFactors: "<mo>\u{2062}</mo>", adjacentFactorsWidth: 1,
                  plus: "<mo>+</mo>", equals: "<mo>=</mo>", comma: "<mo>,</mo>", subtraction: "<mo>−</mo>")
    }

    /// `<mn>` and `</mn>`: `<mn>0.25</mn>`.
    public var numeral: (open: String, close: String) { ("<mn>", "</mn>") }

    /// `m × 10^e`, the power in an `<msup>`.
    public func scientific(_ mantissa: String, exponent: Int) -> String {
        let power = exponent < 0 ? "<mrow><mo>−</mo><mn>\(-exponent)</mn></mrow>" : "<mn>\(exponent)</mn>"
        return mantissa + "<mo>×</mo><msup><mn>10</mn>" + power + "</msup>"
    }

    /// Writes the name as `<mi>` (italic when it is one letter, upright when it is a word) under its accent in an
    /// `<mover>`, with its subscripts in an `<msub>` and its superscript in an `<msup>`, or both in an
    /// `<msubsup>`. A Unicode name's combining bar or dot becomes the accent and its trailing subscript digits
    /// the first subscript; a base that is already MathML (a bracketed matrix name) is written as it is.
    public func write(_ name: SymbolName, to output: inout some TextOutputStream) {
        let base = Self.base(of: name.unicode)
        let subscripts = (base.subscript.map { [$0] } ?? []) + name.subscripts
        let scripts = (subscripts.isEmpty ? "" : "sub") + (name.superscript == nil ? "" : "sup")
        if !scripts.isEmpty { output.write("<m" + scripts + ">") }
        if name.unicode.hasPrefix("<") {
            output.write("<mrow>" + name.unicode + "</mrow>")
        } else {
            if base.accent != nil { output.write("<mover accent=\"true\">") }
            output.write("<mi>" + base.letters.xmlEscaped + "</mi>")
            if let accent = base.accent { output.write("<mo>" + accent + "</mo></mover>") }
        }
        if !subscripts.isEmpty {
            output.write("<mrow>")
            for (index, part) in subscripts.enumerated() {
                if index > 0 { output.write("<mo lspace=\"0\" rspace=\"0\">,</mo>") }
                output.write(Self.tokens(part))
            }
            output.write("</mrow>")
        }
        if let superscript = name.superscript { output.write("<mrow>" + Self.tokens(superscript) + "</mrow>") }
        if !scripts.isEmpty { output.write("</m" + scripts + ">") }
    }

    /// An `<mrow>` opened by `(`, stretchy when `tall`.
    public func openParenthesis(tall: Bool) -> String { tall ? "<mrow><mo>(</mo>" : "<mrow><mo stretchy=\"false\">(</mo>" }
    /// `)` closing the `<mrow>`, stretchy when `tall`.
    public func closeParenthesis(tall: Bool) -> String { tall ? "<mo>)</mo></mrow>" : "<mo stretchy=\"false\">)</mo></mrow>" }
    /// `text` in an `<mrow>` between square brackets, stretchy when `tall`.
    public func squareBracketed(_ text: String, tall: Bool) -> String {
        let stretchy = tall ? "" : " stretchy=\"false\""
        return "<mrow><mo\(stretchy)>[</mo>" + text + "<mo\(stretchy)>]</mo></mrow>"
    }
    /// `<mfrac>` with the numerator and denominator each in an `<mrow>`.
    public var fraction: (open: String, middle: String, close: String) { ("<mfrac><mrow>", "</mrow><mrow>", "</mrow></mfrac>") }
    /// An `<mfrac>` of `∂ quantity` over `∂ variable`.
    public var partial: (open: String, middle: String, close: String) {
        ("<mfrac><mrow><mi>∂</mi>", "</mrow><mrow><mi>∂</mi>", "</mrow></mfrac>")
    }

    /// Opens the `<msup>` around the base.
    public var powerOpening: String { "<msup><mrow>" }

    /// Closes the base and writes the exponent in an `<mrow>`, closing the `<msup>`.
    public func writeExponent(_ exponent: String, atom: () -> String, to output: inout String) {
        output += "</mrow><mrow>"
        output += exponent
        output += "</mrow></msup>"
    }

    /// `<msqrt>` around any argument.
    public var squareRoot: (open: String, close: String, argumentIsAtom: Bool) { ("<msqrt>", "</msqrt>", false) }
    /// Bars in an `<mrow>`.
    public var absoluteValue: (open: String, close: String) { ("<mrow><mo>|</mo>", "<mo>|</mo></mrow>") }
    /// `𝟙[` opening an `<mrow>`.
    public var indicator: String { "<mi>𝟙</mi><mrow><mo stretchy=\"false\">[</mo>" }
    /// `> 0]` closing the indicator's `<mrow>`.
    public var indicatorClosing: String { "<mo>&gt;</mo><mn>0</mn><mo stretchy=\"false\">]</mo></mrow>" }

    /// An `<mrow>` of class `layer-color`, which the page's stylesheet colours for light and dark backgrounds.
    public func colorOpening(_ color: String) -> String? { "<mrow class=\"layer-" + color.xmlEscaped + "\">" }
    /// `</mrow>`.
    public var colorClosing: String { "</mrow>" }

    /// An empty box of class `blank`, which the page's stylesheet draws as a line to write on.
    public func blank(width: Double) -> String {
        "<mspace class=\"blank\" width=\"\(Int(Swift.max(2, (width * 0.5 + 1).rounded(.up))))em\" height=\"1em\"/>"
    }

    /// `⊤` as a superscript.
    public var transposeMark: String { "<msup><mrow/><mi mathvariant=\"normal\">⊤</mi></msup>" }
    /// `⊙`.
    public var hadamard: String { "<mo>⊙</mo>" }
    /// `⋮`, `⋯`, `⋱`.
    public var ellipses: (vertical: String, horizontal: String, diagonal: String) { ("<mo>⋮</mo>", "<mo>⋯</mo>", "<mo>⋱</mo>") }
    /// False: matrices are `<mtable>`s.
    public var setsMatricesAsBlocks: Bool { false }

    /// An `<mtable>` of the cells between stretchy square brackets.
    public func matrix(_ rows: [[String]]) -> String {
        "<mrow><mo>[</mo><mtable>" + rows.map { row in
            "<mtr>" + row.map { "<mtd>" + $0 + "</mtd>" }.joined() + "</mtr>"
        }.joined() + "</mtable><mo>]</mo></mrow>"
    }

    /// The name with a prime `′` as its superscript.
    public func primed(_ name: String, hasSuperscript: Bool) -> String { "<msup><mrow>" + name + "</mrow><mo>′</mo></msup>" }
    /// The text in `<mtext>`, escaped.
    public func words(_ text: String) -> String { "<mtext>" + text.xmlEscaped + "</mtext>" }
    /// `∂`, `/∂`.
    public var slashedPartial: (open: String, middle: String) { ("<mi>∂</mi>", "<mo>/</mo><mi>∂</mi>") }

    // MARK: - Implementation

    /// The accents a Unicode name carries as combining marks, as MathML writes them over the base.
    private static let accents: [Unicode.Scalar: String] = ["\u{0304}": "¯", "\u{0305}": "¯", "\u{0307}": "˙"]

    /// A Unicode name's letters without their combining accent and trailing subscript digits, the accent
    /// (`¯` for a bar, `˙` for a dot), and the digits: `v̄₁₂` → (`v`, `¯`, `12`).
    static func base(of unicode: String) -> (letters: String, accent: String?, subscript: String?) {
        var letters = String.UnicodeScalarView()
        var accent: String?
        var digits = ""
        for scalar in unicode.unicodeScalars {
            if let mark = accents[scalar] {
                accent = mark
            } else if (0x2080...0x2089).contains(scalar.value) {
                digits.append(Character(Unicode.Scalar(scalar.value - 0x2080 + 0x30) ?? "0"))
            } else {
                if !digits.isEmpty {
                    // Subscript digits inside the name belong to its letters.
                    letters.append(contentsOf: digits.unicodeScalars)
                    digits = ""
                }
                letters.append(scalar)
            }
        }
        return (String(letters), accent, digits.isEmpty ? nil : digits)
    }

    /// An index or superscript such as `n-1`, `(l)` or `+` as tokens: runs of digits as `<mn>`, letters as
    /// `<mi>`, every other character as an escaped `<mo>` (a hyphen as the minus sign) set without space around
    /// it, as indices are.
    static func tokens(_ text: String) -> String {
        var result = ""
        var digits = ""
        func flushDigits() {
            if !digits.isEmpty { result += "<mn>" + digits + "</mn>" }
            digits = ""
        }
        for character in text {
            if character.isNumber {
                digits.append(character)
                continue
            }
            flushDigits()
            if character.isLetter {
                result += "<mi>" + String(character).xmlEscaped + "</mi>"
            } else {
                result += "<mo lspace=\"0\" rspace=\"0\">" + (character == "-" ? "−" : String(character).xmlEscaped) + "</mo>"
            }
        }
        flushDigits()
        return result
    }
}
