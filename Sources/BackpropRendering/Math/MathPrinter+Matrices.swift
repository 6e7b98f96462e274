import BackpropKit

extension MathPrinter {
    /// The printer of the matrix form in the same spelling, notation and numbers: matrices summarised beyond
    /// 4 columns when numbers are printed exactly (they are long), beyond 8 when rounded.
    var matrixPrinter: MatrixExpressionPrinter<Spelling> {
        MatrixExpressionPrinter(spelling, notation: notation, numbers: numbers, maximumColumns: numbers.significantDigits == nil ? 4 : 8)
    }
}
