import BackpropKit

/// How one math syntax spells what a ``MathPrinter`` has laid out: numbers, names, fractions, partials,
/// powers, parentheses, colour, matrices and blanks.
///
/// The printer decides once, for every syntax, where parentheses go and which factors sit side by side
/// (SymPy's printers work the same way); a spelling only says how each piece is written. A new syntax is
/// one new type, such as ``LaTeXMath``, ``UnicodeMath`` and ``MathMLMath``.
public protocol MathSpelling: Sendable {
    /// Whether fractions a/b and partials ∂a/∂b are set stacked, two lines tall: they then bind like atoms,
    /// stand next to each other without a multiplication sign, and make the parentheses around them grow.
    var stacksFractions: Bool { get }
    /// The signs written between operands: minus, multiplication and juxtaposition.
    var signs: MathSigns { get }

    /// A number in scientific form, `mantissa × 10^exponent`; the mantissa is already signed.
    func scientific(_ mantissa: String, exponent: Int) -> String
    /// Writes a symbol's name: its base, subscripts and superscript.
    func write(_ name: SymbolName, to output: inout some TextOutputStream)
    /// An opening parenthesis, growing with its contents when `tall`.
    func openParenthesis(tall: Bool) -> String
    /// A closing parenthesis, growing with its contents when `tall`.
    func closeParenthesis(tall: Bool) -> String
    /// `text` between square brackets, growing with it when `tall`: an entry [∂δ/∂W]₁,₂ of a matrix.
    func squareBracketed(_ text: String, tall: Bool) -> String
    /// The three pieces around a fraction's numerator and denominator: `\frac{`, `}{`, `}` or ``, `/`, ``.
    var fraction: (open: String, middle: String, close: String) { get }
    /// The three pieces around a partial derivative's quantity and variable: `∂`, `/∂`, `` in text.
    var partial: (open: String, middle: String, close: String) { get }
    /// Writes the exponent of a power: `^{…}`, or a Unicode superscript when every character has one.
    /// - Parameters:
    ///   - exponent: The exponent printed on its own.
    ///   - atom: The exponent printed as an atom (parenthesised when it is not one), for `^(…)`.
    func writeExponent(_ exponent: String, atom: () -> String, to output: inout String)
    /// The pieces around a square root's argument, and whether the argument must be an atom (`√x` in text).
    var squareRoot: (open: String, close: String, argumentIsAtom: Bool) { get }
    /// The pieces around an absolute value's argument.
    var absoluteValue: (open: String, close: String) { get }
    /// The opening of the indicator function `𝟙[x > 0]`.
    var indicator: String { get }
    /// The opening of `text` coloured `color`, or `nil` where the syntax has no colour; closed by ``colorClosing``.
    func colorOpening(_ color: String) -> String?
    /// A blank for a student to fill in, as long as the answer it hides: `width` characters of printed math.
    func blank(width: Double) -> String

    /// The transpose mark ᵀ.
    var transposeMark: String { get }
    /// The entry-by-entry product ⊙, with its spaces.
    var hadamard: String { get }
    /// The ellipses of a summarised matrix or sum: vertical ⋮, horizontal ⋯ and diagonal ⋱.
    var ellipses: (vertical: String, horizontal: String, diagonal: String) { get }
    /// Whether matrices are set as two-dimensional blocks of text lines (plain text) rather than by the
    /// syntax's own matrix environment on one line.
    var setsMatricesAsBlocks: Bool { get }
    /// A matrix on one line from its printed cells.
    func matrix(_ rows: [[String]]) -> String
    /// A prime for a derivative's name, such as g′.
    func primed(_ name: String, hasSuperscript: Bool) -> String

    /// Words inside a formula, such as a diagram's label.
    func words(_ text: String) -> String
    /// The pieces around a partial derivative written on one line, ∂a/∂b, in both syntaxes.
    var slashedPartial: (open: String, middle: String) { get }

    /// What a numeral's digits (`0.25`, a number without its sign) are written between: nothing in text
    /// syntaxes, `<mn>` and `</mn>` in MathML.
    var numeral: (open: String, close: String) { get }
    /// What opens a power before its base, for a syntax that encloses base and exponent together; the
    /// exponent written by ``writeExponent(_:atom:to:)`` closes it.
    var powerOpening: String { get }
    /// What closes the indicator function after its argument: ` > 0]`.
    var indicatorClosing: String { get }
    /// What closes a colour opened by ``colorOpening(_:)``.
    var colorClosing: String { get }
}

extension MathSpelling {
    /// Nothing: text syntaxes write numerals as plain characters.
    public var numeral: (open: String, close: String) { ("", "") }
    /// Nothing: the exponent follows the base.
    public var powerOpening: String { "" }
    /// ` > 0]`.
    public var indicatorClosing: String { " > 0]" }
    /// `}`.
    public var colorClosing: String { "}" }
}

/// The signs a math syntax writes between operands, each with its spaces.
public struct MathSigns: Sendable, Equatable {
    /// The minus sign of a negative number or a negation.
    public let minus: String
    /// The multiplication sign before a number.
    public let times: String
    /// What separates two factors that would otherwise run together, such as two names: a thin space where
    /// the syntax typesets it, a centred dot in plain text.
    public let adjacentFactors: String
    /// The estimated width of ``adjacentFactors``, in characters.
    public let adjacentFactorsWidth: Double
    /// The plus sign of a sum.
    public let plus: String
    /// The equals sign between the forms of a step, with its spaces.
    public let equals: String
    /// The comma between a function's arguments.
    public let comma: String
    /// The minus sign of a difference, between two terms.
    public let subtraction: String

    /// The signs of a syntax.
    public init(minus: String, times: String, adjacentFactors: String, adjacentFactorsWidth: Double,
                plus: String = "+", equals: String = " = ", comma: String = ",", subtraction: String? = nil) {
        self.minus = minus
        self.times = times
        self.adjacentFactors = adjacentFactors
        self.adjacentFactorsWidth = adjacentFactorsWidth
        self.plus = plus
        self.equals = equals
        self.comma = comma
        self.subtraction = subtraction ?? minus
    }
}
