import BackpropKit

/// Prints the formulas of a ``VectorizedDerivation`` as LaTeX math or Unicode text, naming every vector
/// and matrix through a ``Notation`` and every number through a ``MatrixPrinter``.
///
/// A notation may name a vector itself (``Notation/matrixName(of:)``, the textbook's δ^{(l)} and ∇_a C);
/// otherwise names come from its scalar names, so every notation reads the same equations:
/// - a layer's vector is the scalar name without the neuron's index: o_{n-1} from o_{n-1,j}, a^{(l)} from
///   a^{(l)}_j, x from x_j;
/// - the weight matrix is the weight's name without its two neuron indices, its letter capitalised:
///   W_{n-1} from w_{n-1,i,j}, W^{(l)} from w^{(l)}_{jk};
/// - gradients are derivatives of the loss, ∂δ/∂f_n, ∂δ/∂o_n, ∂δ/∂W_{n-1}, ∂δ/∂b_n;
/// - the activation's derivatives are g'_n(f_n), and its Jacobian ∂o_n/∂f_n.
///
/// Transposition is ᵀ (`^{\top}`), the matrix product juxtaposition and the Hadamard product ⊙ (`\odot`), each as the spelling writes it.
package struct MatrixExpressionPrinter<Spelling: MathSpelling> {
    /// How vectors and matrices are named.
    package let notation: any Notation
    /// How numeric matrices are printed.
    package let matrices: MatrixPrinter<Spelling>
    /// How scalar symbols and numbers are printed.
    private let scalars: MathPrinter<Spelling>

    /// A printer writing `spelling`, naming quantities in `notation`, printing numbers as `numbers` says and
    /// summarising matrices larger than `maximumRows` by `maximumColumns`.
    package init(_ spelling: Spelling, notation: any Notation, numbers: NumberFormat = .roundTrip,
                maximumRows: Int = 8, maximumColumns: Int = 8) {
        self.notation = notation
        matrices = MatrixPrinter(spelling, numbers: numbers, maximumRows: maximumRows, maximumColumns: maximumColumns)
        scalars = MathPrinter(spelling, notation: notation, numbers: numbers)
    }

    private var spelling: Spelling { scalars.spelling }

    // MARK: - Formulas

    /// The name of `quantity`, such as `\delta^{(2)}` or `∂δ/∂W₁`.
    package func string(_ quantity: MatrixQuantity) -> String {
        printed(quantity).text
    }

    /// `expression` on one line; numeric matrices as ``MatrixPrinter/string(_:maximumWidth:)`` writes them,
    /// each given the width of a line less the column vectors beside it.
    package func string(_ expression: MatrixExpression) -> String {
        string(expression, matrixWidth: matrixWidth(in: expression))
    }

    private func string(_ expression: MatrixExpression, matrixWidth: Double) -> String {
        switch expression {
        case .quantity(let quantity): return string(quantity)
        case .value(let matrix): return matrices.string(matrix, maximumWidth: matrixWidth)
        case .transpose(let operand):
            let text = string(operand, matrixWidth: matrixWidth)
            return (isBare(operand) ? text : parenthesized(text, tall: isTall(operand))) + transposeMark
        case .product(let left, let right):
            return operand(left, of: expression, matrixWidth: matrixWidth) + " " + operand(right, of: expression, matrixWidth: matrixWidth)
        case .hadamard(let left, let right):
            return operand(left, of: expression, matrixWidth: matrixWidth) + spelling.hadamard
                + operand(right, of: expression, matrixWidth: matrixWidth)
        }
    }

    /// The width of numbers each matrix of several columns in `expression` may take: a line's width
    /// (``MatrixPrinter/maximumWidth``) less the column vectors beside it, shared among the matrices.
    private func matrixWidth(in expression: MatrixExpression) -> Double {
        var vectors = 0.0, count = 0
        func visit(_ expression: MatrixExpression) {
            switch expression {
            case .quantity: break
            case .value(let matrix):
                if matrix.columnCount <= 1 { vectors += matrices.columnWidth(of: matrix) + 4 } else { count += 1 }
            case .transpose(let operand): visit(operand)
            case .product(let left, let right), .hadamard(let left, let right):
                visit(left)
                visit(right)
            }
        }
        visit(expression)
        return (matrices.maximumWidth - vectors) / Double(Swift.max(count, 1))
    }

    /// `expression` as lines of text, numeric matrices set as blocks (``MatrixPrinter/lines(_:)``)
    /// side by side, the operators on their middle lines, where the spelling sets matrices as blocks;
    /// elsewhere the one line of `string(_:)`.
    package func lines(_ expression: MatrixExpression) -> [String] {
        guard spelling.setsMatricesAsBlocks else { return [string(expression)] }
        return block(expression, matrixWidth: matrixWidth(in: expression)).lines.map(Self.trimmingTrailingSpaces)
    }

    /// A whole step as its quantity and its forms: its formula, the numbers substituted (left out for
    /// ∂C/∂b^{(l)} = δ^{(l)}, which substitutes nothing) and the resulting numbers, each on one line.
    package func forms(of step: VectorizedStep) -> (quantity: String, forms: [String]) {
        (string(step.quantity), formExpressions(of: step).map(string))
    }

    /// A whole step as lines of text, numeric matrices set as blocks, each `=` under the first.
    package func lines(of step: VectorizedStep) -> [String] {
        let quantity = string(step.quantity)
        let indent = String(repeating: " ", count: quantity.count)
        var lines: [String] = []
        for (index, form) in formExpressions(of: step).enumerated() {
            let lead = TextBlock((index == 0 ? quantity : indent) + " = ")
            lines += lead.followed(by: block(form, matrixWidth: matrixWidth(in: form))).lines.map(Self.trimmingTrailingSpaces)
        }
        return lines
    }

    private func formExpressions(of step: VectorizedStep) -> [MatrixExpression] {
        var forms = [step.formula]
        if step.showsArithmetic { forms.append(step.substituted) }
        forms.append(.value(step.value))
        return forms
    }

    /// The entry of `step` its ``VectorizedStep/link`` ties to the scalar derivation, as an equation of the
    /// entry and the scalar step it is, as in `[δ⁽ᴸ⁾]₁ = ∂C/∂z⁽ᴸ⁾₁`. The value is left out: the matrix above
    /// prints it, and the scalar step prints its own.
    package func linkEquation(of step: VectorizedStep) -> String {
        entry(row: step.link.row, column: step.link.column, of: step.quantity) + spelling.signs.equals + scalars.string(step.link.symbol)
    }

    /// Entry (`row`, `column`) (0-based) of `quantity`, 1-based in print: `[∂C/∂W⁽²⁾]₁,₂`, `[δ⁽²⁾]₁`.
    package func entry(row: Int, column: Int, of quantity: MatrixQuantity) -> String {
        let indices = quantity.isVector ? "\(row + 1)" : "\(row + 1),\(column + 1)"
        let name = printed(quantity)
        var text = ""
        spelling.write(SymbolName(spelling.squareBracketed(name.text, tall: isTall(name)), subscripts: [indices]), to: &text)
        return text
    }

    // MARK: - Names

    /// A printed name.
    private struct Printed {
        /// The text.
        let text: String
        /// Whether the name is a derivative ∂x/∂y: a fraction in LaTeX, a slash in Unicode.
        let isFraction: Bool
        /// Whether ᵀ may follow without parentheses: a plain letter without superscript.
        let takesMark: Bool
    }

    private func printed(_ quantity: MatrixQuantity) -> Printed {
        if let own = notation.matrixName(of: quantity) { return name(own) }
        switch quantity {
        case .activations, .preactivations, .weights, .biases:
            return name(vectorName(of: quantity))
        case .errors(let l): return partial(of: loss, by: .preactivations(layer: l))
        case .lossGradient(let l): return partial(of: loss, by: .activations(layer: l))
        case .weightGradient(let l): return partial(of: loss, by: .weights(layer: l))
        case .biasGradient(let l): return partial(of: loss, by: .biases(layer: l))
        case .activationJacobian(let l): return partial(of: printed(.activations(layer: l)), by: .preactivations(layer: l))
        case .activationDerivatives(let l):
            let function = notation.name(of: .activation(layer: l))
            var name = ""
            scalars.write(function, to: &name)
            let text = spelling.primed(name, hasSuperscript: function.superscript != nil)
            let argument = printed(.preactivations(layer: l))
            return Printed(text: text + parenthesized(argument.text, tall: isTall(argument)), isFraction: false, takesMark: false)
        }
    }

    private var loss: Printed {
        Printed(text: scalars.string(.of(.loss)), isFraction: false, takesMark: false)
    }

    /// ∂`quantity`/∂`variable`.
    private func partial(of quantity: Printed, by variable: MatrixQuantity) -> Printed {
        let variable = printed(variable).text
        let pieces = spelling.partial
        let text = pieces.open + quantity.text + pieces.middle + variable + pieces.close
        return Printed(text: text, isFraction: true, takesMark: false)
    }

    private func name(_ name: SymbolName) -> Printed {
        var text = ""
        scalars.write(name, to: &text)
        return Printed(text: text, isFraction: false, takesMark: name.superscript == nil && !name.isOperator)
    }

    /// The scalar name of a layer's quantity without the neuron indices: the subscripts that change
    /// from neuron to neuron are dropped; the weight matrix's letter is capitalised.
    private func vectorName(of quantity: MatrixQuantity) -> SymbolName {
        let names: [SymbolName]
        switch quantity {
        case .activations(let l): names = [0, 1].map { notation.name(of: .activation(layer: l, neuron: $0)) }
        case .preactivations(let l): names = [0, 1].map { notation.name(of: .preactivation(layer: l, neuron: $0)) }
        case .biases(let l): names = [0, 1].map { notation.name(of: .bias(layer: l, neuron: $0)) }
        default:
            let l = quantity.layer
            names = [(0, 0), (1, 0), (0, 1)].map { notation.name(of: .weight(layer: l - 1, from: $0, to: $1)) }
        }
        var name = names[0]
        name.subscripts = name.subscripts.enumerated().filter { index, part in
            names.allSatisfy { $0.subscripts.indices.contains(index) && $0.subscripts[index] == part }
        }.map(\.element)
        if case .weights = quantity, name.unicode.count == 1, name.unicode == name.latex {
            name.unicode = name.unicode.uppercased()
            name.latex = name.latex.uppercased()
        }
        return name
    }

    // MARK: - Layout

    /// An operand of `parent`, parenthesised when it is a product or Hadamard product of its own.
    private func operand(_ child: MatrixExpression, of parent: MatrixExpression, matrixWidth: Double) -> String {
        let text = string(child, matrixWidth: matrixWidth)
        switch child {
        case .product, .hadamard: return parenthesized(text, tall: isTall(child))
        case .quantity(let quantity) where !spelling.stacksFractions && printed(quantity).isFraction:
            // ∂δ/∂f oᵀ would read as ∂δ/(∂f oᵀ): a slashed derivative next to a factor gets parentheses.
            if case .product = parent { return "(" + text + ")" }
            return text
        default: return text
        }
    }

    private func block(_ expression: MatrixExpression, matrixWidth: Double) -> TextBlock {
        switch expression {
        case .quantity: return TextBlock(string(expression))
        case .value(let matrix):
            let lines = matrices.lines(matrix, maximumWidth: matrixWidth)
            return lines.isEmpty ? TextBlock("[]") : TextBlock(lines: lines, baseline: (lines.count - 1) / 2)
        case .transpose(let operand):
            let inner = block(operand, matrixWidth: matrixWidth)
            return (isBare(operand) ? inner : inner.parenthesized).marked(transposeMark)
        case .product(let left, let right):
            return operandBlock(left, of: expression, matrixWidth: matrixWidth).followed(by: TextBlock(" "))
                .followed(by: operandBlock(right, of: expression, matrixWidth: matrixWidth))
        case .hadamard(let left, let right):
            return operandBlock(left, of: expression, matrixWidth: matrixWidth).followed(by: TextBlock(" ⊙ "))
                .followed(by: operandBlock(right, of: expression, matrixWidth: matrixWidth))
        }
    }

    private func operandBlock(_ child: MatrixExpression, of parent: MatrixExpression, matrixWidth: Double) -> TextBlock {
        switch child {
        case .product, .hadamard: return block(child, matrixWidth: matrixWidth).parenthesized
        case .quantity: return TextBlock(operand(child, of: parent, matrixWidth: matrixWidth))
        default: return block(child, matrixWidth: matrixWidth)
        }
    }

    /// Whether ᵀ may follow `operand` without parentheses: a numeric matrix, or a plain name.
    private func isBare(_ operand: MatrixExpression) -> Bool {
        switch operand {
        case .value: return true
        case .quantity(let quantity): return printed(quantity).takesMark
        default: return false
        }
    }

    /// Whether LaTeX sets `expression` taller than a line: a fraction or a matrix.
    private func isTall(_ expression: MatrixExpression) -> Bool {
        switch expression {
        case .quantity(let quantity): return isTall(printed(quantity))
        case .value: return spelling.stacksFractions
        case .transpose(let operand): return isTall(operand)
        case .product(let left, let right), .hadamard(let left, let right): return isTall(left) || isTall(right)
        }
    }

    /// Whether LaTeX sets the name taller than a line: a fraction.
    private func isTall(_ name: Printed) -> Bool { spelling.stacksFractions && name.isFraction }

    private func parenthesized(_ text: String, tall: Bool) -> String {
        spelling.openParenthesis(tall: tall) + text + spelling.closeParenthesis(tall: tall)
    }

    private var transposeMark: String { spelling.transposeMark }

    private static func trimmingTrailingSpaces(_ line: String) -> String {
        var line = Substring(line)
        while line.last == " " { line.removeLast() }
        return String(line)
    }
}
