import BackpropKit

/// The text of an SVG label: Unicode text, as ``UnicodeMath`` spells it, but with every subscript and superscript
/// marked (``ScriptRun/subscriptMark``, ``ScriptRun/superscriptMark``, ``ScriptRun/endMark``) rather than spelled in
/// Unicode script characters, which exist only for digits and a few letters. The SVG writer sets the marked runs as
/// lowered or raised `<tspan>`s, so z^{(k)}_j reads as typeset math, not as "z^(k)ⱼ".
struct SVGMath: MathSpelling {
    /// The spelling of everything but scripts.
    private let unicode = UnicodeMath()

    /// `text` marked as a subscript.
    private func lowered(_ text: String) -> String { String(ScriptRun.subscriptMark) + text + String(ScriptRun.endMark) }
    /// `text` marked as a superscript.
    private func raised(_ text: String) -> String { String(ScriptRun.superscriptMark) + text + String(ScriptRun.endMark) }

    /// `m×10` with the exponent raised.
    func scientific(_ mantissa: String, exponent: Int) -> String {
        mantissa + "×10" + raised(exponent < 0 ? unicode.signs.minus + String(-exponent) : String(exponent))
    }

    /// Writes the name's base, its superscript raised and its subscripts, joined by commas, lowered; a hyphen in a
    /// script, as in n-1, is the minus sign it stands for.
    func write(_ name: SymbolName, to output: inout some TextOutputStream) {
        output.write(name.unicode)
        let minus = unicode.signs.minus
        if let superscript = name.superscript { output.write(raised(superscript.replacing("-", with: minus))) }
        if !name.subscripts.isEmpty { output.write(lowered(name.subscripts.joined(separator: ",").replacing("-", with: minus))) }
    }

    /// Writes the exponent raised.
    func writeExponent(_ exponent: String, atom: () -> String, to output: inout String) {
        output += raised(exponent)
    }

    // MARK: - As in Unicode text

    /// As ``UnicodeMath/stacksFractions``.
    var stacksFractions: Bool { unicode.stacksFractions }
    /// As ``UnicodeMath/signs``.
    var signs: MathSigns { unicode.signs }
    /// As ``UnicodeMath/openParenthesis(tall:)``.
    func openParenthesis(tall: Bool) -> String { unicode.openParenthesis(tall: tall) }
    /// As ``UnicodeMath/closeParenthesis(tall:)``.
    func closeParenthesis(tall: Bool) -> String { unicode.closeParenthesis(tall: tall) }
    /// As ``UnicodeMath/squareBracketed(_:tall:)``.
    func squareBracketed(_ text: String, tall: Bool) -> String { unicode.squareBracketed(text, tall: tall) }
    /// As ``UnicodeMath/fraction``.
    var fraction: (open: String, middle: String, close: String) { unicode.fraction }
    /// As ``UnicodeMath/partial``.
    var partial: (open: String, middle: String, close: String) { unicode.partial }
    /// As ``UnicodeMath/squareRoot``.
    var squareRoot: (open: String, close: String, argumentIsAtom: Bool) { unicode.squareRoot }
    /// As ``UnicodeMath/absoluteValue``.
    var absoluteValue: (open: String, close: String) { unicode.absoluteValue }
    /// As ``UnicodeMath/indicator``.
    var indicator: String { unicode.indicator }
    /// As ``UnicodeMath/colorOpening(_:)``: none, as a picture colours whole texts.
    func colorOpening(_ color: String) -> String? { unicode.colorOpening(color) }
    /// As ``UnicodeMath/blank(width:)``.
    func blank(width: Double) -> String { unicode.blank(width: width) }
    /// As ``UnicodeMath/transposeMark``.
    var transposeMark: String { unicode.transposeMark }
    /// As ``UnicodeMath/hadamard``.
    var hadamard: String { unicode.hadamard }
    /// As ``UnicodeMath/ellipses``.
    var ellipses: (vertical: String, horizontal: String, diagonal: String) { unicode.ellipses }
    /// As ``UnicodeMath/setsMatricesAsBlocks``.
    var setsMatricesAsBlocks: Bool { unicode.setsMatricesAsBlocks }
    /// As ``UnicodeMath/matrix(_:)``.
    func matrix(_ rows: [[String]]) -> String { unicode.matrix(rows) }
    /// As ``UnicodeMath/primed(_:hasSuperscript:)``.
    func primed(_ name: String, hasSuperscript: Bool) -> String { unicode.primed(name, hasSuperscript: hasSuperscript) }
    /// As ``UnicodeMath/words(_:)``.
    func words(_ text: String) -> String { unicode.words(text) }
    /// As ``UnicodeMath/slashedPartial``.
    var slashedPartial: (open: String, middle: String) { unicode.slashedPartial }
}
