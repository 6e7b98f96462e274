import BackpropKit
@testable import BackpropRendering
import Testing

/// Matrices of numbers in LaTeX, Markdown math and Unicode, aligned, and summarised when large.
@Suite struct MatrixPrinterTests {
    private let square = Matrix(rows: [[0.1, -0.25], [12.5, 0.4]])

    @Test func latexIsABmatrixOnOneLine() throws {
        let printer = MatrixPrinter(LaTeXMath(flavor: .document))
        #expect(printer.string(try #require(square)) == "\\begin{bmatrix} 0.1 & -0.25 \\\\ 12.5 & 0.4 \\end{bmatrix}")
        #expect(printer.string(Matrix(column: [1, 2])) == "\\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}")
        #expect(printer.lines(Matrix(row: [1, 2])) == ["\\begin{bmatrix} 1 & 2 \\end{bmatrix}"])
    }

    /// GitHub collapses a `\\` in the middle of a line, so Markdown math sets each row on a line of its own.
    @Test func markdownIsABmatrixWithOneRowPerLine() throws {
        let printer = MatrixPrinter(LaTeXMath(flavor: .markdown))
        #expect(printer.string(try #require(square)) == "\\begin{bmatrix}\n0.1 & -0.25 \\\\\n12.5 & 0.4\n\\end{bmatrix}")
        #expect(printer.lines(Matrix(row: [1, 2])) == ["\\begin{bmatrix}\n1 & 2\n\\end{bmatrix}"])
    }

    @Test func numbersGoThroughTheNumberFormat() {
        let value = Matrix(row: [0.123456, 1.5e-7, -2])
        #expect(MatrixPrinter(LaTeXMath()).string(value) == "\\begin{bmatrix} 0.123456 & 1.5 \\times 10^{-7} & -2 \\end{bmatrix}")
        #expect(MatrixPrinter(UnicodeMath(), numbers: NumberFormat(significantDigits: 2)).string(value) == "[0.12, 1.5×10⁻⁷, −2]")
    }

    @Test func unicodeInlineSeparatesRowsBySemicolons() throws {
        let printer = MatrixPrinter(UnicodeMath())
        #expect(printer.string(try #require(square)) == "[0.1, −0.25; 12.5, 0.4]")
        #expect(printer.string(Matrix(column: [1, 2, 3])) == "[1; 2; 3]")
        #expect(printer.string(Matrix(row: [1, 2, 3])) == "[1, 2, 3]")
    }

    /// Each column is aligned on its decimal points; a single row gets square brackets.
    @Test func unicodeBlockAlignsDecimalPoints() throws {
        let printer = MatrixPrinter(UnicodeMath())
        #expect(printer.lines(try #require(square)) == [
            "⎡  0.1  −0.25 ⎤",
            "⎣ 12.5   0.4  ⎦",
        ])
        #expect(printer.lines(Matrix(column: [0.5, -12, 3.25])) == [
            "⎡   0.5  ⎤",
            "⎢ −12    ⎥",
            "⎣   3.25 ⎦",
        ])
        #expect(printer.lines(Matrix(row: [1, 2.5])) == ["[ 1  2.5 ]"])
        #expect(printer.lines(Matrix(row: [1.5e-7, 2])) == ["[ 1.5×10⁻⁷  2 ]"])
    }

    /// More than eight rows or columns: the first six, an ellipsis, the last.
    @Test func largeMatricesAreSummarised() throws {
        let large = try #require(Matrix(rows: (0..<10).map { i in (0..<12).map { j in Double(100 * i + j) } }))
        let latex = MatrixPrinter(LaTeXMath()).string(large)
        let rows = latex.dropFirst("\\begin{bmatrix} ".count).dropLast(" \\end{bmatrix}".count)
            .components(separatedBy: " \\\\ ")
        #expect(rows.count == 8)
        #expect(rows[0] == "0 & 1 & 2 & 3 & 4 & 5 & \\cdots & 11")
        #expect(rows[6] == "\\vdots & \\vdots & \\vdots & \\vdots & \\vdots & \\vdots & \\ddots & \\vdots")
        #expect(rows[7] == "900 & 901 & 902 & 903 & 904 & 905 & \\cdots & 911")

        let text = MatrixPrinter(UnicodeMath()).lines(large)
        #expect(text.count == 8)
        #expect(text[0] == "⎡   0    1    2    3    4    5  ⋯   11 ⎤")
        #expect(text[6] == "⎢  ⋮    ⋮    ⋮    ⋮    ⋮    ⋮   ⋱   ⋮  ⎥")
        #expect(text[7] == "⎣ 900  901  902  903  904  905  ⋯  911 ⎦")
        #expect(MatrixPrinter(UnicodeMath()).string(Matrix(column: (1...20).map(Double.init)))
            == "[1; 2; 3; 4; 5; 6; ⋮; 20]")
    }

    @Test func limitsCanBeChosen() {
        let printer = MatrixPrinter(UnicodeMath(), maximumRows: 3, maximumColumns: 1)
        #expect(printer.maximumColumns == 3)
        #expect(printer.string(Matrix(row: [1, 2, 3, 4])) == "[1, ⋯, 4]")
        #expect(printer.string(Matrix(column: [1, 2, 3])) == "[1; 2; 3]")
    }

    @Test func matrixArithmetic() throws {
        let a = try #require(Matrix(rows: [[1, 2, 3], [4, 5, 6]]))
        #expect(a.transposed == Matrix(rows: [[1, 4], [2, 5], [3, 6]]))
        let exact = Rounding.exact
        #expect(try MatrixExpression.product(.value(a), .value(Matrix(column: [1, 0, -1]))).evaluated(rounding: exact) == Matrix(column: [-2, -2]))
        #expect(try MatrixExpression.product(.value(a), .value(a)).evaluated(rounding: exact) == nil)
        #expect(try MatrixExpression.hadamard(.value(a), .value(a)).evaluated(rounding: exact) == Matrix(rows: [[1, 4, 9], [16, 25, 36]]))
        #expect(try MatrixExpression.hadamard(.value(a), .transpose(.value(a))).evaluated(rounding: exact) == nil)
        #expect(try MatrixExpression.quantity(.errors(layer: 1)).evaluated(rounding: exact) == nil)
        // Each entry is the decimal arithmetic of the printed numbers, rounded once: 0.15 · 0.05 + 0.2 · 0.1 + 0.35 · 1
        // is 0.3775 and rounds to 0.378, where binary arithmetic gives 0.37749999….
        let row = try #require(Matrix(rows: [[0.15, 0.2, 0.35]]))
        #expect(try MatrixExpression.product(.value(row), .value(Matrix(column: [0.05, 0.1, 1]))).evaluated(rounding: Rounding(significantDigits: 3))
            == Matrix(column: [0.378]))
        #expect(Matrix(rows: [[1, 2], [3]]) == nil)
        #expect(a.entry(1, 2) == 6 && a.entry(2, 0) == nil && a.entry(0, 3) == nil)
        #expect(a.column == nil && Matrix(column: [1, 2]).column == [1, 2])
    }
}
