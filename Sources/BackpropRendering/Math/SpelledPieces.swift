/// The pieces of a ``MathSpelling`` that a ``MathPrinter`` writes in nearly every formula, as UTF-8 made
/// once: signs, separators of factors, the brackets of partials, fractions and parentheses.
struct SpelledPieces {
    /// `−`.
    let minus: UTF8Text
    /// `− `, before a negative term of a sum.
    let minusSpace: UTF8Text
    /// `+ `, before a positive term of a sum.
    let plusSpace: UTF8Text
    /// A space, between the terms of a sum.
    let space: UTF8Text
    /// The multiplication sign before a number.
    let times: UTF8Text
    /// What separates two factors side by side.
    let adjacentFactors: UTF8Text
    /// The estimated width of ``adjacentFactors``, in characters.
    let adjacentFactorsWidth: Double
    /// `∂of/∂variable`: before, between, after.
    let partial: (open: UTF8Text, middle: UTF8Text, close: UTF8Text)
    /// `numerator/denominator`: before, between, after.
    let fraction: (open: UTF8Text, middle: UTF8Text, close: UTF8Text)
    /// Parentheses around what holds no stacked fraction.
    let parentheses: (open: UTF8Text, close: UTF8Text)
    /// Parentheses around what holds a stacked fraction.
    let tallParentheses: (open: UTF8Text, close: UTF8Text)
    /// `, `, between arguments.
    let comma: UTF8Text
    /// What closes a colour: `}`.
    let colorClosing: UTF8Text
    /// What a numeral's digits are written between.
    let numeral: (open: UTF8Text, close: UTF8Text)

    /// The pieces of `spelling`.
    init(_ spelling: some MathSpelling) {
        minus = UTF8Text(spelling.signs.minus)
        minusSpace = UTF8Text(spelling.signs.subtraction + " ")
        plusSpace = UTF8Text(spelling.signs.plus + " ")
        space = UTF8Text(" ")
        times = UTF8Text(spelling.signs.times)
        adjacentFactors = UTF8Text(spelling.signs.adjacentFactors)
        adjacentFactorsWidth = spelling.signs.adjacentFactorsWidth
        partial = (UTF8Text(spelling.partial.open), UTF8Text(spelling.partial.middle), UTF8Text(spelling.partial.close))
        fraction = (UTF8Text(spelling.fraction.open), UTF8Text(spelling.fraction.middle), UTF8Text(spelling.fraction.close))
        parentheses = (UTF8Text(spelling.openParenthesis(tall: false)), UTF8Text(spelling.closeParenthesis(tall: false)))
        tallParentheses = (UTF8Text(spelling.openParenthesis(tall: true)), UTF8Text(spelling.closeParenthesis(tall: true)))
        comma = UTF8Text(spelling.signs.comma + " ")
        colorClosing = UTF8Text(spelling.colorClosing)
        numeral = (UTF8Text(spelling.numeral.open), UTF8Text(spelling.numeral.close))
    }
}
