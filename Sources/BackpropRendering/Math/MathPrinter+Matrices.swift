import BackpropKit

extension MathPrinter {
    /// The printer of the matrix form in the same spelling, notation and numbers: matrices summarised beyond
    /// 8 rows and columns, or fewer columns when their numbers are too wide for a line.
    var matrixPrinter: MatrixExpressionPrinter<Spelling> {
        MatrixExpressionPrinter(spelling, notation: notation, numbers: numbers)
    }
}
