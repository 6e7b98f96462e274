import BackpropKit

// MARK: - Tables of a layer

/// The tables of a layer's values, neuron by neuron or weight by weight, compact enough for a wide layer: an
/// exercise sheet's weights, and everything a short handout does not derive in full.
extension NetworkProse {
    /// The width of a printed line a compact table's columns share once its row headings are set, the width of a
    /// character of its small type and the room between two columns, in tenths of a point (measured on A4 with
    /// 2 cm margins): what a compact table fits on a line.
    private static let compactLine = (columns: 4380, character: 40, gap: 60)

    /// The significant digits of a compact table's numbers: the handout's, and at most 4, so a row of a wide layer fits a page.
    private var compactDigits: Int { Swift.min(numbers.significantDigits ?? 4, 4) }

    /// `count` columns cut into as few runs as fit a line, of even length, when each holds numbers of up to
    /// `characters` characters: at most 12 columns.
    private static func runs(of count: Int, characters: Int) -> [Range<Int>] {
        let limit = Swift.max(2, Swift.min(12, compactLine.columns / (compactLine.character * characters + compactLine.gap)))
        let runCount = (count + limit - 1) / limit
        let length = runCount > 0 ? (count + runCount - 1) / runCount : 0
        return stride(from: 0, to: count, by: Swift.max(length, 1)).map { $0..<Swift.min($0 + length, count) }
    }

    /// A sentence and the tables of a quantity of layer k indexed like its weights: for the weight from neuron i
    /// of layer k-1 to neuron j of layer k, `value(i, j)`, and with `biases` a line of `value(inputWidth, j)`.
    /// The longer of the two layers runs down the rows, and the tables are cut where the columns would not fit a line.
    /// - Parameters:
    ///   - quantity: What the cells hold, for any weight: w, or ∂δ/∂w.
    ///   - biases: What the bias line holds, for any bias, or `nil` for no such line.
    ///   - rounded: Whether the numbers are rounded to a compact table's digits.
    package func gridTables(layer k: Int, of quantity: Expression, biases: Expression?, rounded: Bool = false,
                            value: (Int, Int) -> Double) -> [HandoutBlock] {
        let layer = network.layer(k)
        // The inputs down the rows, unless the layer is the narrower: then its neurons, with the biases a last column.
        let transposed = layer.width < layer.inputWidth
        let (rowLayer, columnLayer) = transposed ? (k, k - 1) : (k - 1, k)
        var sentence: [Phrase] = [.text("Layer "), .layer(label(k)), .text(": "), .math(quantity),
                                  .text(transposed ? " from the column's neuron to the row's" : " from the row's neuron to the column's")]
        if let biases { sentence += [.text(transposed ? "; the last column: " : "; the last row: "), .math(biases)] }
        if rounded { sentence.append(.text(", to \(compactDigits) significant digits")) }
        sentence.append(.text("."))
        let figure = NumberFormat(significantDigits: compactDigits)
        let shown: (Double) -> Double = { rounded ? figure.rounded($0) : $0 }
        // cell(row, column) with the bias line as index inputWidth of the previous layer.
        func cell(_ row: Int, _ column: Int) -> Double { shown(transposed ? value(column, row) : value(row, column)) }
        let rowCount = transposed ? layer.width : layer.inputWidth + (biases == nil ? 0 : 1)
        let columnCount = transposed ? layer.inputWidth + (biases == nil ? 0 : 1) : layer.width
        func heading(_ index: Int, of layerIndex: Int) -> Table.Cell {
            if layerIndex == k - 1 && index == layer.inputWidth, let biases { return .math(biases) }
            return .math(.of(.activation(layer: layerIndex, neuron: index)))
        }
        var widest = 1
        for row in 0..<rowCount {
            for column in 0..<columnCount { widest = Swift.max(widest, numbers.string(cell(row, column)).count) }
        }
        var blocks: [HandoutBlock] = [.paragraph(sentence)]
        for columns in Self.runs(of: columnCount, characters: widest) {
            let rows = (0..<rowCount).map { row in [heading(row, of: rowLayer)] + columns.map { column in Table.Cell.number(cell(row, column)) } }
            blocks.append(.table(Table(columns: [.math(quantity)] + columns.map { heading($0, of: columnLayer) }, rows: rows, isCompact: true)))
        }
        return blocks
    }

    /// Tables of quantities of every neuron of layer k, headed by the layer, one row per quantity and one column per neuron, the
    /// numbers rounded to a compact table's digits; wide layers are cut where the columns would not fit a line.
    /// - Parameter rows: Each row's heading, for any neuron, and its value at neuron j.
    package func neuronTables(layer k: Int, rows: [(heading: Expression, value: (Int) -> Double)]) -> [HandoutBlock] {
        let figure = NumberFormat(significantDigits: compactDigits)
        let width = network.widths[k]
        let widest = rows.lazy.flatMap { row in (0..<width).lazy.map { self.numbers.string(figure.rounded(row.value($0))).count } }.max() ?? 1
        return Self.runs(of: width, characters: widest).map { neurons in
            .table(Table(columns: [.phrases([.text("layer "), .layer(label(k))])] + neurons.map { .text(String($0 + 1)) }, rows: rows.map { row in
                [.math(row.heading)] + neurons.map { .number(figure.rounded(row.value($0))) }
            }, isCompact: true))
        }
    }

    // MARK: - The sentences of a short handout

    /// What a short handout derives in full and where the rest is.
    package func focusExplanation(_ path: NeuronPath) -> [Phrase] {
        var phrases: [Phrase] = [.text("This short handout derives one path in full, ")]
        for (k, neuron) in path.neurons.enumerated() {
            phrases += [.text(k == 0 ? "" : " → "), .math(.of(.activation(layer: k, neuron: neuron)))]
        }
        phrases.append(.text("; tables after each layer give every other neuron and weight, to \(compactDigits) significant digits, each computed as the path's step of the same kind."))
        return phrases
    }
}
